/**
 * Targets on a yearly rate (issue 15 §3): 年均增长7%以上, a ceiling on a rate such as 城镇调查失业率<5.5, and
 * 与GDP增长同步. Evaluation reports judge them on the period so far — the average over the years reported,
 * with the latest year shown — not on one bad year alone; and a growth floor beaten by a margin is 快于预期,
 * never 提前实现, because it must hold every year.
 */
import type { IndicatorSpec } from '../indicator.ts';
import type { EvaluationOptions } from './types.ts';

/**
 * average (default): judged on the average of the years reported so far; latest: the latest year alone
 * (ceilings, relational) or the time-progress path of the chained index (年均增长).
 */
export const ANNUAL_RATE_RULES = ['average', 'latest'] as const;
export type AnnualRateRule = (typeof ANNUAL_RATE_RULES)[number];

/** A yearly rate by its name: growth (增长, 增速, 涨幅) or an unemployment rate (失业率), in %. */
const RATE_NAME = /增长|增速|涨幅|失业率/;

/**
 * Whether the indicator's target is on a yearly rate and the average rule applies: a 年均增长 target read
 * from annual rates, a relational target (compared year by year), or a ceiling on a rate named as one
 * (失业率 ≤ 2). Levels (能耗 ≤ 0.035) and shares are not yearly rates.
 */
export function isAnnualRate(spec: IndicatorSpec, basis: 'rates' | 'levels' | null): boolean {
  switch (spec.kind) {
    case 'cagr':
      return basis === 'rates';
    case 'relational':
      return true;
    case 'ceiling':
      return spec.unit?.includes('%') === true && RATE_NAME.test(spec.name);
    case 'level':
    case 'share':
    case 'cumulative':
    case 'reduction':
    case 'floor':
    case 'maintain':
    case 'about':
    case 'range':
    case 'assigned':
      return false;
  }
}

export function annualRateRule(options: EvaluationOptions): AnnualRateRule {
  return options.annualRates ?? 'average';
}

/** Arithmetic mean of yearly values (rates such as 失业率 are averaged as printed). */
export function averageOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
