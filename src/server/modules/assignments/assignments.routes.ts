import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import { planIdParams } from '../plans/plans.schemas.ts';
import { signedIn, uploadedBytes, uploadLimit, xlsxFormBody } from '../spreadsheets/upload-body.ts';
import {
  assignmentListSchema,
  assignmentSchema,
  assignmentUploadReportSchema,
  bulkAssignmentSchema,
  planIdQuery,
  putAssignmentSchema,
} from './assignments.schemas.ts';
import {
  listPlanAssignments,
  setAssignment,
  setAssignments,
  uploadAssignments,
} from './assignments.service.ts';
import { errorResponse as err, jsonResponse as ok } from '../../openapi-helpers.ts';

const adminWriteErrors = {
  401: err('Not logged in'),
  403: err('Not an admin, or CSRF token missing'),
  404: err('No such plan, task or indicator'),
  422: err('Invalid input'),
};

export const assignmentsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

assignmentsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/assignments',
    tags: ['assignments'],
    summary: 'Assign a task or indicator (admin) 分解落实责任',
    request: { body: { content: { 'application/json': { schema: putAssignmentSchema } }, required: true } },
    responses: { 200: ok(assignmentSchema, 'The new assignment'), ...adminWriteErrors },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'assign', 'office');
    return c.json(await setAssignment(c.var.deps.db, admin, c.req.valid('json')), 200);
  },
);

assignmentsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/assignments/bulk',
    tags: ['assignments'],
    summary: 'Assign several tasks and indicators at once (admin) 批量分配',
    description:
      'The same lead and co-departments replace what each item had, in one transaction; each item is audited as PUT /assignments audits it. An unknown item fails the whole request (nothing written).',
    request: {
      body: { content: { 'application/json': { schema: bulkAssignmentSchema } }, required: true },
    },
    responses: {
      200: ok(assignmentListSchema, 'The new assignments, in the order given'),
      ...adminWriteErrors,
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'assign', 'office');
    return c.json({ items: await setAssignments(c.var.deps.db, admin, c.req.valid('json')) }, 200);
  },
);

assignmentsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/assignments',
    tags: ['assignments'],
    summary: 'Who answers for what 责任分工',
    request: { params: planIdParams },
    responses: {
      200: ok(assignmentListSchema, 'Tasks with departments, then every indicator'),
      401: err('Not logged in'),
      404: err('No such plan'),
    },
  }),
  async (c) => {
    requireUser(c);
    return c.json({ items: await listPlanAssignments(c.var.deps.db, c.req.valid('param').id) }, 200);
  },
);

assignmentsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/assignments/upload',
    tags: ['assignments'],
    summary: 'Bulk assignment from an .xlsx sheet (admin) 批量分解',
    description:
      'Columns 编码/code (indicator code or task node id), 牵头部门/lead, 配合部门/co (codes separated by , or 、). ' +
      'Nothing is saved when any row is invalid; the report lists every row.',
    middleware: [signedIn, uploadLimit] as const,
    request: { query: planIdQuery, ...xlsxFormBody },
    responses: {
      200: ok(assignmentUploadReportSchema, 'Row-level report; ok=false means nothing was saved'),
      ...adminWriteErrors,
      413: err('File too large, or inflates too much'),
      415: err('Not an .xlsx'),
    },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'assign', 'office');
    const bytes = await uploadedBytes(c.req.valid('form').file);
    return c.json(await uploadAssignments(c.var.deps.db, admin, c.req.valid('query').planId, bytes), 200);
  },
);
