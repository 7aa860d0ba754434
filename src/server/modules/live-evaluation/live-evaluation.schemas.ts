import { z } from '@hono/zod-openapi';
import {
  DISAGREEMENTS,
  METHODS,
  SCHEDULE_STATES,
  TREND_OUTLOOKS,
  VERDICTS,
} from '../../../domain/evaluation/index.ts';
import { ATTRIBUTES, DIRECTIONS, INDICATOR_SCOPES, TARGET_KINDS } from '../../../domain/indicator.ts';
import { isCalendarDate } from '../../../domain/provenance.ts';
import { planSummarySchema } from '../plans/plans.schemas.ts';
import { calendarYearParam } from '../../openapi-helpers.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() }).openapi('Bilingual');

export const liveEvaluationQuery = z.object({
  year: calendarYearParam.openapi({ example: 2023, description: 'Year to judge' }),
  method: z
    .enum(METHODS)
    .default('time')
    .openapi({ description: 'time = 时间进度 (default); trend = CAGR ratio' }),
  scope: z.enum(INDICATOR_SCOPES).default('table').openapi({
    description: "table = the plan's indicator table; all = also the targets read from the text",
  }),
  asOf: z.string().refine(isCalendarDate, 'asOf must be a date YYYY-MM-DD').optional().openapi({
    example: '2023-12-26',
    description:
      'Judge as known on this date: only values released (or approved) on or before it, each in its latest revision as of then',
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
    judgement: z
      .object({
        schedule: z.enum(SCHEDULE_STATES).nullable().openapi({
          description: 'Time progress: where the schedule says it should be (met/missed once over or met)',
        }),
        trend: z.enum(TREND_OUTLOOKS).nullable().openapi({
          description: 'Will the trend reach the five-year target (null once the period is over)',
        }),
        disagreement: z.enum(DISAGREEMENTS).nullable().openapi({
          description: 'on_schedule_trend_misses / behind_trend_reaches when the two parts disagree',
        }),
        text: bilingual,
      })
      .nullable()
      .openapi('TwoPartJudgement'),
    growth: z
      .object({
        annual: z.array(z.object({ year: z.number().int(), rate: z.number() })),
        latest: z.object({ year: z.number().int(), rate: z.number() }).nullable(),
        twoYearAverage: z.array(z.object({ year: z.number().int(), rate: z.number() })),
      })
      .nullable()
      .openapi({
        description: 'Growth targets read from annual rates: rates per year, the latest, and 两年平均增长',
      }),
    unreportedYear: z.number().int().nullable().openapi({
      description:
        'The final year asked for but not reported yet: the verdict is the progress of the latest figure (dataYear), not achieved/not achieved',
    }),
    explanation: bilingual,
    notes: z.array(bilingual),
  })
  .openapi('IndicatorEvaluation');

const countsOf = <T extends string>(keys: readonly [T, ...T[]]) => z.record(z.enum(keys), z.number().int());

export const liveEvaluationSchema = z
  .object({
    plan: planSummarySchema,
    year: z.number().int(),
    method: z.enum(METHODS),
    asOf: z
      .string()
      .nullable()
      .openapi({ description: 'The date judged as of; null = all values known now' }),
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
      judgement: z
        .object({
          schedule: countsOf(SCHEDULE_STATES),
          trend: countsOf(TREND_OUTLOOKS),
          disagreements: countsOf(DISAGREEMENTS),
          sentence: bilingual,
        })
        .openapi({ description: 'Both parts of the judgement counted, and their disagreements' }),
    }),
    ids: z.record(z.string(), z.uuid()),
  })
  .openapi('PlanEvaluation');

export const revisionsQuery = z.object({
  year: calendarYearParam
    .optional()
    .openapi({ description: 'Year whose verdicts are compared (default: the latest year with data)' }),
  method: z.enum(METHODS).default('time'),
});

export const revisionReportSchema = z
  .object({
    plan: planSummarySchema,
    year: z.number().int(),
    method: z.enum(METHODS),
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        year: z.number().int(),
        kind: z.string(),
        fromRevision: z.number().int(),
        toRevision: z.number().int(),
        fromValue: z.number().nullable(),
        toValue: z.number().nullable(),
        change: z.number().nullable(),
        revisedOn: z.string().nullable(),
        source: z
          .object({
            kind: z.string(),
            title: z.string().nullable(),
            url: z.string().nullable(),
            quote: z.string().nullable(),
            releasedOn: z.string().nullable(),
            basis: z.string().nullable(),
            enteredBy: z.string().nullable(),
            revision: z.number().int(),
          })
          .nullable(),
        verdictBefore: z.enum(VERDICTS),
        verdictAfter: z.enum(VERDICTS),
        flipped: z.boolean(),
      }),
    ),
  })
  .openapi('RevisionReport');
