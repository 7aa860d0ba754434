import { serve, type ServerType } from '@hono/node-server';
import type { Db } from '../db/db.types.ts';
import type { Config } from './config.ts';
import { createApp } from './app.ts';
import { prepareDatabase } from './database.ts';
import { createLogger } from './logger.ts';
import { VERSION } from './version.ts';

export interface RunningServer {
  url: string;
  /** The open database (closed by stop()). */
  db: Db;
  stop(): Promise<void>;
}

/** Starts lantu: database ready, then HTTP. Resolves once listening. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const db = await prepareDatabase(config, logger);
  const app = createApp({ db, logger, version: VERSION });
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, db: db.kind }, 'lantu listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      logger.info('lantu stopped');
    })());
  return { url, db, stop };
}
