import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../../domain/user.ts';
import type { AppEnv } from '../../app-env.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import { sessionUserSchema } from '../auth/auth.schemas.ts';
import { accountSchema } from '../accounts/accounts.routes.ts';
import { listAccounts } from '../accounts/accounts.service.ts';
import { createUser } from './users.service.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';

const newUserSchema = z
  .object({
    email: z.string().min(3).max(254),
    password: z.string().min(1).max(1024),
    role: z.enum(ROLES),
    displayName: z.string().max(100).nullable().optional(),
    departments: z.array(z.string().max(50)).max(50).optional(),
    oidcSubject: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Subject at the identity service (government sign-on), to match by subject' }),
  })
  .openapi('NewUser');

export const usersRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

usersRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/users',
    tags: ['users'],
    summary: 'Users (admin) 用户列表',
    responses: {
      200: {
        description: 'All users, with the state of their account',
        content: { 'application/json': { schema: z.object({ items: z.array(accountSchema) }) } },
      },
      401: err('Not logged in'),
      403: err('Not an admin'),
    },
  }),
  async (c) => {
    authorize(c.var.user, 'manageUsers', 'office');
    return c.json({ items: await listAccounts(c.var.deps.db) }, 200);
  },
);

usersRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/users',
    tags: ['users'],
    summary: 'Create a user (admin) 新建用户',
    request: { body: { content: { 'application/json': { schema: newUserSchema } }, required: true } },
    responses: {
      201: json(sessionUserSchema, 'Created'),
      401: err('Not logged in'),
      403: err('Not an admin, or CSRF token missing'),
      409: err('Email taken'),
      422: err('Invalid input'),
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'manageUsers', 'office');
    const user = await createUser(c.var.deps.db, c.req.valid('json'), { id: admin.id, label: admin.email });
    return c.json(user, 201);
  },
);
