import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ORDER_TEXT_LIMITS,
  SUPERVISION_ACTIONS,
  SUPERVISION_STATUSES,
  SUPERVISION_SUBJECTS,
} from '../../../domain/supervision.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import {
  errorResponse as err,
  idParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { bulletin } from './supervision.reminders.ts';
import { actOnOrder, getOrder, listOrders, openOrder } from './supervision.service.ts';
import { getSupervisionSettings, setSupervisionSettings } from './supervision.settings.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const measureIn = z.object({
  title: z.string().min(1).max(500),
  milestone: z.string().max(200).nullable().optional().default(null),
  dueDate: day,
});

const orderSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    subjectType: z.enum(SUPERVISION_SUBJECTS),
    subjectId: z.uuid(),
    subjectTitle: z.string(),
    department: z.object({ code: z.string(), name: z.string() }),
    warningId: z.uuid().nullable(),
    title: z.string(),
    requirement: z.string().openapi({ description: 'The response required 整改要求' }),
    planDue: z.string().openapi({ description: 'The corrective plan is due 整改计划提交期限' }),
    deadline: z.string().openapi({ description: 'The correction is due 整改完成期限' }),
    status: z.enum(SUPERVISION_STATUSES),
    statusLabel: bilingual,
    waitingFor: bilingual.nullable(),
    stepDue: z.string().nullable().openapi({ description: 'Deadline of the step waited for' }),
    light: z
      .enum(['green', 'yellow', 'red', 'done'])
      .openapi({ description: 'red: the step is overdue (escalated)' }),
    overdue: z.boolean(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    actions: z.array(z.enum(SUPERVISION_ACTIONS)).openapi({ description: 'What the caller may do now' }),
    measures: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        milestone: z.string().nullable(),
        dueDate: z.string(),
        doneOn: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
  })
  .openapi('SupervisionOrder');

const orderDetailSchema = orderSchema
  .extend({
    steps: z.array(
      z.object({
        action: z.string(),
        label: bilingual,
        fromStatus: z.enum(SUPERVISION_STATUSES).nullable(),
        toStatus: z.enum(SUPERVISION_STATUSES),
        body: z.string().nullable(),
        actor: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi('SupervisionOrderDetail');

const stepErrors = {
  401: err('Not logged in'),
  403: err('Not this order’s department (or not the planning office for 核查), or CSRF token missing'),
  404: err('No such order'),
  409: err('The order’s status does not allow this step'),
  422: err('The step lacks what it needs'),
};

export const supervisionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

supervisionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/supervision',
    tags: ['supervision'],
    summary:
      'Open a 督办单 on an indicator, task or project (or from a warning) to its lead department (admin) 交办',
    request: {
      ...body(
        z.object({
          subjectType: z.enum(SUPERVISION_SUBJECTS).optional(),
          subjectId: z.uuid().optional(),
          warningId: z.uuid().optional(),
          department: z
            .string()
            .max(50)
            .optional()
            .openapi({ description: 'Department code; default: the lead' }),
          title: z.string().min(1).max(ORDER_TEXT_LIMITS.title),
          requirement: z.string().min(1).max(ORDER_TEXT_LIMITS.requirement),
          planDue: day,
          deadline: day,
        }),
      ),
    },
    responses: {
      201: json(orderDetailSchema, 'Opened and assigned'),
      401: err('Not logged in'),
      403: err('Not the planning office, or CSRF token missing'),
      404: err('No such item or warning'),
      422: err('Invalid dates, no department, or a warning on something else'),
    },
  }),
  async (c) => c.json(await openOrder(c.var.deps.db, requireUser(c), c.req.valid('json')), 201),
);

supervisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/supervision',
    tags: ['supervision'],
    summary: '督办单 the caller may see (a department its own), open ones first; filter by plan or item',
    request: {
      query: z.object({
        planId: z.uuid().optional(),
        subjectType: z.enum(SUPERVISION_SUBJECTS).optional(),
        subjectId: z.uuid().optional(),
        state: z.enum(['open', 'closed', 'all']).default('all'),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(orderSchema) }), 'Orders'), 401: err('Not logged in') },
  }),
  async (c) => c.json({ items: await listOrders(c.var.deps.db, requireUser(c), c.req.valid('query')) }, 200),
);

supervisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/supervision/bulletin',
    tags: ['supervision'],
    summary: '通报: the units with overdue 督办 steps and their orders (admin, assessor)',
    request: { query: z.object({ planId: z.uuid().optional() }) },
    responses: {
      200: json(
        z.object({
          today: z.string(),
          units: z.array(
            z.object({
              department: z.object({ code: z.string(), name: z.string() }),
              count: z.number().int(),
              orders: z.array(
                z.object({
                  id: z.uuid(),
                  title: z.string(),
                  subjectTitle: z.string(),
                  waitingFor: bilingual.nullable(),
                  stepDue: z.string().nullable(),
                  daysOverdue: z.number().int(),
                }),
              ),
            }),
          ),
        }),
        'Units with overdue steps',
      ),
      401: err('Not logged in'),
      403: err('Not the planning office or an assessor'),
    },
  }),
  async (c) => c.json(await bulletin(c.var.deps.db, requireUser(c), c.req.valid('query').planId), 200),
);

supervisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/supervision/{id}',
    tags: ['supervision'],
    summary: 'One 督办单 with its measures and every step taken',
    request: { params: idParams },
    responses: {
      200: json(orderDetailSchema, 'The order'),
      401: err('Not logged in'),
      403: err('Not an order of your department'),
      404: err('No such order'),
    },
  }),
  async (c) => c.json(await getOrder(c.var.deps.db, requireUser(c), c.req.valid('param').id), 200),
);

const step = (
  path: string,
  action: (typeof SUPERVISION_ACTIONS)[number],
  summary: string,
  schema: z.ZodObject,
) =>
  supervisionRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/supervision/{id}/${path}`,
      tags: ['supervision'],
      summary,
      request: { params: idParams, ...body(schema) },
      responses: { 200: json(orderDetailSchema, 'The order after the step'), ...stepErrors },
    }),
    async (c) => {
      const input = c.req.valid('json') as {
        body?: string | null;
        measures?: { title: string; milestone: string | null; dueDate: string }[];
        doneMeasureIds?: string[];
      };
      return c.json(
        await actOnOrder(c.var.deps.db, requireUser(c), c.req.valid('param').id, { action, ...input }),
        200,
      );
    },
  );

const text = z.string().max(2000);
step(
  'acknowledge',
  'acknowledge',
  'The department acknowledges the order 签收',
  z.object({ body: text.nullable().optional() }),
);
step(
  'plan',
  'submit_plan',
  'The department submits its corrective plan: measures with milestones and dates 提交整改计划',
  z.object({ body: text.nullable().optional(), measures: z.array(measureIn).min(1).max(50) }),
);
step(
  'progress',
  'report',
  'The department reports progress, marking measures done 报送整改进展',
  z.object({ body: text.min(1), doneMeasureIds: z.array(z.uuid()).max(50).optional() }),
);
step(
  'close',
  'close',
  'The office verifies and closes the order (admin) 核查销号',
  z.object({ body: text.min(1) }),
);
step(
  'return',
  'return',
  'The office verifies and returns the order for rework (admin) 核查退回',
  z.object({ body: text.min(1) }),
);

const settingsSchema = z.object({
  publicMeasures: z
    .boolean()
    .openapi({ description: 'The portal shows corrective measures under a lagging indicator' }),
});

supervisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/supervision-settings',
    tags: ['supervision'],
    summary: 'The plan’s 督办 settings',
    request: { params: idParams },
    responses: { 200: json(settingsSchema, 'Settings'), 401: err('Not logged in') },
  }),
  async (c) => {
    requireUser(c);
    return c.json(await getSupervisionSettings(c.var.deps.db, c.req.valid('param').id), 200);
  },
);

supervisionRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/plans/{id}/supervision-settings',
    tags: ['supervision'],
    summary: 'Whether the portal shows corrective measures under lagging indicators (admin) 公开整改措施',
    request: { params: idParams, ...body(settingsSchema) },
    responses: {
      200: json(settingsSchema, 'Saved'),
      401: err('Not logged in'),
      403: err('Not the planning office, or CSRF token missing'),
      404: err('No such plan'),
    },
  }),
  async (c) =>
    c.json(
      await setSupervisionSettings(
        c.var.deps.db,
        requireUser(c),
        c.req.valid('param').id,
        c.req.valid('json').publicMeasures,
      ),
      200,
    ),
);
