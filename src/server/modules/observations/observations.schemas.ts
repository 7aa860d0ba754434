import { z } from '@hono/zod-openapi';
import { OBSERVATION_KINDS, OBSERVATION_STATUSES } from '../../../domain/observation.ts';
import { isCalendarDate, SOURCE_KINDS } from '../../../domain/provenance.ts';
import { idParams } from '../../openapi-helpers.ts';
import { iso } from '../../timestamps.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const provenanceSchema = z
  .object({
    kind: z
      .enum(SOURCE_KINDS)
      .openapi({ description: 'entered | published (published statistics) | imported' }),
    title: z.string().nullable(),
    url: z.string().nullable(),
    quote: z.string().nullable().openapi({ description: 'The figure as printed' }),
    releasedOn: z
      .string()
      .nullable()
      .openapi({ example: '2024-02-04', description: 'Release date of the source' }),
    basis: z.string().nullable().openapi({ description: '口径 notes (现价/不变价, 初步核算…)' }),
    enteredBy: z.string().nullable(),
    revision: z.number().int(),
  })
  .openapi('Provenance');

export const sourceInputSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS).exclude(['imported']).optional(),
    title: z.string().max(300).nullable().optional(),
    url: z.string().max(1000).nullable().optional(),
    quote: z.string().max(200).nullable().optional(),
    releasedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
      .refine((d) => isCalendarDate(d), 'not a calendar date')
      .nullable()
      .optional()
      .openapi({
        description: 'Release date of the source: evaluation as of a date counts the value from it',
      }),
    basis: z.string().max(500).nullable().optional(),
  })
  .openapi('SourceInput');

export const observationIdParams = idParams;

export const observationSchema = z
  .object({
    id: z.uuid(),
    indicatorId: z.uuid(),
    period: z.string().openapi({ example: '2023' }),
    year: z.number().int(),
    kind: z.enum(OBSERVATION_KINDS),
    value: z.number().nullable(),
    text: z.string().nullable(),
    status: z.enum(OBSERVATION_STATUSES),
    version: z.number().int(),
    note: z.string().nullable(),
    correctionReason: z.string().nullable(),
    returnReason: z.string().nullable(),
    createdByEmail: z.string().nullable(),
    createdAt: z.string(),
    submittedByEmail: z.string().nullable().openapi({ description: 'Who last sent it for review' }),
    submittedAt: z.string().nullable(),
    approvedByEmail: z.string().nullable(),
    approvedAt: z.string().nullable(),
    provenance: provenanceSchema,
  })
  .openapi('Observation');

export const observationResultSchema = z
  .object({ observation: observationSchema, warnings: z.array(bilingual) })
  .openapi('ObservationResult');

export const newObservationSchema = z
  .object({
    indicatorId: z.uuid(),
    period: z.string().max(7).openapi({ example: '2023', description: '2023, 2023Q1 or 2023-03' }),
    kind: z.enum(OBSERVATION_KINDS).optional(),
    value: z.number().finite().nullable().optional(),
    text: z.string().max(2000).nullable().optional(),
    note: z.string().max(4000).nullable().optional(),
    reason: z
      .string()
      .max(2000)
      .nullable()
      .optional()
      .openapi({ description: 'Why an approved value is corrected' }),
    source: sourceInputSchema.nullable().optional(),
  })
  .openapi('NewObservation');

export const updateObservationSchema = z
  .object({
    value: z.number().finite().nullable().optional(),
    text: z.string().max(2000).nullable().optional(),
    note: z.string().max(4000).nullable().optional(),
  })
  .openapi('ObservationUpdate');

export const returnBodySchema = z.object({ reason: z.string().min(1).max(2000) }).openapi('ReturnRequest');

/** Dates as ISO strings, the shape the schema documents. */
export function presentObservation<
  T extends { createdAt: Date; submittedAt: Date | null; approvedAt: Date | null },
>(o: T) {
  return {
    ...o,
    createdAt: iso(o.createdAt),
    submittedAt: iso(o.submittedAt),
    approvedAt: iso(o.approvedAt),
  };
}

export const planObservationsQuery = z.object({
  mine: z.enum(['true', 'false']).optional().openapi({
    description: "true: only the indicators of the user's departments (department users)",
  }),
  status: z
    .string()
    .regex(/^[a-z,]+$/)
    .optional()
    .openapi({ example: 'draft,returned', description: 'Comma-separated statuses to keep' }),
});

export const bulkApproveSchema = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(500)
      .openapi({ description: 'Submitted values to approve, at most 500' }),
  })
  .openapi('BulkApprove');

const bulkItemSchema = z.object({
  id: z.uuid(),
  status: z.enum(['approved', 'submitted', 'refused']),
  error: z
    .object({ code: z.string(), message: z.string(), messages: bilingual.optional() })
    .nullable()
    .openapi({ description: 'Why the value was refused; `messages` holds each language, as in Error' }),
});

export const bulkApproveResultSchema = z
  .object({ approved: z.number().int(), items: z.array(bulkItemSchema) })
  .openapi('BulkApproveResult');

export const submitDraftsSchema = z
  .object({
    planId: z
      .uuid()
      .openapi({ description: "The plan whose drafts (of the caller's indicators) are submitted" }),
    period: z
      .string()
      .trim()
      .min(4)
      .max(10)
      .optional()
      .openapi({ example: '2025', description: 'Only the drafts of this period; omitted = every period' }),
  })
  .openapi('SubmitDrafts');

export const submitDraftsResultSchema = z
  .object({
    submitted: z.number().int(),
    items: z
      .array(bulkItemSchema)
      .openapi({ description: 'Each draft found, submitted or refused with why' }),
  })
  .openapi('SubmitDraftsResult');
