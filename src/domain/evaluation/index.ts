export * from './types.ts';
export { evaluateIndicator, DEFAULT_DELTA, DEFAULT_ABOUT_SHARE, DEFAULT_RELATIONAL_TOLERANCE } from './evaluate.ts';
export { evaluatePlan, summarize, emptyCounts } from './summary.ts';
export type { EvaluationSummary, PlanEvaluation, VerdictCounts } from './summary.ts';
export { verdictLabel, verdictRank, verdictTone } from './verdict.ts';
export { parseCompletion, parseRelation, resolveRelativeTarget } from './text.ts';
