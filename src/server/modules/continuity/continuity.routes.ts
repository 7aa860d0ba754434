import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';
import { cachedJson } from '../../cache/response-cache.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { continuitySchema, indicatorIdParams, lineageSchema } from './continuity.schemas.ts';
import { indicatorLineage, planContinuity } from './continuity.service.ts';

export const continuityRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

continuityRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/indicators/{id}/lineage',
    tags: ['evaluation'],
    summary:
      'One indicator as one series across the plans it continues through (13th → 14th → 15th) 跨规划指标序列',
    request: { params: indicatorIdParams },
    responses: {
      200: ok(lineageSchema, 'Each plan that has the indicator, and one point a year, oldest first'),
      404: err('No such indicator'),
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cachedJson(c.var.deps.db, `lineage:${id}`, () => indicatorLineage(c.var.deps.db, id));
  },
);

continuityRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/continuity',
    tags: ['plans'],
    summary:
      'Indicators continued from the predecessor plan, the base year checked against its results 规划衔接',
    request: { params: planIdParams },
    responses: {
      200: ok(continuitySchema, 'Linked, new and discontinued indicators, and the baselines that differ'),
      404: err('No such plan'),
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    return cachedJson(c.var.deps.db, `continuity:${id}`, () => planContinuity(c.var.deps.db, id));
  },
);
