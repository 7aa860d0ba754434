import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MAIL_JOB_STATUSES, MAIL_MODES, NOTIFICATION_EVENTS } from '../../../domain/notification.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { authorize } from '../../policies/policy.ts';
import { validationHook } from '../../errors.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import {
  listMyNotifications,
  mailPreferences,
  mailQueue,
  markMyNotificationsRead,
  setMailPreferences,
  unreadCount,
} from './notifications.service.ts';

const notificationSchema = z
  .object({
    id: z.uuid(),
    event: z.enum(NOTIFICATION_EVENTS),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().openapi({ description: 'A workspace path, e.g. /inbox?tab=comments' }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification');

const preferencesSchema = z
  .object({
    mail: z.enum(MAIL_MODES).openapi({ description: 'instant: a mail per event; digest: one a day; off' }),
    mailConfigured: z.boolean().openapi({ description: 'Whether this installation sends e-mail at all' }),
  })
  .openapi('NotificationPreferences');

export const notificationsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

notificationsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/notifications',
    tags: ['notifications'],
    summary: 'My notifications, newest first, with the unread count 通知中心',
    request: {
      query: z.object({
        unread: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
        before: z.iso.datetime().optional().openapi({ description: 'Page: notifications older than this' }),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(notificationSchema), unread: z.number().int() }), 'Notifications'),
      401: err('Not logged in'),
      422: err('Invalid query'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const out = await listMyNotifications(c.var.deps.db, requireUser(c), {
      unreadOnly: q.unread === 'true',
      limit: q.limit ?? 50,
      before: q.before ? new Date(q.before) : null,
    });
    return c.json(out, 200);
  },
);

notificationsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/notifications/unread-count',
    tags: ['notifications'],
    summary: 'How many notifications I have not read 未读数',
    responses: {
      200: json(z.object({ unread: z.number().int() }), 'Unread count'),
      401: err('Not logged in'),
    },
  }),
  async (c) => {
    return c.json({ unread: await unreadCount(c.var.deps.db, requireUser(c)) }, 200);
  },
);

notificationsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/notifications/{id}/read',
    tags: ['notifications'],
    summary: 'Mark one of my notifications read 标记已读',
    request: { params: idParams },
    responses: {
      200: json(z.object({ unread: z.number().int() }), 'Marked; the new unread count'),
      401: err('Not logged in'),
      403: err('CSRF token missing'),
      404: err('No such notification of mine'),
    },
  }),
  async (c) => {
    const out = await markMyNotificationsRead(c.var.deps.db, requireUser(c), c.req.valid('param').id);
    return c.json({ unread: out.unread }, 200);
  },
);

notificationsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/notifications/read-all',
    tags: ['notifications'],
    summary: 'Mark all my notifications read 全部已读',
    responses: {
      200: json(z.object({ marked: z.number().int(), unread: z.number().int() }), 'Marked'),
      401: err('Not logged in'),
      403: err('CSRF token missing'),
    },
  }),
  async (c) => {
    return c.json(await markMyNotificationsRead(c.var.deps.db, requireUser(c), null), 200);
  },
);

notificationsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/notifications/preferences',
    tags: ['notifications'],
    summary: 'How I am told: a mail per event, a daily digest, or in-app only 提醒方式',
    responses: { 200: json(preferencesSchema, 'Preferences'), 401: err('Not logged in') },
  }),
  async (c) => {
    return c.json(await mailPreferences(c.var.deps.db, requireUser(c)), 200);
  },
);

notificationsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/notifications/preferences',
    tags: ['notifications'],
    summary: 'Choose a mail per event, a daily digest, or in-app only 设置提醒方式',
    request: body(z.object({ mail: z.enum(MAIL_MODES) })),
    responses: {
      200: json(preferencesSchema, 'Saved'),
      401: err('Not logged in'),
      403: err('CSRF token missing'),
      422: err('Unknown mode'),
    },
  }),
  async (c) => {
    return c.json(await setMailPreferences(c.var.deps.db, requireUser(c), c.req.valid('json').mail), 200);
  },
);

notificationsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/mail-jobs',
    tags: ['notifications'],
    summary: 'Outgoing mail and its delivery state (admin) 邮件发送记录',
    request: { query: z.object({ status: z.enum(MAIL_JOB_STATUSES).optional() }) },
    responses: {
      200: json(
        z.object({
          counts: z.record(z.string(), z.number().int()),
          items: z.array(
            z.object({
              id: z.number().int(),
              kind: z.string(),
              recipient: z.string(),
              subject: z.string(),
              status: z.string(),
              attempts: z.number().int(),
              lastError: z.string().nullable(),
              sentAt: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        }),
        'Newest first',
      ),
      401: err('Not logged in'),
      403: err('Not an admin'),
    },
  }),
  async (c) => {
    authorize(c.var.user, 'readMailQueue', 'office');
    return c.json(await mailQueue(c.var.deps.db, c.req.valid('query').status), 200);
  },
);
