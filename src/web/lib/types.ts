/**
 * API shapes. Read-side shapes come straight from the server's zod schemas (type-only imports: nothing of the
 * server reaches the bundle). Back-office shapes follow the issue-5 contract until its schemas are importable.
 */
import type { z } from 'zod';
import type {
  indicatorEvaluationSchema,
  liveEvaluationSchema,
} from '../../server/modules/evaluations/evaluations.schemas.ts';
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

export const VERDICT_ORDER: readonly Verdict[] = [
  'achieved',
  'ahead',
  'on_track',
  'acceleration_needed',
  'limited_progress',
  'lagging',
  'deterioration',
  'not_achieved',
  'no_data',
  'not_assessable',
];

/** Verdicts that call for attention (滞后 and its trend-method cousins). */
export const BEHIND: ReadonlySet<Verdict> = new Set<Verdict>([
  'lagging',
  'acceleration_needed',
  'limited_progress',
  'deterioration',
  'not_achieved',
]);

export type Role = 'admin' | 'department' | 'assessor';

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  displayName: string | null;
  departments: { id: string; code: string; name: string }[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface Observation {
  id: string;
  indicatorId: string;
  period: string;
  year: number;
  value: number | null;
  text: string | null;
  status: ObservationStatus;
  version: number;
  note: string | null;
  reason?: string | null;
  returnReason?: string | null;
  createdAt?: string;
  updatedAt?: string;
  submittedAt?: string | null;
  approvedAt?: string | null;
  approvedBy?: string | { id?: string; email?: string; displayName?: string | null } | null;
  approvedByName?: string | null;
  createdBy?: string | { id?: string; email?: string; displayName?: string | null } | null;
  warnings?: unknown[];
}

export type InboxType = 'fill' | 'submit' | 'approve' | 'returned';

export interface InboxItem {
  type: InboxType;
  indicatorId: string;
  code: string;
  name: string;
  period: string;
  due: string | null;
  overdue: boolean;
  observationId?: string | null;
  value?: number | null;
  reason?: string | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  nameEn?: string | null;
}
