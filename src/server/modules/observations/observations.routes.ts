import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../../domain/observation.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import {
  bulkApproveResultSchema,
  bulkApproveSchema,
  newObservationSchema,
  observationIdParams,
  observationResultSchema,
  observationSchema,
  presentObservation,
  returnBodySchema,
  submitDraftsResultSchema,
  submitDraftsSchema,
  updateObservationSchema,
} from './observations.schemas.ts';
import { approveObservations, submitDrafts } from './observations-bulk.service.ts';
import {
  approveObservation,
  createObservation,
  listObservations,
  listPlanObservations,
  returnObservation,
  submitObservation,
  updateObservation,
} from './observations.service.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { planObservationsQuery } from './observations.schemas.ts';
import { errorResponse as err, jsonBody as body, jsonResponse as ok } from '../../openapi-helpers.ts';

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not allowed for this user, or CSRF token missing'),
  404: err('No such indicator or value'),
  409: err('State changed meanwhile, or the value is locked'),
  422: err('Invalid value'),
};

export const observationsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

observationsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/observations',
    tags: ['observations'],
    summary: 'Report a value (draft) 填报数据',
    request: body(newObservationSchema),
    responses: { 201: ok(observationResultSchema, 'Saved as draft, with outlier warnings'), ...writeErrors },
  }),
  async (c) => {
    const r = await createObservation(c.var.deps.db, requireUser(c), c.req.valid('json'));
    return c.json({ observation: presentObservation(r.observation), warnings: r.warnings }, 201);
  },
);

observationsRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/observations/{id}',
    tags: ['observations'],
    summary: 'Edit a draft or returned value 修改草稿',
    request: { params: observationIdParams, ...body(updateObservationSchema) },
    responses: { 200: ok(observationResultSchema, 'Updated'), ...writeErrors },
  }),
  async (c) => {
    const r = await updateObservation(
      c.var.deps.db,
      requireUser(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ observation: presentObservation(r.observation), warnings: r.warnings }, 200);
  },
);

const transitions = [
  ['submit', 'Submit for approval 提交审核', submitObservation],
  ['approve', 'Approve (locks the value) 审核通过', approveObservation],
] as const;
for (const [action, summary, fn] of transitions) {
  observationsRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/observations/{id}/${action}`,
      tags: ['observations'],
      summary,
      request: { params: observationIdParams },
      responses: { 200: ok(observationSchema, 'New state'), ...writeErrors },
    }),
    async (c) =>
      c.json(presentObservation(await fn(c.var.deps.db, requireUser(c), c.req.valid('param').id)), 200),
  );
}

observationsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/observations/approve',
    tags: ['observations'],
    summary: 'Approve a selection of submitted values 批量审核通过',
    description:
      'Each value is approved (and audited) one by one as POST /observations/{id}/approve does; one that cannot be approved is reported with its error and the others still approved.',
    request: body(bulkApproveSchema),
    responses: { 200: ok(bulkApproveResultSchema, 'What happened to each value'), ...writeErrors },
  }),
  async (c) => {
    const items = await approveObservations(c.var.deps.db, requireUser(c), c.req.valid('json').ids);
    return c.json({ approved: items.filter((i) => i.status === 'approved').length, items }, 200);
  },
);

observationsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/observations/submit-drafts',
    tags: ['observations'],
    summary: 'Submit all my drafts 提交全部草稿 (department users)',
    description:
      "Every draft of the caller's own indicators in the plan (optionally one period) is submitted (and audited) one by one as POST /observations/{id}/submit does; one that cannot be submitted — a value that makes its indicator lag needs a note — is reported with its error and the others still submitted.",
    request: body(submitDraftsSchema),
    responses: { 200: ok(submitDraftsResultSchema, 'What happened to each draft'), ...writeErrors },
  }),
  async (c) => {
    const { planId, period } = c.req.valid('json');
    const items = await submitDrafts(c.var.deps.db, requireUser(c), planId, period ?? null);
    return c.json({ submitted: items.filter((i) => i.status === 'submitted').length, items }, 200);
  },
);

observationsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/observations/{id}/return',
    tags: ['observations'],
    summary: 'Return with a reason 退回',
    request: { params: observationIdParams, ...body(returnBodySchema) },
    responses: { 200: ok(observationSchema, 'Returned to the department'), ...writeErrors },
  }),
  async (c) => {
    const o = await returnObservation(
      c.var.deps.db,
      requireUser(c),
      c.req.valid('param').id,
      c.req.valid('json').reason,
    );
    return c.json(presentObservation(o), 200);
  },
);

observationsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/indicators/{id}/observations',
    tags: ['observations'],
    summary: 'All values and versions of an indicator 指标数据及版本',
    request: { params: observationIdParams },
    responses: {
      200: ok(z.object({ items: z.array(observationSchema) }), 'Oldest period first, every version'),
      401: err('Not logged in'),
      404: err('No such indicator'),
    },
  }),
  async (c) => {
    const items = await listObservations(c.var.deps.db, requireUser(c), c.req.valid('param').id);
    return c.json({ items: items.map(presentObservation) }, 200);
  },
);

observationsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/observations',
    tags: ['observations'],
    summary: "All values of a plan's indicators in one list 规划全部指标数据",
    request: { params: planIdParams, query: planObservationsQuery },
    responses: {
      200: ok(
        z.object({ items: z.array(observationSchema) }),
        'In table order, oldest period first, every version',
      ),
      401: err('Not logged in'),
      422: err('Invalid parameters'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const items = await listPlanObservations(c.var.deps.db, requireUser(c), c.req.valid('param').id, {
      mine: q.mine === 'true',
      status: q.status ? q.status.split(',').filter(isStatus) : null,
    });
    return c.json({ items: items.map(presentObservation) }, 200);
  },
);

function isStatus(s: string): s is ObservationStatus {
  return (OBSERVATION_STATUSES as readonly string[]).includes(s);
}
