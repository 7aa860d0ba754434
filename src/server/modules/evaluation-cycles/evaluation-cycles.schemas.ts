import { z } from '@hono/zod-openapi';
import { METHODS } from '../../../domain/evaluation/index.ts';
import { INDICATOR_SCOPES } from '../../../domain/indicator.ts';
import { liveEvaluationSchema } from '../live-evaluation/live-evaluation.schemas.ts';
import { frozenReportDataSchema } from '../reports/reports.schemas.ts';
import { planProgressSchema } from '../tasks/tasks.schemas.ts';
import { calendarYear, idParams } from '../../openapi-helpers.ts';

export const SNAPSHOT_KINDS = ['annual', 'midterm', 'final'] as const;
export const ASSESSMENT_SOURCES = ['self', 'third_party'] as const;

export const snapshotIdParams = idParams;

export const newSnapshotSchema = z
  .object({
    planId: z.uuid(),
    year: calendarYear,
    method: z.enum(METHODS).default('time'),
    kind: z.enum(SNAPSHOT_KINDS),
    scope: z.enum(INDICATOR_SCOPES).default('table'),
  })
  .openapi('NewEvaluationSnapshot');

export const snapshotSummarySchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    year: z.number().int(),
    method: z.enum(METHODS),
    kind: z.enum(SNAPSHOT_KINDS),
    engineVersion: z.string(),
    createdByEmail: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('EvaluationSnapshotSummary');

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(ASSESSMENT_SOURCES),
    indicatorId: z.uuid().nullable(),
    indicatorCode: z.string().nullable(),
    nodeId: z.uuid().nullable(),
    nodeTitle: z.string().nullable(),
    score: z.number().nullable(),
    verdict: z.string(),
    comment: z.string().nullable(),
    byEmail: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Assessment');

export const snapshotSchema = snapshotSummarySchema
  .extend({
    result: z.object({
      evaluation: liveEvaluationSchema,
      tasks: planProgressSchema,
      scope: z.enum(INDICATOR_SCOPES),
      frozenAt: z.string(),
      report: frozenReportDataSchema.optional(),
    }),
    assessments: z.array(assessmentSchema),
  })
  .openapi('EvaluationSnapshot');

export const snapshotListQuery = z.object({ planId: z.uuid().optional() });

export const newAssessmentSchema = z
  .object({
    indicatorId: z.uuid().optional(),
    nodeId: z.uuid().optional(),
    score: z.number().min(0).max(100).nullable().optional(),
    verdict: z.string().trim().min(1).max(100).openapi({ example: '基本符合预期' }),
    comment: z.string().trim().max(8000).nullable().optional(),
  })
  .refine(
    (a) => (a.indicatorId === undefined) !== (a.nodeId === undefined),
    'Give exactly one of indicatorId and nodeId',
  )
  .openapi('NewAssessment');
