import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { WARNING_KINDS, WARNING_LEVELS, WARNING_SUBJECTS } from '../../../domain/warnings.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import {
  errorResponse as err,
  idParams as planParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { getWarningRules, listWarnings, refreshWarnings, saveWarningRules } from './warnings.service.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });

const ruleSchema = z
  .object({
    kind: z.enum(WARNING_KINDS),
    enabled: z.boolean(),
    yellow: z
      .number()
      .finite()
      .openapi({ description: 'The measure at or above which the warning is yellow' }),
    red: z.number().finite().openapi({ description: 'The measure at or above which it is red (≥ yellow)' }),
  })
  .openapi('WarningRule');

const ruleOutSchema = ruleSchema
  .extend({ title: bilingual, measure: bilingual.openapi({ description: 'What the thresholds measure' }) })
  .openapi('WarningRuleDescribed');

export const warningSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    kind: z.enum(WARNING_KINDS),
    kindTitle: bilingual,
    subjectType: z.enum(WARNING_SUBJECTS),
    subjectId: z.uuid(),
    key: z.string().openapi({ description: 'A period, a year or a milestone when one subject has several' }),
    title: z.string(),
    link: z.string().openapi({ description: 'The subject’s page in the workspace' }),
    department: z.object({ code: z.string(), name: z.string() }).nullable(),
    level: z.enum(WARNING_LEVELS),
    measure: z.number(),
    reason: bilingual,
    raisedAt: z.string(),
    levelAt: z.string().openapi({ description: 'When it reached its current level' }),
    checkedAt: z.string().openapi({ description: 'Last sweep that found it standing' }),
    clearedAt: z.string().nullable().openapi({ description: 'When the condition cleared (history)' }),
    active: z.boolean(),
  })
  .openapi('Warning');

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not the planning office, or CSRF token missing'),
  404: err('No such plan'),
};

export const warningsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

warningsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/warning-rules',
    tags: ['warnings'],
    summary: 'The plan’s early-warning rules with their yellow and red thresholds 预警规则',
    request: { params: planParams },
    responses: {
      200: json(z.object({ items: z.array(ruleOutSchema) }), 'Every kind, stored or default'),
      401: err('Not logged in'),
      404: err('No such plan'),
    },
  }),
  async (c) => {
    requireUser(c);
    return c.json({ items: await getWarningRules(c.var.deps.db, c.req.valid('param').id) }, 200);
  },
);

warningsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/plans/{id}/warning-rules',
    tags: ['warnings'],
    summary: 'Set early-warning rules (admin; kinds not given keep theirs) 设置预警规则',
    request: {
      params: planParams,
      ...body(z.object({ rules: z.array(ruleSchema).min(1).max(WARNING_KINDS.length) })),
    },
    responses: {
      200: json(z.object({ items: z.array(ruleOutSchema) }), 'The rules now'),
      ...writeErrors,
      422: err('Yellow above red, or not a number'),
    },
  }),
  async (c) =>
    c.json(
      {
        items: await saveWarningRules(
          c.var.deps.db,
          requireUser(c),
          c.req.valid('param').id,
          c.req.valid('json').rules,
        ),
      },
      200,
    ),
);

warningsRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plans/{id}/warnings/refresh',
    tags: ['warnings'],
    summary: 'Judge the plan’s warnings now instead of at the next sweep (admin) 立即更新预警',
    request: { params: planParams },
    responses: {
      200: json(
        z.object({
          raised: z.number().int(),
          changed: z.number().int(),
          cleared: z.number().int(),
          active: z.number().int(),
        }),
        'What changed',
      ),
      ...writeErrors,
    },
  }),
  async (c) => c.json(await refreshWarnings(c.var.deps.db, requireUser(c), c.req.valid('param').id), 200),
);

warningsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/warnings',
    tags: ['warnings'],
    summary:
      'The plan’s warnings: standing ones (red first) and the cleared history; a department sees its own 预警',
    request: {
      params: planParams,
      query: z.object({
        state: z.enum(['active', 'cleared', 'all']).default('active'),
        subjectType: z.enum(WARNING_SUBJECTS).optional(),
        subjectId: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
    },
    responses: {
      200: json(
        z.object({
          counts: z.object({ red: z.number().int(), yellow: z.number().int() }),
          items: z.array(warningSchema),
        }),
        'Warnings',
      ),
      401: err('Not logged in'),
      404: err('No such plan'),
    },
  }),
  async (c) =>
    c.json(
      await listWarnings(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
);
