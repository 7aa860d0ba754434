import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Db } from '../db/db.types.ts';
import type { Config } from './config.ts';
import { createApp } from './app.ts';
import { prepareDatabase } from './database.ts';
import { createLogger } from './logger.ts';
import { PublicReplay } from './public-replay.ts';
import { parsePool } from '../importers/worker/parse-pool.ts';
import { startBackground, type Background } from './background.ts';
import { loadMailConfig, setPublicBaseUrl, type MailConfig } from './modules/notifications/mail.config.ts';
import { VERSION } from './version.ts';

export interface RunningServer {
  url: string;
  /** The open database (closed by stop()). */
  db: Db;
  /** E-mail settings, or null when notifications stay in the workspace. */
  mail: MailConfig | null;
  background: Background;
  stop(): Promise<void>;
}

/** Starts lantu: database ready, then HTTP. Resolves once listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const mail = loadMailConfig();
  const db = await prepareDatabase(config, logger);
  const app = createApp({ db, logger, version: VERSION, edge: config.edge, oidc: config.oidc });
  const replay = new PublicReplay(db);
  const handle = getRequestListener(replay.record(app.fetch));
  const server: Server = createServer((req, res) => {
    if (!replay.tryServe(req, res)) void handle(req, res);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, db: db.kind }, 'lantu listening');
  setPublicBaseUrl(url);
  const background = startBackground(db, logger, mail);
  // The parsing workers start now and load the readers, not when the first upload arrives
  // (LANTU_PARSE_WARM=0 leaves them to the first upload, as the test suites do).
  if (process.env.LANTU_PARSE_WARM !== '0')
    parsePool()
      .warm()
      .catch((e: unknown) => logger.warn({ err: String(e) }, 'parsing workers not warmed up'));

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await background.stop();
      await db.close();
      logger.info('lantu stopped');
    })());
  return { url, db, mail, background, stop };
}
