import type { Logger } from 'pino';
import type { Db } from '../db/db.types.ts';
import type { SessionUser } from '../domain/user.ts';

/** What every route can reach through the Hono context. */
export interface AppDeps {
  db: Db;
  logger: Logger;
  version: string;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (set when behind a reverse proxy). */
  trustProxy?: boolean;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    user: SessionUser | null;
    sessionToken: string | null;
    csrfToken: string | null;
  };
};
