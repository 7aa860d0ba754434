import type { Logger } from 'pino';
import type { Db } from '../db/db.types.ts';
import type { SessionUser } from '../domain/user.ts';
import type { EdgeSettings } from './config.ts';
import type { OidcSettings } from './auth/oidc.config.ts';

/** What every route can reach through the Hono context. */
export interface AppDeps {
  db: Db;
  logger: Logger;
  version: string;
  /** Trusted proxies and the public URL (LANTU_TRUSTED_PROXIES, LANTU_PUBLIC_URL); unset: no proxy is trusted. */
  edge?: EdgeSettings;
  /** Government sign-on (LANTU_OIDC_*); unset or null: password login only. */
  oidc?: OidcSettings | null;
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
