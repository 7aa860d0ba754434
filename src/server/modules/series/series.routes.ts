import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { cachedJson } from '../../cache/response-cache.ts';
import { planSeriesSchema, seriesQuery } from './series.schemas.ts';
import { planSeries } from './series.service.ts';

export const seriesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

seriesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/series',
    tags: ['evaluation'],
    summary: "Every indicator's judged value per year, from the plan's start 指标历年数值",
    request: { params: planIdParams, query: seriesQuery },
    responses: {
      200: ok(planSeriesSchema, 'One series per indicator, oldest year first (approved values only)'),
      404: err('No such plan'),
      422: err('Invalid parameters'),
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return cachedJson(c.var.deps.db, `series:${id}:${q.to}:${q.method}:${q.scope}`, () =>
      planSeries(c.var.deps.db, id, q),
    );
  },
);
