export * from './types.ts';
export {
  evaluateIndicator,
  DEFAULT_DELTA,
  DEFAULT_ABOUT_SHARE,
  DEFAULT_RELATIONAL_TOLERANCE,
} from './evaluate.ts';
export { evaluatePlan, summarize, emptyCounts } from './summary.ts';
export type { EvaluationSummary, PlanEvaluation, VerdictCounts } from './summary.ts';
export { verdictLabel, verdictRank, verdictTone } from './verdict.ts';
export { parseCompletion, parseRelation, resolveRelativeTarget } from './text.ts';
export { rollUp, taskTreeFromPlan, taskStatusLabel, TASK_STATUSES } from './tasks.ts';
export type {
  TaskStatus,
  TaskReport,
  TaskNodeInput,
  RolledUpNode,
  RollUpOptions,
  StatusCounts,
} from './tasks.ts';
export {
  selectPlan,
  datasetObservations,
  csvObservations,
  matchIndicator,
  parseCsv,
  mergeObservations,
} from './dataset-input.ts';
export { inferRelatedCode } from './summary.ts';
export { twoPartJudgement, SCHEDULE_STATES, TREND_OUTLOOKS, DISAGREEMENTS } from './judgement.ts';
export type { TwoPartJudgement, ScheduleState, TrendOutlook, Disagreement } from './judgement.ts';
export type { JudgementCounts } from './summary.ts';
export type { GrowthView } from './growth-view.ts';
