import { z } from '@hono/zod-openapi';
import { METHODS } from '../../../domain/evaluation/index.ts';
import { TASK_STATUSES } from '../../../domain/evaluation/tasks.ts';
import { REPORT_KINDS, REPORT_LANGS } from '../../../reports/types.ts';
import { calendarYearParam } from '../../openapi-helpers.ts';

export const reportQuery = z.object({
  year: calendarYearParam.openapi({
    example: 2023,
    description: 'Year reported on (final: the last year of the plan)',
  }),
  kind: z
    .enum(REPORT_KINDS)
    .default('annual')
    .openapi({ description: 'annual 年度 / midterm 中期评估 / final 总结评估' }),
  lang: z.enum(REPORT_LANGS).default('zh').openapi({ description: 'zh (default) or en' }),
  method: z
    .enum(METHODS)
    .default('time')
    .openapi({ description: 'time = 时间进度 (default); trend = CAGR ratio' }),
  assessment: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .openapi({
      description:
        'true: add the year’s department assessment table (部门考核情况) — needs a login as the planning office or an assessor',
    }),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const reportLangQuery = z.object({
  lang: z.enum(REPORT_LANGS).default('zh').openapi({ description: 'zh (default) or en' }),
});

/** What an evaluation snapshot freezes for its report (`result.report`); see report-data.ts. */
export const frozenReportDataSchema = z
  .object({
    indicators: z.array(
      z.object({ code: z.string(), category: z.string().nullable(), baselineRaw: z.string().nullable() }),
    ),
    observations: z.array(
      z.object({
        code: z.string(),
        year: z.number().int(),
        value: z.number().nullable(),
        text: z.string().nullable(),
        kind: z.string(),
        revision: z.number().int().optional(),
      }),
    ),
    taskProgress: z.array(
      z.object({
        key: z.string(),
        status: z.enum(TASK_STATUSES),
        percent: z.number(),
        highlight: z.string().nullable(),
      }),
    ),
    projects: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        category: z.string().nullable(),
        spatialUnitCode: z.string().nullable(),
        totalInvestment: z.number().nullable(),
        investmentUnit: z.string().nullable(),
        startYear: z.number().int().nullable(),
        endYear: z.number().int().nullable(),
      }),
    ),
    projectProgress: z.array(
      z.object({
        code: z.string(),
        year: z.number().int(),
        investedToDate: z.number(),
        stage: z.string().nullable(),
      }),
    ),
    areas: z.array(z.tuple([z.string(), z.string()])).openapi({ description: '[spatial unit code, name]' }),
  })
  .openapi('FrozenReportData', {
    description: 'Report inputs frozen with the snapshot (absent in snapshots frozen before reports)',
  });
