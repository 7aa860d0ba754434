import type { IndicatorSpec } from '../domain/indicator.ts';

/**
 * An indicator's baseline and target as the plan writes them (the text, say "≥ 50%", not the parsed number), each
 * with its year: how the public API and the plan lineage show them.
 */
export function writtenGoals(i: Pick<IndicatorSpec, 'baselineYear' | 'baseline' | 'targetYear' | 'target'>) {
  return {
    baselineYear: i.baselineYear,
    baseline: i.baseline?.raw ?? null,
    targetYear: i.targetYear,
    target: i.target?.raw ?? null,
  };
}
