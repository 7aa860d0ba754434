import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { validationHook } from '../../errors.ts';
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
import { errorResponse as err, jsonResponse as json } from '../../openapi-helpers.ts';

export const liveEvaluationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

liveEvaluationRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/evaluation',
    tags: ['evaluation'],
    summary: 'Judge every indicator for a year on approved values 指标评估',
    request: { params: planIdParams, query: liveEvaluationQuery },
    responses: {
      200: json(liveEvaluationSchema, 'Verdicts, explanations, projections and the summary'),
      404: err('No such plan'),
      422: err('Invalid parameters'),
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
      200: json(revisionReportSchema, 'One item per revision, oldest first'),
      404: err('No such plan'),
      422: err('Invalid parameters'),
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
