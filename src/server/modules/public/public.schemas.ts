import { z } from '@hono/zod-openapi';
import { projectSchema } from '../../../domain/dataset.ts';
import { VERDICTS } from '../../../domain/evaluation/index.ts';
import { FEEDBACK_LIMITS, FEEDBACK_TARGETS } from '../../../domain/feedback.ts';
import { ATTRIBUTES } from '../../../domain/indicator.ts';
import { SOURCE_KINDS } from '../../../domain/provenance.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const planQuery = z.object({
  planId: z.uuid().optional().openapi({ description: 'Defaults to the newest master plan' }),
});

export const publicSourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS).openapi({
      description: 'entered = 部门填报; published = 公开统计数据 (published statistics); imported = 批量导入',
    }),
    title: z.string().nullable(),
    url: z.string().nullable(),
    quote: z.string().nullable().openapi({ description: 'The figure as printed' }),
    releasedOn: z.string().nullable(),
    basis: z.string().nullable().openapi({ description: '口径' }),
    revision: z.number().int(),
  })
  .openapi('PublicSource');

export const publicIndicatorSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    category: z.string().nullable(),
    attribute: z.enum(ATTRIBUTES),
    baselineYear: z.number().int().nullable(),
    baseline: z.string().nullable(),
    targetYear: z.number().int().nullable(),
    target: z.string().nullable(),
    latestYear: z.number().int().nullable(),
    latestValue: z.number().nullable(),
    latestText: z.string().nullable(),
    latestSource: publicSourceSchema.nullable(),
    verdict: z.enum(VERDICTS),
    explanation: bilingual,
  })
  .openapi('PublicIndicator');

export const publicIndicatorListSchema = z
  .object({ year: z.number().int(), planTitle: z.string(), items: z.array(publicIndicatorSchema) })
  .openapi('PublicIndicatorList');

export const publicValuesSchema = z
  .object({
    indicator: publicIndicatorSchema,
    values: z.array(
      z.object({
        period: z.string(),
        year: z.number().int(),
        value: z.number().nullable(),
        text: z.string().nullable(),
        source: publicSourceSchema,
      }),
    ),
    path: z.array(z.object({ year: z.number().int(), value: z.number() })),
    evaluation: z.looseObject({ verdict: z.enum(VERDICTS), explanation: bilingual }).nullable(),
  })
  .openapi('PublicIndicatorValues');

/** The domain's project as the public API lists it: with its id and its spatial unit's name. */
export const publicProjectSchema = projectSchema
  .pick({
    code: true,
    name: true,
    category: true,
    leadUnit: true,
    spatialUnitCode: true,
    totalInvestment: true,
    investmentUnit: true,
    startYear: true,
    endYear: true,
    stage: true,
  })
  .extend({ id: z.uuid(), spatialUnit: z.string().nullable() })
  .openapi('PublicProject');

export const feedbackBodySchema = z
  .object({
    targetType: z.enum(FEEDBACK_TARGETS),
    targetId: z.uuid(),
    body: z.string().min(1).max(FEEDBACK_LIMITS.body),
    name: z.string().max(FEEDBACK_LIMITS.name).nullable().optional(),
    contact: z
      .string()
      .max(FEEDBACK_LIMITS.contact)
      .nullable()
      .optional()
      .openapi({ description: 'Never published' }),
    challenge: z.string().max(200).openapi({ description: 'From GET /api/public/feedback/challenge' }),
    website: z.string().max(200).nullable().optional().openapi({ description: 'Leave empty (honeypot)' }),
  })
  .openapi('NewFeedback');

export const publishedFeedbackSchema = z
  .object({
    id: z.uuid(),
    body: z.string(),
    name: z.string().nullable(),
    createdAt: z.string(),
    reply: z.object({ body: z.string(), createdAt: z.string(), departmentName: z.string() }).nullable(),
  })
  .openapi('PublishedFeedback');

export const feedbackListQuery = z.object({
  targetType: z.enum(FEEDBACK_TARGETS).optional(),
  targetId: z.uuid().optional(),
});

export const replyStatsSchema = z
  .object({
    items: z.array(
      z.object({
        department: z.string(),
        routed: z.number().int(),
        replied: z.number().int(),
        replyRate: z.number(),
        medianReplyHours: z.number().nullable(),
      }),
    ),
  })
  .openapi('ReplyStats');
