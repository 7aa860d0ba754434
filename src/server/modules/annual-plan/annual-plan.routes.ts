import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ANNUAL_VERDICTS } from '../../../domain/annual-plan.ts';
import { ATTRIBUTES, FREQUENCIES } from '../../../domain/indicator.ts';
import type { AppEnv } from '../../app-env.ts';
import { requireUser } from '../../auth/guards.ts';
import { validationHook } from '../../errors.ts';
import {
  calendarYearParam,
  errorResponse as err,
  idParams as planParams,
  idYearParams as targetParams,
  jsonBody as body,
  jsonResponse as json,
} from '../../openapi-helpers.ts';
import { signedIn, uploadedBytes, uploadLimit, xlsxFormBody } from '../spreadsheets/upload-body.ts';
import { executionTable, setAnnualTarget, uploadAnnualTargets } from './annual-plan.service.ts';

const yearQuery = z.object({ year: calendarYearParam });

const executionRowSchema = z
  .object({
    indicatorId: z.uuid(),
    code: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    attribute: z.enum(ATTRIBUTES),
    frequency: z.enum(FREQUENCIES),
    annualTarget: z.number().nullable().openapi({ description: '全年预期目标' }),
    note: z.string().nullable(),
    pathValue: z
      .number()
      .nullable()
      .openapi({ description: 'The year on the straight path to the five-year target' }),
    differsFromPath: z.boolean(),
    pathGapShare: z.number().nullable(),
    actual: z.number().nullable().openapi({ description: '全年完成情况 (approved values only)' }),
    completionRate: z.number().nullable().openapi({ description: '完成率, 1 = 100 %' }),
    verdict: z.enum(ANNUAL_VERDICTS),
    halfYear: z
      .object({
        period: z.string(),
        value: z.number().nullable(),
        share: z.number().nullable().openapi({ description: '完成全年任务的 X%' }),
        onTrack: z.boolean().nullable().openapi({ description: '时间过半、任务过半' }),
      })
      .nullable(),
  })
  .openapi('AnnualExecutionRow');

export const annualPlanRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

annualPlanRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/annual-plan',
    tags: ['annual plan'],
    summary:
      'The year’s execution table: 全年预期目标 / 全年完成情况 / 完成率 / verdict, half-year check 年度计划执行情况',
    request: { params: planParams, query: yearQuery },
    responses: {
      200: json(
        z.object({ year: z.number().int(), rows: z.array(executionRowSchema) }),
        'One row per indicator',
      ),
      404: err('No such plan'),
      422: err('Year outside the plan'),
    },
  }),
  async (c) => {
    const { year } = c.req.valid('query');
    return c.json({ year, rows: await executionTable(c.var.deps.db, c.req.valid('param').id, year) }, 200);
  },
);

const writeErrors = {
  401: err('Not logged in'),
  403: err('Not the planning office, or CSRF token missing'),
  404: err('No such indicator'),
  422: err('Invalid input, or year outside the plan'),
};

annualPlanRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/indicators/{id}/annual-targets/{year}',
    tags: ['annual plan'],
    summary: 'Set an indicator’s 全年预期目标 for a year (admin) 设定年度目标',
    request: {
      params: targetParams,
      ...body(z.object({ value: z.number().finite(), note: z.string().max(500).nullable().optional() })),
    },
    responses: { 204: { description: 'Saved' }, ...writeErrors },
  }),
  async (c) => {
    const { id, year } = c.req.valid('param');
    await setAnnualTarget(c.var.deps.db, requireUser(c), id, year, c.req.valid('json'));
    return c.body(null, 204);
  },
);

annualPlanRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/indicators/{id}/annual-targets/{year}',
    tags: ['annual plan'],
    summary: 'Remove an annual target (admin) 删除年度目标',
    request: { params: targetParams },
    responses: { 204: { description: 'Removed' }, ...writeErrors },
  }),
  async (c) => {
    const { id, year } = c.req.valid('param');
    await setAnnualTarget(c.var.deps.db, requireUser(c), id, year, null);
    return c.body(null, 204);
  },
);

annualPlanRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plans/{id}/annual-targets/upload',
    tags: ['annual plan'],
    summary:
      'Annual targets from the annual plan’s indicator table (.xlsx: 编码, 全年预期目标, 备注) (admin)',
    middleware: [signedIn, uploadLimit] as const,
    request: { params: planParams, query: yearQuery, ...xlsxFormBody },
    responses: {
      200: json(
        z.object({
          ok: z.boolean(),
          rows: z.array(
            z.object({
              row: z.number().int(),
              code: z.string(),
              status: z.enum(['saved', 'error']),
              message: z
                .string()
                .openapi({ description: 'English 中文 in one string (a saved row: the value)' }),
              messages: z
                .object({ zh: z.string(), en: z.string() })
                .optional()
                .openapi({ description: 'The message in each language' }),
            }),
          ),
        }),
        'Row-level report; ok=false means nothing was saved',
      ),
      ...writeErrors,
      413: err('File too large'),
      415: err('Not an .xlsx'),
    },
  }),
  async (c) => {
    const bytes = await uploadedBytes(c.req.valid('form').file);
    const { id } = c.req.valid('param');
    return c.json(
      await uploadAnnualTargets(c.var.deps.db, requireUser(c), id, c.req.valid('query').year, bytes),
      200,
    );
  },
);
