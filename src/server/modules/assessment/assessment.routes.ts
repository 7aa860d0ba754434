import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { plansRepository } from '../../../db/repositories/plans.repository.ts';
import { ADJUSTMENT_REASON_MAX, ASSESSMENT_CRITERIA } from '../../../domain/assessment.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import {
  calendarYearParam,
  errorResponse as err,
  idParams as planParams,
  idYearParams as yearParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { XLSX_MIME } from '../spreadsheets/xlsx.ts';
import {
  adjustAssessment,
  assessDepartments,
  getAssessmentConfig,
  saveAssessmentConfig,
} from './assessment.service.ts';
import { assessmentWorkbook } from './assessment.xlsx.ts';

const assessQuery = z.object({
  year: calendarYearParam,
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .openapi({ description: 'Judge deadlines as of this day (YYYY-MM-DD); default today' }),
});
const bilingual = z.object({ zh: z.string(), en: z.string() });

const configSchema = z
  .object({
    weights: z
      .object(
        Object.fromEntries(ASSESSMENT_CRITERIA.map((k) => [k, z.number().finite()])) as {
          [K in (typeof ASSESSMENT_CRITERIA)[number]]: z.ZodNumber;
        },
      )
      .openapi({ description: 'Points per criterion, together 100' }),
    bindingWeight: z
      .number()
      .finite()
      .openapi({ description: 'How many times a binding indicator’s verdict counts (≥ 1)' }),
  })
  .openapi('AssessmentConfig');

const criterionSchema = z.object({
  criterion: z.enum(ASSESSMENT_CRITERIA),
  title: bilingual,
  weight: z.number(),
  applicable: z.boolean().openapi({ description: 'false: no items this year, full points' }),
  items: z.number().int(),
  met: z.number().int(),
  points: z.number(),
  lost: z.number(),
  losses: z.array(
    z.object({
      title: z.string(),
      link: z.string(),
      credit: z.number().openapi({ description: '0 missed, 0.5 behind but not failed' }),
      binding: z.boolean(),
      reason: bilingual,
      lost: z.number().openapi({ description: 'Points this item cost' }),
    }),
  ),
});

export const departmentScoreSchema = z
  .object({
    department: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    rank: z.number().int(),
    base: z.number().openapi({ description: 'Score before the assessment team’s adjustments' }),
    adjustment: z.number(),
    score: z.number().openapi({ description: '0–100' }),
    criteria: z.array(criterionSchema),
    adjustments: z.array(
      z.object({
        departmentId: z.uuid(),
        points: z.number(),
        reason: z.string(),
        by: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi('DepartmentScore');

const assessmentSchema = z
  .object({
    planId: z.uuid(),
    year: z.number().int(),
    asOf: z.string(),
    config: configSchema,
    departments: z.array(departmentScoreSchema),
  })
  .openapi('Assessment');

export const assessmentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/assessment-criteria',
    tags: ['assessment'],
    summary: 'The weights of the department assessment’s criteria 考核指标权重',
    request: { params: planParams },
    responses: {
      200: json(configSchema, 'Stored, or the defaults'),
      401: err('Not logged in'),
      404: err('No such plan'),
    },
  }),
  async (c) => {
    requireUser(c);
    return c.json(await getAssessmentConfig(c.var.deps.db, c.req.valid('param').id), 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/plans/{id}/assessment-criteria',
    tags: ['assessment'],
    summary: 'Set the criteria weights (admin; together 100) 设置考核权重',
    request: { params: planParams, ...body(configSchema) },
    responses: {
      200: json(configSchema, 'The weights now'),
      401: err('Not logged in'),
      403: err('Not the planning office, or CSRF token missing'),
      404: err('No such plan'),
      422: err('Weights not adding up to 100, negative, or a binding weight below 1'),
    },
  }),
  async (c) =>
    c.json(
      await saveAssessmentConfig(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
);

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/assessment',
    tags: ['assessment'],
    summary:
      'The year’s department scores with their breakdown and the items behind every point lost 部门考核; a department sees its own',
    request: { params: planParams, query: assessQuery },
    responses: {
      200: json(assessmentSchema, 'Best first'),
      401: err('Not logged in'),
      404: err('No such plan'),
      422: err('Year outside the plan'),
    },
  }),
  async (c) =>
    c.json(
      await assessDepartments(c.var.deps.db, requireUser(c), c.req.valid('param').id, c.req.valid('query')),
      200,
    ),
);

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/assessment.xlsx',
    tags: ['assessment'],
    summary: 'The year’s assessment as .xlsx (考核得分 and 扣分明细) 导出考核结果',
    request: { params: planParams, query: assessQuery },
    responses: {
      200: {
        description: 'The workbook',
        content: { [XLSX_MIME]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      401: err('Not logged in'),
      404: err('No such plan'),
      422: err('Year outside the plan'),
    },
  }),
  async (c) => {
    const db = c.var.deps.db;
    const { id } = c.req.valid('param');
    const a = await assessDepartments(db, requireUser(c), id, c.req.valid('query'));
    const plan = await plansRepository.findById(db, id);
    const bytes = await assessmentWorkbook(a, plan?.shortTitle ?? plan?.title ?? '');
    const name = `考核-${a.year}-${a.asOf}.xlsx`;
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': XLSX_MIME,
      'content-disposition': `attachment; filename="assessment-${a.year}-${a.asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plans/{id}/assessment/{year}/adjustments',
    tags: ['assessment'],
    summary: 'Adjust a department’s score with a reason (assessor: the joint assessment team) 考核组调整得分',
    request: {
      params: yearParams,
      ...body(
        z.object({
          department: z.string().min(1).openapi({ description: 'Department code' }),
          points: z.number().finite().openapi({ description: 'Added to the score (negative to deduct)' }),
          reason: z.string().min(1).max(ADJUSTMENT_REASON_MAX),
        }),
      ),
    },
    responses: {
      200: json(departmentScoreSchema, 'The department’s score now'),
      401: err('Not logged in'),
      403: err('Not an assessor, or CSRF token missing'),
      404: err('No such plan or department'),
      422: err(
        'Zero or out-of-range points, no reason, a year outside the plan, or a department without work in it',
      ),
    },
  }),
  async (c) => {
    const { id, year } = c.req.valid('param');
    return c.json(await adjustAssessment(c.var.deps.db, requireUser(c), id, year, c.req.valid('json')), 200);
  },
);
