import { z } from '@hono/zod-openapi';
import { METHODS, VERDICTS } from '../../../domain/evaluation/index.ts';
import { ATTRIBUTES, DIRECTIONS, TARGET_KINDS } from '../../../domain/indicator.ts';
import { planSummarySchema } from '../plans/plans.schemas.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() }).openapi('Bilingual');

export const liveEvaluationQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).openapi({ example: 2023, description: 'Year to judge' }),
  method: z
    .enum(METHODS)
    .default('time')
    .openapi({ description: 'time = 时间进度 (default); trend = CAGR ratio' }),
  scope: z.enum(['table', 'all']).default('table').openapi({
    description: "table = the plan's indicator table; all = also the targets read from the text",
  }),
});

const verdictCounts = z.record(z.enum(VERDICTS), z.number().int());

export const indicatorEvaluationSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    kind: z.enum(TARGET_KINDS),
    attribute: z.enum(ATTRIBUTES),
    direction: z.enum(DIRECTIONS),
    method: z.enum(METHODS),
    verdict: z.enum(VERDICTS),
    year: z.number().int(),
    dataYear: z.number().int().nullable(),
    baseline: z.number().nullable(),
    baselineYear: z.number().int().nullable(),
    target: z.number().nullable(),
    targetRaw: z.string().nullable(),
    targetYear: z.number().int().nullable(),
    expected: z.number().nullable(),
    actual: z.number().nullable(),
    actualText: z.string().nullable(),
    progress: z.number().nullable(),
    elapsed: z.number().nullable(),
    ratio: z.number().nullable(),
    projection: z
      .object({
        linear: z.number().nullable(),
        cagr: z.number().nullable(),
        linearMeets: z.boolean().nullable(),
        cagrMeets: z.boolean().nullable(),
      })
      .nullable(),
    requiredRate: z
      .object({ absolute: z.number().nullable(), relative: z.number().nullable(), years: z.number() })
      .nullable(),
    probability: z
      .object({ value: z.number(), basis: z.number(), mean: z.number(), sd: z.number() })
      .nullable(),
    explanation: bilingual,
    notes: z.array(bilingual),
  })
  .openapi('IndicatorEvaluation');

export const liveEvaluationSchema = z
  .object({
    plan: planSummarySchema,
    year: z.number().int(),
    method: z.enum(METHODS),
    indicators: z.array(indicatorEvaluationSchema),
    summary: z.object({
      year: z.number().int(),
      method: z.enum(METHODS),
      final: z.boolean(),
      total: z.number().int(),
      counts: verdictCounts,
      binding: z.object({ total: z.number().int(), counts: verdictCounts }),
      sentence: bilingual,
      bindingSentence: bilingual.nullable(),
    }),
    ids: z.record(z.string(), z.uuid()),
  })
  .openapi('PlanEvaluation');
