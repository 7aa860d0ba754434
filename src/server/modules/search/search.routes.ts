import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { cachedJson } from '../../cache/response-cache.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { searchQuery, searchResultSchema } from './search.schemas.ts';
import { searchPlan } from './search.service.ts';

export const searchRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

searchRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/search',
    tags: ['plans'],
    summary: "Find a phrase in the plan's text, indicators, projects and published comments 全文检索",
    request: { params: planIdParams, query: searchQuery },
    responses: {
      200: ok(searchResultSchema, 'Hits by kind, in plan order, with the text around each'),
      404: err('No such plan'),
      422: err('Empty or over-long query'),
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return cachedJson(c.var.deps.db, `search:${id}:${q.limit}:${q.q}`, () =>
      searchPlan(c.var.deps.db, id, q),
    );
  },
);
