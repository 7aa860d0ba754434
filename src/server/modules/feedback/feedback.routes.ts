import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { FEEDBACK_LIMITS, FEEDBACK_STATUSES, FEEDBACK_TARGETS } from '../../../domain/feedback.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import {
  type FeedbackRow,
  listFeedback,
  moderateFeedback,
  overdueFeedback,
  replyToFeedback,
  seenBy,
} from './feedback.service.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { iso } from '../../timestamps.ts';

const feedbackSchema = z
  .object({
    id: z.uuid(),
    targetType: z.enum(FEEDBACK_TARGETS),
    targetId: z.uuid(),
    body: z.string(),
    publicBody: z.string().nullable(),
    name: z.string().nullable(),
    contact: z.string().nullable(),
    status: z.enum(FEEDBACK_STATUSES),
    rejectReason: z.string().nullable(),
    departmentName: z.string().nullable(),
    replyDueAt: z.string().nullable(),
    createdAt: z.string(),
    reply: z.object({ body: z.string(), createdAt: z.string(), departmentName: z.string() }).nullable(),
  })
  .openapi('Feedback');

const present = (f: FeedbackRow) => ({
  id: f.id,
  targetType: f.targetType,
  targetId: f.targetId,
  body: f.body,
  publicBody: f.publicBody,
  name: f.name,
  contact: f.contact,
  status: f.status,
  rejectReason: f.rejectReason,
  departmentName: f.departmentName,
  replyDueAt: iso(f.replyDueAt),
  createdAt: iso(f.createdAt),
  reply: f.reply ? { ...f.reply, createdAt: iso(f.reply.createdAt) } : null,
});

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not allowed, or CSRF token missing'),
  404: err('No such comment'),
  409: err('Already handled'),
  422: err('Invalid input'),
};

export const feedbackRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

feedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/feedback',
    tags: ['feedback'],
    summary: 'Comments: the moderation queue (admin) or those routed to my departments 意见处理',
    request: { query: z.object({ status: z.enum(FEEDBACK_STATUSES).optional() }) },
    responses: {
      200: json(z.object({ items: z.array(feedbackSchema) }), 'Newest first'),
      401: err('Not logged in'),
    },
  }),
  async (c) => {
    const rows = await listFeedback(c.var.deps.db, requireUser(c), c.req.valid('query').status);
    const items = rows.map(present);
    return c.json({ items }, 200);
  },
);

feedbackRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/feedback/overdue',
    tags: ['feedback'],
    summary: 'Published comments whose reply is overdue (admin) 逾期未答复',
    responses: {
      200: json(z.object({ items: z.array(feedbackSchema) }), 'Most overdue first'),
      401: err('Not logged in'),
      403: err('Not an admin'),
    },
  }),
  async (c) => {
    const user = authorize(c.var.user, 'readOverdueComments', 'office');
    return c.json({ items: (await overdueFeedback(c.var.deps.db, user)).map(present) }, 200);
  },
);

feedbackRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/feedback/{id}/publish',
    tags: ['feedback'],
    summary: 'Publish a comment and route it to the department that must reply (admin) 公开并转办',
    request: {
      params: idParams,
      ...body(z.object({ departmentCode: z.string().max(50).nullable().optional() })),
    },
    responses: { 200: json(feedbackSchema, 'Published'), ...writeErrors },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'moderateComments', 'office');
    const f = await moderateFeedback(c.var.deps.db, admin, c.req.valid('param').id, {
      action: 'publish',
      departmentCode: c.req.valid('json').departmentCode ?? null,
    });
    return c.json(present(f), 200);
  },
);

feedbackRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/feedback/{id}/reject',
    tags: ['feedback'],
    summary: 'Reject a comment with a reason (admin) 不予公开',
    request: { params: idParams, ...body(z.object({ reason: z.string().min(1).max(1000) })) },
    responses: { 200: json(feedbackSchema, 'Rejected'), ...writeErrors },
  }),
  async (c) => {
    const admin = authorize(c.var.user, 'moderateComments', 'office');
    const f = await moderateFeedback(c.var.deps.db, admin, c.req.valid('param').id, {
      action: 'reject',
      reason: c.req.valid('json').reason,
    });
    return c.json(present(f), 200);
  },
);

feedbackRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/feedback/{id}/reply',
    tags: ['feedback'],
    summary: 'Official reply by the responsible department 部门答复',
    request: { params: idParams, ...body(z.object({ body: z.string().min(1).max(FEEDBACK_LIMITS.body) })) },
    responses: { 200: json(feedbackSchema, 'Reply published'), ...writeErrors },
  }),
  async (c) => {
    const user = requireUser(c);
    const f = await replyToFeedback(c.var.deps.db, user, c.req.valid('param').id, c.req.valid('json').body);
    return c.json(present(seenBy(user, f)), 200);
  },
);
