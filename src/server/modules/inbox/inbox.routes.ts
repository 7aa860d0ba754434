import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import { inboxQuery, inboxSchema } from './inbox.schemas.ts';
import { getInbox } from './inbox.service.ts';
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';

export const inboxRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

inboxRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/inbox',
    tags: ['observations'],
    summary: 'What I must fill in, submit or approve 待办',
    request: { query: inboxQuery },
    responses: {
      200: json(inboxSchema, 'Overdue first, then by due date'),
      401: err('Not logged in'),
      422: err('Invalid asOf'),
    },
  }),
  async (c) => c.json(await getInbox(c.var.deps.db, requireUser(c), c.req.valid('query').asOf), 200),
);
