import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { oidcRepository } from '../../../db/repositories/oidc.repository.ts';
import { isLantuError } from '../../../domain/errors.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import {
  endSessionUrl,
  finishAuthorisation,
  OidcCallbackError,
  startAuthorisation,
} from '../../auth/oidc.client.ts';
import type { OidcSettings } from '../../auth/oidc.config.ts';
import { isHttps, SESSION_COOKIE } from '../../auth/session.middleware.ts';
import { hashToken, sameToken } from '../../auth/tokens.ts';
import { notFound, validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';
import {
  auditRefusal,
  completeSignOn,
  endSignOnSession,
  landingPage,
  safeReturnTo,
  SIGN_ON_REFUSALS,
} from './oidc.service.ts';

/** Government sign-on (统一身份认证): OpenID Connect authorisation-code flow with PKCE. */
export const oidcRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** The state of the redirect in progress, so a callback only completes in the browser that started it. */
const STATE_COOKIE = 'lantu_oidc_state';
const STATE_MINUTES = 10;

function settingsOf(c: Context<AppEnv>): OidcSettings {
  const s = c.var.deps.oidc;
  if (!s) throw notFound('Sign-on', 'oidc (LANTU_OIDC_ISSUER is not set)');
  return s;
}

const toLogin = (c: Context<AppEnv>, reason: string) => c.redirect(`/login?sso_error=${reason}`, 302);

oidcRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/auth/sign-on',
    tags: ['auth'],
    summary: 'How to sign in here 登录方式',
    responses: {
      200: json(
        z
          .object({
            sso: z.boolean().openapi({ description: 'Government sign-on (统一身份认证) is configured' }),
            ssoOnly: z
              .boolean()
              .openapi({ description: 'Passwords are refused except for the break-glass accounts' }),
          })
          .openapi('SignOnOptions'),
        'The sign-in methods',
      ),
    },
  }),
  (c) => {
    const s = c.var.deps.oidc;
    return c.json({ sso: !!s, ssoOnly: !!s?.ssoOnly }, 200);
  },
);

oidcRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/auth/oidc/login',
    tags: ['auth'],
    summary: 'Sign in with government ID: redirect to the identity service 统一身份认证登录',
    request: {
      query: z.object({
        returnTo: z.string().max(500).optional().openapi({
          description: 'A path of this site to open after (default: inbox; data entry for a department user)',
        }),
      }),
    },
    responses: {
      302: {
        description:
          'To the identity service (authorisation request with PKCE S256, state and nonce); sets the ' +
          'lantu_oidc_state cookie. When the service cannot be reached: to /login?sso_error=unavailable',
      },
      404: err('Sign-on is not configured'),
    },
  }),
  async (c) => {
    const settings = settingsOf(c);
    let request: Awaited<ReturnType<typeof startAuthorisation>>;
    try {
      request = await startAuthorisation(settings);
    } catch (e) {
      if (isLantuError(e) && e.code === 'service_unavailable') {
        c.var.deps.logger.warn({ err: e.details }, 'identity service unreachable');
        return toLogin(c, 'unavailable');
      }
      throw e;
    }
    await oidcRepository.insertLogin(c.var.deps.db, {
      stateHash: hashToken(request.state),
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      returnTo: safeReturnTo(c.req.valid('query').returnTo),
      expiresAt: new Date(Date.now() + STATE_MINUTES * 60_000),
    });
    setCookie(c, STATE_COOKIE, request.state, {
      httpOnly: true,
      sameSite: 'Lax', // sent on the identity service's top-level redirect back to us
      secure: isHttps(c),
      path: '/api/auth/oidc',
      maxAge: STATE_MINUTES * 60,
    });
    return c.redirect(request.url.href, 302);
  },
);

oidcRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/auth/oidc/callback',
    tags: ['auth'],
    summary: 'Where the identity service returns 统一身份认证回调',
    request: {
      query: z.object({
        code: z.string().max(2000).optional(),
        state: z.string().max(500).optional(),
        iss: z.string().max(2000).optional(),
        error: z.string().max(200).optional(),
        error_description: z.string().max(2000).optional(),
      }),
    },
    responses: {
      302: {
        description:
          'Signed in: sets lantu_session (as password login) and goes to the page asked for. Refused: to ' +
          `/login?sso_error=<reason>, reason one of ${SIGN_ON_REFUSALS.join(', ')}; every outcome is audited`,
      },
      404: err('Sign-on is not configured'),
    },
  }),
  async (c) => {
    const settings = settingsOf(c);
    const db = c.var.deps.db;
    const query = new URL(c.req.url).searchParams;
    const state = query.get('state') ?? '';
    const expected = getCookie(c, STATE_COOKIE) ?? '';
    deleteCookie(c, STATE_COOKIE, { path: '/api/auth/oidc' });
    // single use: whatever happens next, this state cannot complete a sign-on again
    const pending = expected ? await oidcRepository.takeLogin(db, hashToken(expected)) : null;
    if (!pending || !state || !sameToken(state, expected)) {
      await auditRefusal(db, 'state_mismatch', {
        detail: pending ? 'state differs from this browser' : 'unknown, used or expired state',
      });
      return toLogin(c, 'state_mismatch');
    }
    let person: Awaited<ReturnType<typeof finishAuthorisation>>;
    try {
      person = await finishAuthorisation(settings, query, { ...pending, state: expected });
    } catch (e) {
      const reason =
        e instanceof OidcCallbackError
          ? e.reason
          : isLantuError(e) && e.code === 'service_unavailable'
            ? 'unavailable'
            : null;
      if (!reason) throw e;
      await auditRefusal(db, reason, { detail: e instanceof Error ? e.message : '' });
      return toLogin(c, reason);
    }
    const result = await completeSignOn(db, settings, person.claims, person.idToken);
    if (!result.ok) return toLogin(c, result.reason);
    setCookie(c, SESSION_COOKIE, result.session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      path: '/',
      expires: result.session.expiresAt,
    });
    return c.redirect(pending.returnTo || landingPage(result.session.user.role), 302);
  },
);

oidcRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/oidc/logout',
    tags: ['auth'],
    summary:
      'Log out, also at the identity service when it offers RP-initiated logout 退出（含统一身份认证）',
    responses: {
      200: json(
        z
          .object({
            redirectTo: z
              .string()
              .nullable()
              .openapi({
                description:
                  "The identity service's end-session URL to open next (id_token_hint, post_logout_redirect_uri); " +
                  'null for a password session or a provider without end_session_endpoint',
              }),
          })
          .openapi('SignOnLogout'),
        'The local session has ended (always)',
      ),
      401: err('Not logged in'),
      403: err('CSRF token missing'),
    },
  }),
  async (c) => {
    const user = requireUser(c);
    const ended = await endSignOnSession(c.var.deps.db, c.var.sessionToken ?? '', user);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    const settings = c.var.deps.oidc;
    const url = ended.wasSso && settings ? await endSessionUrl(settings, ended.idToken) : null;
    return c.json({ redirectTo: url?.href ?? null }, 200);
  },
);
