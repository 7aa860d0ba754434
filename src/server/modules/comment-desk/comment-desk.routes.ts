import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DUE_LIGHTS } from '../../../domain/due-light.ts';
import { FEEDBACK_LIMITS, FEEDBACK_REPLY_KINDS, FEEDBACK_TARGETS } from '../../../domain/feedback.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import {
  commentTodo,
  createReplyTemplate,
  followUp,
  listReplyTemplates,
  moderationQueue,
  updateReplyTemplate,
} from './comment-desk.service.ts';

const queueItemSchema = z
  .object({
    id: z.uuid(),
    targetType: z.enum(FEEDBACK_TARGETS),
    targetId: z.uuid(),
    targetTitle: z.string().nullable(),
    body: z.string(),
    name: z.string().nullable(),
    contact: z.string().nullable(),
    createdAt: z.string(),
    department: z.object({ code: z.string(), name: z.string() }).nullable(),
    needsDepartment: z.boolean().openapi({ description: 'No lead department: choose one when publishing' }),
    sameClient: z
      .array(z.object({ id: z.uuid(), status: z.string(), body: z.string(), createdAt: z.string() }))
      .openapi({ description: 'Other comments from the same client in the last 30 days' }),
  })
  .openapi('ModerationItem');

const replySchema = z.object({
  id: z.uuid(),
  kind: z.enum(FEEDBACK_REPLY_KINDS),
  body: z.string(),
  createdAt: z.string(),
  departmentName: z.string(),
  author: z.string().nullable(),
});

const todoItemSchema = z
  .object({
    id: z.uuid(),
    targetType: z.enum(FEEDBACK_TARGETS),
    targetId: z.uuid(),
    targetTitle: z.string().nullable(),
    body: z.string().openapi({ description: 'The published text (personal numbers masked)' }),
    name: z.string().nullable(),
    departmentName: z.string().nullable(),
    publishedAt: z.string().nullable(),
    replyDueAt: z.string().nullable(),
    light: z
      .enum(DUE_LIGHTS)
      .openapi({ description: 'red overdue, yellow due in ≤ 3 working days, done answered' }),
    workingDaysLeft: z.number().int().nullable(),
    replies: z.array(replySchema),
  })
  .openapi('CommentTodo');

const templateSchema = z
  .object({
    id: z.uuid(),
    department: z.string().nullable().openapi({ description: 'null: shared by the planning office' }),
    departmentId: z.uuid().nullable(),
    title: z.string(),
    body: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReplyTemplate');

const templateBody = z.object({ title: z.string().min(1).max(100), body: z.string().min(1).max(2000) });

export const commentDeskRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

commentDeskRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/comment-desk/moderation',
    tags: ['feedback'],
    summary:
      'The moderation queue with items, lead departments and the same client’s other comments (admin) 待审核意见',
    responses: {
      200: json(z.object({ items: z.array(queueItemSchema) }), 'Oldest first'),
      401: err('Not logged in'),
      403: err('Not a moderator'),
    },
  }),
  async (c) => c.json({ items: await moderationQueue(c.var.deps.db, requireUser(c)) }, 200),
);

commentDeskRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/comment-desk/todo',
    tags: ['feedback'],
    summary: 'Comments to answer with their deadline light and reply history 意见答复待办',
    responses: {
      200: json(z.object({ items: z.array(todoItemSchema) }), 'Overdue first, then due soon, then the rest'),
      401: err('Not logged in'),
    },
  }),
  async (c) => c.json({ items: await commentTodo(c.var.deps.db, requireUser(c)) }, 200),
);

commentDeskRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/feedback/{id}/follow-up',
    tags: ['feedback'],
    summary: 'A further reply after the official one, by the same department 进一步答复',
    request: { params: idParams, ...body(z.object({ body: z.string().min(1).max(FEEDBACK_LIMITS.body) })) },
    responses: {
      204: { description: 'Published under the comment' },
      401: err('Not logged in'),
      403: err('Not the responsible department, or CSRF token missing'),
      404: err('No such comment'),
      409: err('Not answered yet'),
      422: err('Invalid text'),
    },
  }),
  async (c) => {
    await followUp(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('json').body);
    return c.body(null, 204);
  },
);

commentDeskRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/reply-templates',
    tags: ['feedback'],
    summary: 'Reply templates: my department’s and the shared ones 答复模板',
    responses: {
      200: json(z.object({ items: z.array(templateSchema) }), 'Templates'),
      401: err('Not logged in'),
    },
  }),
  async (c) => c.json({ items: await listReplyTemplates(c.var.deps.db, requireUser(c)) }, 200),
);

commentDeskRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/reply-templates',
    tags: ['feedback'],
    summary: 'Save a reply template (department: its own; admin: shared) 新建答复模板',
    request: body(templateBody),
    responses: {
      201: json(templateSchema, 'Saved'),
      401: err('Not logged in'),
      403: err('Assessors keep no templates, or CSRF token missing'),
      422: err('Invalid input'),
    },
  }),
  async (c) => c.json(await createReplyTemplate(c.var.deps.db, requireUser(c), c.req.valid('json')), 201),
);

commentDeskRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/reply-templates/{id}',
    tags: ['feedback'],
    summary: 'Edit a reply template 修改答复模板',
    request: { params: idParams, ...body(templateBody) },
    responses: {
      200: json(templateSchema, 'Saved'),
      401: err('Not logged in'),
      403: err('Not your template, or CSRF token missing'),
      404: err('No such template'),
      422: err('Invalid input'),
    },
  }),
  async (c) => {
    const t = await updateReplyTemplate(
      c.var.deps.db,
      requireUser(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(t!, 200);
  },
);

commentDeskRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/reply-templates/{id}',
    tags: ['feedback'],
    summary: 'Delete a reply template 删除答复模板',
    request: { params: idParams },
    responses: {
      204: { description: 'Deleted' },
      401: err('Not logged in'),
      403: err('Not your template, or CSRF token missing'),
      404: err('No such template'),
    },
  }),
  async (c) => {
    await updateReplyTemplate(c.var.deps.db, requireUser(c), c.req.valid('param').id, null);
    return c.body(null, 204);
  },
);
