import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import {
  assessmentSchema,
  newAssessmentSchema,
  newSnapshotSchema,
  snapshotIdParams,
  snapshotListQuery,
  snapshotSchema,
  snapshotSummarySchema,
} from './evaluation-cycles.schemas.ts';
import { addAssessment, createSnapshot, getSnapshot, listSnapshots } from './evaluation-cycles.service.ts';
import { errorResponse as err, jsonBody as body, jsonResponse as ok } from '../../openapi-helpers.ts';

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not allowed for this user, or CSRF token missing'),
  404: err('No such plan, snapshot, indicator or task'),
  422: err('Invalid input'),
};

export const evaluationCyclesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

evaluationCyclesRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/evaluations',
    tags: ['evaluation'],
    summary: 'Freeze an evaluation (admin, assessor) 年度/中期/总结评估快照',
    request: body(newSnapshotSchema),
    responses: { 201: ok(snapshotSchema, 'The frozen result'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await createSnapshot(
        c.var.deps.db,
        authorize(c.var.user, 'createEvaluation', 'office'),
        c.req.valid('json'),
      ),
      201,
    ),
);

evaluationCyclesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/evaluations',
    tags: ['evaluation'],
    summary: 'Evaluation snapshots 评估快照列表',
    request: { query: snapshotListQuery },
    responses: {
      200: ok(z.object({ items: z.array(snapshotSummarySchema) }), 'Newest first'),
      401: err('Not logged in'),
      422: err('Invalid query'),
    },
  }),
  async (c) => {
    requireUser(c);
    return c.json({ items: await listSnapshots(c.var.deps.db, c.req.valid('query').planId) }, 200);
  },
);

evaluationCyclesRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/evaluations/{id}',
    tags: ['evaluation'],
    summary: 'A frozen evaluation with its self- and third-party assessments 评估快照',
    request: { params: snapshotIdParams },
    responses: {
      200: ok(snapshotSchema, 'The snapshot'),
      401: err('Not logged in'),
      404: err('No such snapshot'),
    },
  }),
  async (c) => {
    requireUser(c);
    return c.json(await getSnapshot(c.var.deps.db, c.req.valid('param').id), 200);
  },
);

evaluationCyclesRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/evaluations/{id}/assessments',
    tags: ['evaluation'],
    summary: 'Self-assessment (department) or third-party assessment (assessor) 自评/第三方评估',
    request: { params: snapshotIdParams, ...body(newAssessmentSchema) },
    responses: { 201: ok(assessmentSchema, 'Saved'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await addAssessment(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
);
