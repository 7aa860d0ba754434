import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../app-env.ts';
import { errorBody } from '../errors.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { sameToken } from './tokens.ts';
import { NO_TRUSTED_PROXIES, resolveClientAddress } from './client-identity.ts';

export const SESSION_COOKIE = 'lantu_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** State-changing routes that need no session, so no CSRF token exists yet. */
const CSRF_EXEMPT = [/^\/api\/auth\/login$/, /^\/api\/public\//];

/** Loads the session from the cookie and enforces the CSRF token on every state-changing request of a session. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null);
  c.set('sessionToken', null);
  c.set('csrfToken', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const session = await resolveSession(c.var.deps.db, token);
    if (session) {
      c.set('user', session.user);
      c.set('sessionToken', token);
      c.set('csrfToken', session.csrfToken);
    }
  }
  if (!SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.some((re) => re.test(c.req.path))) {
    const expected = c.var.csrfToken;
    const given = c.req.header(CSRF_HEADER);
    if (expected && (!given || !sameToken(given, expected))) {
      return c.json(
        errorBody('forbidden', { zh: '缺少或错误的CSRF令牌', en: 'CSRF token missing or wrong' }),
        403,
      );
    }
  }
  await next();
};

/** The client's address: the socket peer, or the hop a trusted proxy forwarded (client-identity.ts). */
export function clientKey(c: Context<AppEnv>): string {
  const proxies = c.var.deps.edge?.trustedProxies ?? NO_TRUSTED_PROXIES;
  return resolveClientAddress(socketAddress(c), c.req.header(proxies.header), proxies);
}

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests: no socket
  }
}

/** Whether the browser reached us over TLS: LANTU_PUBLIC_URL says https, or a trusted proxy says so. */
export function isHttps(c: Context<AppEnv>): boolean {
  const edge = c.var.deps.edge;
  if (edge?.publicUrl?.protocol === 'https:') return true;
  const peer = socketAddress(c);
  if (edge && peer && edge.trustedProxies.has(peer) && c.req.header('x-forwarded-proto') === 'https')
    return true;
  return new URL(c.req.url).protocol === 'https:';
}
