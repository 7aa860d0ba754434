import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { clientKey, isHttps, SESSION_COOKIE } from '../../auth/session.middleware.ts';
import { validationHook } from '../../errors.ts';
import { loginBodySchema, sessionSchema } from './auth.schemas.ts';
import { LOCALES, login, logout, setLocale } from './auth.service.ts';
import { refuseLocalPassword } from './oidc.service.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Log in 登录',
    request: { body: { content: { 'application/json': { schema: loginBodySchema } }, required: true } },
    responses: {
      200: json(sessionSchema, 'Logged in; sets the lantu_session cookie'),
      401: err('Wrong email or password'),
      403: err(
        'Disabled account, or passwords are off (LANTU_OIDC_SSO_ONLY) for all but break-glass accounts',
      ),
      422: err('Malformed request'),
      429: err('Locked after repeated failures'),
    },
  }),
  async (c) => {
    const { email, password } = c.req.valid('json');
    refuseLocalPassword(c.var.deps.oidc, email); // LANTU_OIDC_SSO_ONLY: break-glass accounts only
    const r = await login(c.var.deps.db, email, password, clientKey(c));
    setCookie(c, SESSION_COOKIE, r.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      path: '/',
      expires: r.expiresAt,
    });
    return c.json({ user: r.user, csrfToken: r.csrfToken }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'Log out 退出',
    responses: {
      204: { description: 'Session ended' },
      401: err('Not logged in'),
      403: err('CSRF token missing'),
    },
  }),
  async (c) => {
    const user = requireUser(c);
    await logout(c.var.deps.db, c.var.sessionToken ?? '', user);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/auth/me',
    tags: ['auth'],
    summary: 'The logged-in user 当前用户',
    responses: { 200: json(sessionSchema, 'The session'), 401: err('Not logged in') },
  }),
  (c) => {
    const user = requireUser(c);
    return c.json({ user, csrfToken: c.var.csrfToken ?? '' }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/auth/me',
    tags: ['auth'],
    summary: 'Set my language 设置界面语言',
    request: {
      body: {
        content: { 'application/json': { schema: z.object({ locale: z.enum(LOCALES) }) } },
        required: true,
      },
    },
    responses: {
      200: json(sessionSchema, 'The session with the new locale'),
      401: err('Not logged in'),
      403: err('CSRF token missing'),
      422: err('Unknown locale'),
    },
  }),
  async (c) => {
    const user = await setLocale(c.var.deps.db, requireUser(c), c.req.valid('json').locale);
    return c.json({ user, csrfToken: c.var.csrfToken ?? '' }, 200);
  },
);
