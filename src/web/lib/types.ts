/**
 * API shapes. Read-side shapes come straight from the server's zod schemas (type-only imports: nothing of the
 * server reaches the bundle). Back-office shapes follow the issue-5 contract until its schemas are importable.
 */
import type { z } from 'zod';
import type { VersionChange } from '../../domain/plan-diff.ts';
import type {
  indicatorEvaluationSchema,
  liveEvaluationSchema,
} from '../../server/modules/live-evaluation/live-evaluation.schemas.ts';
import type { sessionSchema } from '../../server/modules/auth/auth.schemas.ts';
import type {
  snapshotSchema,
  snapshotSummarySchema,
} from '../../server/modules/evaluation-cycles/evaluation-cycles.schemas.ts';
import type { projectDetailSchema, projectSchema } from '../../server/modules/projects/projects.schemas.ts';
import type {
  overdueListSchema,
  planProgressSchema,
  taskWorkSchema,
} from '../../server/modules/tasks/tasks.schemas.ts';
import type { assignmentSchema } from '../../server/modules/assignments/assignments.schemas.ts';
import type { departmentSchema } from '../../server/modules/departments/departments.schemas.ts';
import type { uploadReportSchema } from '../../server/modules/spreadsheets/spreadsheets.routes.ts';
import type { inboxItemSchema } from '../../server/modules/inbox/inbox.schemas.ts';
import type { planSeriesSchema } from '../../server/modules/series/series.schemas.ts';
import type { continuitySchema, lineageSchema } from '../../server/modules/continuity/continuity.schemas.ts';
import type { observationSchema } from '../../server/modules/observations/observations.schemas.ts';
import type {
  indicatorListSchema,
  indicatorSchema,
  planListSchema,
  planSummarySchema,
  TreeNodeDto,
} from '../../server/modules/plans/plans.schemas.ts';

export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanList = z.infer<typeof planListSchema>;
export type TreeNode = TreeNodeDto;
export interface PlanTree {
  plan: PlanSummary;
  nodes: TreeNode[];
}
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorList = z.infer<typeof indicatorListSchema>;
export type IndicatorEvaluation = z.infer<typeof indicatorEvaluationSchema>;
export type PlanEvaluation = z.infer<typeof liveEvaluationSchema>;
export type Verdict = IndicatorEvaluation['verdict'];
export type Method = IndicatorEvaluation['method'];

export type PlanSeries = z.infer<typeof planSeriesSchema>;

export type Role = SessionUser['role'];

export type Session = z.infer<typeof sessionSchema>;
export type SessionUser = Session['user'];

export type Observation = z.infer<typeof observationSchema>;
export type ObservationStatus = Observation['status'];

export type InboxItem = z.infer<typeof inboxItemSchema>;
export type InboxType = InboxItem['type'];

export type Department = z.infer<typeof departmentSchema>;
export type Assignment = z.infer<typeof assignmentSchema>;

export type Project = z.infer<typeof projectSchema>;
export type PlanProgress = z.infer<typeof planProgressSchema>;
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
export type UploadReport = z.infer<typeof uploadReportSchema>;
export type TaskWork = z.infer<typeof taskWorkSchema>;
export type TaskStatus = TaskWork['reports'][number]['status'];
export type OverdueMilestones = z.infer<typeof overdueListSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type IndicatorLineage = z.infer<typeof lineageSchema>;
export type PlanContinuity = z.infer<typeof continuitySchema>;

/** POST /api/plans/import (the server does not export this schema yet: keep in step with plans-import.routes.ts). */
/** What the importer asks the user to check before saving (docs/plan-format.md, “Import report”). */
export interface ImportReport {
  script: 'simplified' | 'traditional';
  contentsSkipped: { source: string; entries: number } | null;
  headings: { level: 'part' | 'chapter' | 'section'; count: number; gaps: string[] }[];
  tablesNotUnderstood: { table: number | null; caption: string; problem: string; source: string }[];
  rowsWithoutTarget: { table: number; name: string; source: string }[];
  targetsWithoutYear: { text: string; source: string }[];
  headingLike: { text: string; source: string }[];
}

export interface PlanImportResult {
  report: ImportReport;
  saved: boolean;
  planId: string | null;
  version: number | null;
  title: string;
  periodStart: number;
  periodEnd: number;
  counts: {
    parts: number;
    chapters: number;
    sections: number;
    tasks: number;
    boxes: number;
    figures: number;
    tableIndicators: number;
    proseTargets: number;
  };
  tree: { number: string | null; title: string; children: { number: string | null; title: string }[] }[];
  indicators: { code: string; name: string; baseline: string | null; target: string | null; kind: string }[];
  changes: string[];
  versionDiff: PlanVersionDiff;
}

export type { IndicatorField, VersionChange } from '../../domain/plan-diff.ts';

/** What publishing a version carries over (keep in step with plan-versions.schemas.ts). */
export interface PlanVersionDiff {
  basePlanId: string | null;
  baseVersion: number | null;
  unchanged: boolean;
  changes: string[];
  changeList: VersionChange[];
  carried: Record<
    | 'indicators'
    | 'nodes'
    | 'assignments'
    | 'observations'
    | 'workPlans'
    | 'taskReports'
    | 'projectLinks'
    | 'comments'
    | 'supervision'
    | 'projects'
    | 'snapshots',
    number
  >;
  added: { type: string; code: string | null; name: string }[];
  removed: { type: string; code: string | null; name: string }[];
  orphaned: { type: string; code: string | null; name: string }[];
}
