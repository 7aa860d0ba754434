import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { errorBodySchema, validationHook } from '../../errors.ts';
import { inboxQuery, inboxSchema } from './inbox.schemas.ts';
import { getInbox } from './inbox.service.ts';

export const inboxRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

inboxRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/inbox',
    tags: ['observations'],
    summary: 'What I must fill in, submit or approve 待办',
    request: { query: inboxQuery },
    responses: {
      200: {
        description: 'Overdue first, then by due date',
        content: { 'application/json': { schema: inboxSchema } },
      },
      401: { description: 'Not logged in', content: { 'application/json': { schema: errorBodySchema } } },
      422: { description: 'Invalid asOf', content: { 'application/json': { schema: errorBodySchema } } },
    },
  }),
  async (c) => c.json(await getInbox(c.var.deps.db, requireUser(c), c.req.valid('query').asOf), 200),
);
