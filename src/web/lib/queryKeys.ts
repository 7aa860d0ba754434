import type { IndicatorScope } from '../../domain/indicator.ts';
import type { Method } from './types.ts';

export type Scope = IndicatorScope;

/**
 * Every TanStack Query key of the workspace, in one place, so a write can name exactly what it changed.
 * Read models of a plan live under ['plan', planId, …]; back-office lists under ['bo', …].
 */
export const qk = {
  plans: () => ['plans'] as const,
  plan: (planId: string | null) => ['plan', planId] as const,
  tree: (planId: string | null) => ['plan', planId, 'tree'] as const,
  indicators: (planId: string | null) => ['plan', planId, 'indicators'] as const,
  /** Prefix of every evaluation of a plan (all years, methods, scopes). */
  evaluations: (planId: string | null) => ['plan', planId, 'evaluation'] as const,
  evaluation: (planId: string | null, year: number, method: Method, scope: Scope) =>
    ['plan', planId, 'evaluation', year, method, scope] as const,
  /** Prefix of every series of a plan. */
  seriesAll: (planId: string | null) => ['plan', planId, 'series'] as const,
  series: (planId: string | null, to: number, method: Method, scope: Scope) =>
    ['plan', planId, 'series', to, method, scope] as const,
  progressAll: (planId: string | null) => ['plan', planId, 'progress'] as const,
  progress: (planId: string | null, year: number | null) => ['plan', planId, 'progress', year] as const,
  projects: (planId: string | null) => ['plan', planId, 'projects'] as const,
  project: (id: string | null) => ['project', id] as const,
  search: (q: string, planId: string | null) => ['search', planId, q] as const,

  inbox: () => ['bo', 'inbox'] as const,
  observationsAll: () => ['bo', 'observations'] as const,
  /** Every version of one indicator's values. */
  observations: (indicatorId: string) => ['bo', 'observations', indicatorId] as const,
  /** Prefix of every value list of a plan. */
  planObservationsAll: (planId: string | null) => ['bo', 'plan-observations', planId] as const,
  planObservations: (planId: string | null, mine: boolean) =>
    ['bo', 'plan-observations', planId, mine] as const,
  assignments: (planId: string | null) => ['bo', 'assignments', planId] as const,
  departments: () => ['bo', 'departments'] as const,
  departmentNames: () => ['departmentNames'] as const,
  users: () => ['bo', 'users'] as const,
  task: (nodeId: string) => ['bo', 'task', nodeId] as const,
  tasksAll: () => ['bo', 'task'] as const,
  overdueMilestones: () => ['bo', 'milestones', 'overdue'] as const,
  snapshots: (planId: string) => ['bo', 'snapshots', planId] as const,
  snapshot: (id: string | null | undefined) => ['bo', 'snapshot', id] as const,
  audit: (filter: Record<string, string | undefined>) => ['bo', 'audit', filter] as const,
};
