import type { Logger } from 'pino';
import type { Db } from '../db/db.types.ts';

/** What every route can reach through the Hono context. */
export interface AppDeps {
  db: Db;
  logger: Logger;
  version: string;
}

export type AppEnv = { Variables: { deps: AppDeps; requestId: string } };
