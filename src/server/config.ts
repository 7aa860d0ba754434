import { z } from 'zod';
import { LantuError } from '../domain/errors.ts';
import { zodIssueMessage } from '../domain/zod-messages.ts';
import { parseTrustedProxies, type TrustedProxies } from './auth/client-identity.ts';
import { loadOidcSettings, type OidcSettings } from './auth/oidc.config.ts';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  LANTU_DATA_DIR: z.string().min(1).default('./.lantu/data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LANTU_TRUSTED_PROXIES: z.string().default(''),
  LANTU_FORWARDED_HEADER: z.enum(['x-forwarded-for', 'forwarded']).default('x-forwarded-for'),
  LANTU_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
});

/** What the network edge needs to know about the deployment in front of it. */
export interface EdgeSettings {
  /** Peers whose forwarding header names the client (LANTU_TRUSTED_PROXIES; none by default). */
  trustedProxies: TrustedProxies;
  /** The address browsers use (LANTU_PUBLIC_URL): https makes the session cookie Secure; absolute links. */
  publicUrl: URL | null;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  edge: EdgeSettings;
  /** Government sign-on (LANTU_OIDC_*), or null when it is not configured. */
  oidc: OidcSettings | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    LANTU_DATA_DIR: env.LANTU_DATA_DIR || undefined,
    LOG_LEVEL: env.LOG_LEVEL || undefined,
    LANTU_TRUSTED_PROXIES: env.LANTU_TRUSTED_PROXIES || undefined,
    LANTU_FORWARDED_HEADER: env.LANTU_FORWARDED_HEADER?.toLowerCase() || undefined,
    LANTU_PUBLIC_URL: env.LANTU_PUBLIC_URL || undefined,
  });
  if (!parsed.success) {
    const m = zodIssueMessage(parsed.error.issues, { zh: '配置', en: 'configuration' });
    throw new LantuError('config_invalid', { zh: `环境变量 ${m.zh}`, en: m.en });
  }
  const c = parsed.data;
  const publicUrl = c.LANTU_PUBLIC_URL ? new URL(c.LANTU_PUBLIC_URL.replace(/\/+$/, '') + '/') : null;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL ?? null,
    dataDir: c.LANTU_DATA_DIR,
    logLevel: c.LOG_LEVEL,
    edge: {
      trustedProxies: parseTrustedProxies(c.LANTU_TRUSTED_PROXIES, c.LANTU_FORWARDED_HEADER),
      publicUrl,
    },
    oidc: loadOidcSettings(env, publicUrl),
  };
}
