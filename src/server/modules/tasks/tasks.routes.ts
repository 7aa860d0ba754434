import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LantuError } from '../../../domain/errors.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import {
  evidenceSchema,
  evidenceUploadSchema,
  milestoneUpdateSchema,
  nodeIdParams,
  overdueListSchema,
  overdueQuery,
  planProgressQuery,
  planProgressSchema,
  taskReportBodySchema,
  taskReportSchema,
  taskWorkSchema,
  workPlanBodySchema,
  workPlanParams,
} from './tasks.schemas.ts';
import {
  addEvidence,
  addTaskReport,
  contentDisposition,
  getEvidence,
  getTaskWork,
  listOverdue,
  MAX_EVIDENCE_BYTES,
  planProgress,
  putWorkPlan,
  setMilestoneCompleted,
} from './tasks.service.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as ok,
} from '../../openapi-helpers.ts';

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not a department of this task, or CSRF token missing'),
  404: err('No such task, milestone or report'),
  422: err('Invalid input'),
};

/** Refuses bodies larger than an evidence file plus the multipart envelope before reading them. */
const evidenceLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_EVIDENCE_BYTES + 64 * 1024,
  onError: () => {
    throw new LantuError('payload_too_large', {
      zh: '佐证材料不超过20MB',
      en: 'An evidence file may be at most 20 MB',
    });
  },
});

export const tasksRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

tasksRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/tasks/{nodeId}/work',
    tags: ['tasks'],
    summary: 'Work plans, milestones and progress reports of a task 年度工作计划与进展',
    request: { params: nodeIdParams },
    responses: {
      200: ok(taskWorkSchema, 'Work plans by year, reports oldest first'),
      401: err('Not logged in'),
      404: err('No such node'),
    },
  }),
  async (c) => {
    requireUser(c);
    return c.json(await getTaskWork(c.var.deps.db, c.req.valid('param').nodeId), 200);
  },
);

tasksRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/tasks/{nodeId}/work-plans/{year}',
    tags: ['tasks'],
    summary: "Set a task's annual work plan and milestones 制定年度工作计划",
    request: { params: workPlanParams, ...body(workPlanBodySchema) },
    responses: { 200: ok(taskWorkSchema, 'Saved'), ...writeErrors },
  }),
  async (c) => {
    const { nodeId, year } = c.req.valid('param');
    return c.json(await putWorkPlan(c.var.deps.db, requireUser(c), nodeId, year, c.req.valid('json')), 200);
  },
);

tasksRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/milestones/{id}',
    tags: ['tasks'],
    summary: 'Mark a milestone done (or not) 里程碑完成',
    request: { params: idParams, ...body(milestoneUpdateSchema) },
    responses: { 200: ok(taskWorkSchema, 'Saved'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await setMilestoneCompleted(
        c.var.deps.db,
        requireUser(c),
        c.req.valid('param').id,
        c.req.valid('json').completedOn,
      ),
      200,
    ),
);

tasksRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/milestones/overdue',
    tags: ['tasks'],
    summary: 'Overdue milestones per department 逾期里程碑',
    request: { query: overdueQuery },
    responses: {
      200: ok(overdueListSchema, 'Oldest due date first'),
      401: err('Not logged in'),
      403: err('Another department'),
      422: err('Invalid query'),
    },
  }),
  async (c) => c.json(await listOverdue(c.var.deps.db, requireUser(c), c.req.valid('query').department), 200),
);

tasksRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/tasks/{nodeId}/reports',
    tags: ['tasks'],
    summary: 'Report task progress 任务进展填报',
    request: { params: nodeIdParams, ...body(taskReportBodySchema) },
    responses: { 201: ok(taskReportSchema, 'Saved'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await addTaskReport(c.var.deps.db, requireUser(c), c.req.valid('param').nodeId, c.req.valid('json')),
      201,
    ),
);

tasksRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/task-reports/{id}/evidence',
    tags: ['tasks'],
    summary: 'Attach an evidence file (≤ 20 MB) to a progress report 上传佐证材料',
    middleware: [evidenceLimit] as const,
    request: {
      params: idParams,
      body: { content: { 'multipart/form-data': { schema: evidenceUploadSchema } }, required: true },
    },
    responses: { 201: ok(evidenceSchema, 'Stored'), 413: err('Larger than 20 MB'), ...writeErrors },
  }),
  async (c) =>
    c.json(
      await addEvidence(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('form').file),
      201,
    ),
);

tasksRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/evidence/{id}',
    tags: ['tasks'],
    summary: 'Download an evidence file 下载佐证材料',
    request: { params: idParams },
    responses: {
      200: {
        description: 'The file, always as an attachment',
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      401: err('Not logged in'),
      404: err('No such file'),
    },
  }),
  async (c) => {
    requireUser(c);
    const e = await getEvidence(c.var.deps.db, c.req.valid('param').id);
    return c.body(new Uint8Array(e.content), 200, {
      'content-type': e.contentType,
      'content-disposition': contentDisposition(e.filename),
      'content-length': String(e.size),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  },
);

tasksRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/progress',
    tags: ['tasks'],
    summary: 'Task roll-up of a plan 重点任务推进情况',
    request: { params: planIdParams, query: planProgressQuery },
    responses: {
      200: ok(planProgressSchema, 'Weighted averages up the tree'),
      404: err('No such plan'),
      422: err('Invalid query'),
    },
  }),
  async (c) => c.json(await planProgress(c.var.deps.db, c.req.valid('param').id, c.req.valid('query')), 200),
);
