import { z } from '@hono/zod-openapi';
import { METHODS } from '../../../domain/evaluation/index.ts';
import { INDICATOR_SCOPES } from '../../../domain/indicator.ts';
import { calendarYearParam } from '../../openapi-helpers.ts';

export const seriesQuery = z.object({
  to: calendarYearParam.openapi({
    example: 2024,
    description: "Last year of the series (clamped to the plan's end)",
  }),
  method: z.enum(METHODS).default('time'),
  scope: z.enum(INDICATOR_SCOPES).default('table').openapi({
    description: "table = the plan's indicator table; all = also the targets read from the text",
  }),
});

export const seriesPointSchema = z
  .object({
    year: z.number().int(),
    actual: z
      .number()
      .nullable()
      .openapi({ description: 'The value judged that year (null when that year has no approved value)' }),
    actualText: z.string().nullable(),
  })
  .openapi('SeriesPoint');

export const planSeriesSchema = z
  .object({
    planId: z.uuid(),
    years: z.array(z.number().int()),
    items: z.array(z.object({ code: z.string(), indicatorId: z.uuid(), points: z.array(seriesPointSchema) })),
  })
  .openapi('PlanSeries');

export type PlanSeries = z.infer<typeof planSeriesSchema>;
