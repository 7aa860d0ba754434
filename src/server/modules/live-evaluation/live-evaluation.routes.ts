import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorBodySchema, validationHook } from '../../errors.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { evaluatePlanLive } from './live-evaluation.service.ts';
import {
  liveEvaluationQuery,
  liveEvaluationSchema,
  revisionReportSchema,
  revisionsQuery,
} from './live-evaluation.schemas.ts';
import { planRevisions } from './revisions.service.ts';
import { cachedJson } from '../../cache/response-cache.ts';

export const liveEvaluationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

liveEvaluationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/evaluation',
    tags: ['evaluation'],
    summary: 'Judge every indicator for a year on approved values 指标评估',
    request: { params: planIdParams, query: liveEvaluationQuery },
    responses: {
      200: {
        description: 'Verdicts, explanations, projections and the summary',
        content: { 'application/json': { schema: liveEvaluationSchema } },
      },
      404: { description: 'No such plan', content: { 'application/json': { schema: errorBodySchema } } },
      422: {
        description: 'Invalid parameters',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return cachedJson(
      c.var.deps.db,
      `evaluation:${id}:${q.year}:${q.method}:${q.scope}:${q.asOf ?? ''}`,
      () => evaluatePlanLive(c.var.deps.db, id, q),
    );
  },
);

liveEvaluationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/revisions',
    tags: ['evaluation'],
    summary: 'Revision report: revised values, by how much, and the verdicts they changed 数据修订报告',
    request: { params: planIdParams, query: revisionsQuery },
    responses: {
      200: {
        description: 'One item per revision, oldest first',
        content: { 'application/json': { schema: revisionReportSchema } },
      },
      404: { description: 'No such plan', content: { 'application/json': { schema: errorBodySchema } } },
      422: {
        description: 'Invalid parameters',
        content: { 'application/json': { schema: errorBodySchema } },
      },
    },
  }),
  (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return cachedJson(c.var.deps.db, `revisions:${id}:${q.year ?? ''}:${q.method}`, () =>
      planRevisions(c.var.deps.db, id, q),
    );
  },
);
