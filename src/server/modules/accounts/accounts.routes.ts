import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { sessionUserSchema } from '../auth/auth.schemas.ts';
import {
  changePassword,
  issuePasswordReset,
  listAccounts,
  resetLinkIsValid,
  resetPassword,
  setAccountDisabled,
  unlockAccount,
} from './accounts.service.ts';

export const accountSchema = sessionUserSchema
  .extend({
    disabled: z.boolean(),
    lockedUntil: z.string().nullable().openapi({ description: 'Locked after failed logins until then' }),
    passwordChangedAt: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('Account');

const adminErrors = {
  401: err('Not logged in'),
  403: err('Not an admin, or CSRF token missing'),
  404: err('No such user'),
};

export const accountsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

accountsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/password',
    tags: ['auth'],
    summary: 'Change my password (ends my other sessions) 修改密码',
    request: body(z.object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) })),
    responses: {
      204: { description: 'Changed' },
      401: err('Not logged in'),
      403: err(
        'CSRF token missing, or passwords are off (LANTU_OIDC_SSO_ONLY) for all but break-glass accounts',
      ),
      422: err('Wrong current password, or the new one is too short'),
    },
  }),
  async (c) => {
    const { current, next } = c.req.valid('json');
    await changePassword(c.var.deps.db, requireUser(c), c.var.sessionToken, current, next, c.var.deps.oidc);
    return c.body(null, 204);
  },
);

const tokenSchema = z.string().min(20).max(200);

accountsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/auth/reset-password',
    tags: ['auth'],
    summary: 'Whether a password-reset link still works 检查重置链接',
    request: { query: z.object({ token: tokenSchema }) },
    responses: { 200: json(z.object({ valid: z.boolean() }), 'Valid or not'), 422: err('Malformed token') },
  }),
  async (c) => c.json({ valid: await resetLinkIsValid(c.var.deps.db, c.req.valid('query').token) }, 200),
);

accountsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/reset-password',
    tags: ['auth'],
    summary: 'Set a new password with a one-time reset link 通过链接重置密码',
    request: body(z.object({ token: tokenSchema, password: z.string().min(1).max(1024) })),
    responses: {
      204: { description: 'Password set; log in with it' },
      403: err('Passwords are off (LANTU_OIDC_SSO_ONLY) for all but break-glass accounts'),
      422: err('Link invalid, used or expired, or password too short'),
    },
  }),
  async (c) => {
    const { token, password } = c.req.valid('json');
    await resetPassword(c.var.deps.db, token, password, c.var.deps.oidc);
    return c.body(null, 204);
  },
);

accountsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/users/{id}/password-reset',
    tags: ['users'],
    summary: 'Reset a password: a one-time link, mailed or shown once (admin) 重置密码',
    request: { params: idParams },
    responses: {
      201: json(
        z.object({
          link: z.string().nullable().openapi({ description: 'Shown once; null when it was mailed' }),
          mailed: z.boolean(),
          expiresAt: z.string(),
        }),
        'Link issued',
      ),
      ...adminErrors,
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'manageUsers', 'office');
    return c.json(
      await issuePasswordReset(c.var.deps.db, admin, c.req.valid('param').id, c.var.deps.oidc),
      201,
    );
  },
);

for (const action of ['disable', 'enable', 'unlock'] as const) {
  accountsRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/users/{id}/${action}`,
      tags: ['users'],
      summary:
        action === 'disable'
          ? 'Disable an account; its sessions end (admin) 停用账号'
          : action === 'enable'
            ? 'Enable a disabled account (admin) 启用账号'
            : 'Unlock an account locked after failed logins (admin) 解除锁定',
      request: { params: idParams },
      responses: {
        200: json(accountSchema, 'The account now'),
        ...adminErrors,
        409: err('Your own account, or the last active admin'),
      },
    }),
    async (c) => {
      const admin = authorize(c.var.user, 'manageUsers', 'office');
      const { id } = c.req.valid('param');
      const db = c.var.deps.db;
      if (action === 'unlock') await unlockAccount(db, admin, id);
      else await setAccountDisabled(db, admin, id, action === 'disable');
      const account = (await listAccounts(db)).find((a) => a.id === id)!;
      return c.json(account, 200);
    },
  );
}
