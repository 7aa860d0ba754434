import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../../domain/user.ts';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { authorize } from '../../policies/policy.ts';
import { sessionUserSchema } from './auth.schemas.ts';
import { grantRole, listPendingAccounts } from './oidc-accounts.service.ts';

/** Accounts provisioned by government sign-on that wait for a role (LANTU_OIDC_AUTO_PROVISION). */
export const oidcAccountsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const pendingSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    displayName: z.string().nullable(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  })
  .openapi('PendingSignOnAccount');

oidcAccountsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/users/sso-pending',
    tags: ['users'],
    summary: 'Sign-on accounts awaiting a role (admin) 待授权的统一身份认证账号',
    responses: {
      200: json(z.object({ items: z.array(pendingSchema) }), 'Oldest first'),
      401: err('Not logged in'),
      403: err('Not an admin'),
    },
  }),
  async (c) => {
    authorize(c.var.user, 'manageUsers', 'office');
    const items = await listPendingAccounts(c.var.deps.db);
    return c.json(
      {
        items: items.map((p) => ({
          ...p,
          firstSeenAt: p.firstSeenAt.toISOString(),
          lastSeenAt: p.lastSeenAt.toISOString(),
        })),
      },
      200,
    );
  },
);

oidcAccountsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/users/sso-pending/{id}/grant',
    tags: ['users'],
    summary: 'Grant a role to a sign-on account; it becomes a user (admin) 授予角色',
    request: {
      params: idParams,
      ...body(
        z.object({
          role: z.enum(ROLES),
          departments: z.array(z.string().max(50)).max(50).default([]),
        }),
      ),
    },
    responses: {
      201: json(sessionUserSchema, 'The new user, linked to the subject'),
      401: err('Not logged in'),
      403: err('Not an admin, or CSRF token missing'),
      404: err('No such pending account'),
      409: err('A user with that e-mail exists'),
      422: err('Unknown department, or a department user without one'),
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'manageUsers', 'office');
    const input = c.req.valid('json');
    return c.json(await grantRole(c.var.deps.db, admin, c.req.valid('param').id, input), 201);
  },
);
