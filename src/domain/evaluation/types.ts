import type { Attribute, Direction, IndicatorSpec, TargetKind } from '../indicator.ts';
import type { ObservationPoint } from '../observation.ts';
import type { GrowthView } from './growth-view.ts';
import type { TwoPartJudgement } from './judgement.ts';

/** time = 时间过半、任务过半 (default); trend = the Open SDG / UN ESCAP CAGR-ratio progress measure. */
export const METHODS = ['time', 'trend'] as const;
export type Method = (typeof METHODS)[number];

/**
 * Every verdict either method can give. Time-progress uses achieved/ahead/on_track/lagging/not_achieved;
 * trend uses achieved/on_track/acceleration_needed/limited_progress/deterioration; both use no_data/not_assessable.
 */
export const VERDICTS = [
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
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * An observation as the engine reads it. `revision` (higher wins) settles revised values for the same year
 * without depending on input order; `span` > 1 says a growth rate is the average over the `span` years ending
 * in `year` (e.g. a plan's "2020年完成值" for a 年均增速 indicator covers the whole period).
 */
export interface EvaluationObservation extends ObservationPoint {
  revision?: number;
  span?: number;
}

export interface EvaluationOptions {
  /** δ of the time-progress verdicts (share of the way, 0.05 = 5 points); the indicator's tolerance overrides it for path kinds. */
  delta?: number;
  /** Half-width of an "about" (左右) band as a share of the target when the indicator has no tolerance; default 0.1. */
  aboutTolerance?: number;
  /** Half-width (in the indicator's unit, e.g. percentage points) of "同步" for relational targets; default 0.5. */
  relationalTolerance?: number;
  /** First and last year of the plan period: fill a missing baseline year (start − 1) and target year (end). */
  periodStart?: number | null;
  periodEnd?: number | null;
  /** Observations of the indicator a relational target compares against (its relatedCode). */
  related?: readonly EvaluationObservation[] | null;
  /** Name of the related indicator, for explanations. */
  relatedName?: string | null;
  /**
   * For cagr indicators: are observations annual growth rates (in %) or levels? Default: rates when the unit
   * contains "%", levels otherwise.
   */
  cagrBasis?: 'rates' | 'levels';
  /**
   * Targets on a yearly rate (年均增长 read from annual rates, a ceiling on a rate such as 失业率 < 5.5,
   * 与GDP增长同步) during the period: 'average' (default) judges the average of the years reported so far, the
   * latest year shown, and a margin beyond δ is 快于预期 (never 提前实现: it must hold every year); 'latest'
   * judges the latest year alone (ceilings, relational) or the chained index's time progress (年均增长).
   */
  annualRates?: 'average' | 'latest';
  /** false = verdicts and numbers only, no sentences (dashboards over many regions); default true. */
  explain?: boolean;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Projection {
  /** The value expected at the target year if the average annual change observed so far continues. */
  linear: number | null;
  /** The value expected at the target year if the observed compound annual growth continues. */
  cagr: number | null;
  /** Whether each projection meets the target (null when unknown). */
  linearMeets: boolean | null;
  cagrMeets: boolean | null;
}

export interface RequiredRate {
  /** Average change per year still needed, in the indicator's unit (null where it means nothing). */
  absolute: number | null;
  /** Average growth per year still needed, in % (null where it means nothing). */
  relative: number | null;
  /** Years left until the target year. */
  years: number;
}

export interface Probability {
  /** P(target met at the target year), 0..1. */
  value: number;
  /** Number of annual changes the spread was estimated from. */
  basis: number;
  /** Mean and standard deviation of the annual change, in the model's measure. */
  mean: number;
  sd: number;
}

/** What a condition-type verdict compared, for explanations and the UI. */
export interface Comparison {
  /** Human-readable statement of the rule applied, e.g. "≤ 2", "7 ± 0.7", "≥ GDP growth − 0.5". */
  rule: Bilingual;
  met: boolean | null;
}

export interface IndicatorEvaluation {
  code: string;
  name: string;
  unit: string | null;
  kind: TargetKind;
  attribute: Attribute;
  direction: Direction;
  method: Method;
  verdict: Verdict;
  /** The year asked about and the year of the data actually used (≤ year). */
  year: number;
  dataYear: number | null;
  baseline: number | null;
  baselineYear: number | null;
  /** How the baseline was found. */
  baselineSource: 'plan' | 'observation' | 'first_observation' | 'none';
  /** The target as a number (resolved when the plan states it relative to the baseline); null for text targets. */
  target: number | null;
  targetRaw: string | null;
  targetYear: number | null;
  /** The value on the expected path in dataYear (time-progress), in the indicator's unit. */
  expected: number | null;
  /** The value judged: latest actual (for cagr: average annual growth so far; for cumulative: the sum so far). */
  actual: number | null;
  actualText: string | null;
  /** Progress share p (0 = baseline, 1 = target), when the kind has a path. */
  progress: number | null;
  /** Elapsed share f of the period at dataYear. */
  elapsed: number | null;
  /** Trend method: the ratio R of observed to required growth (or observed growth without a target). */
  ratio: number | null;
  comparison: Comparison | null;
  projection: Projection | null;
  requiredRate: RequiredRate | null;
  probability: Probability | null;
  /**
   * Both parts of the judgement evaluation reports make: time progress ("where the schedule says it should
   * be") and the trend's outlook at the target year, with their disagreement flagged.
   */
  judgement: TwoPartJudgement | null;
  /** Growth targets read from annual rates: each year's rate, the latest, and the 两年平均增长; null otherwise. */
  growth: GrowthView | null;
  /**
   * The final year judged before its figure is reported: the verdict is the progress the latest figure
   * (dataYear) shows, as the year before's evaluation gives it, not achieved / not achieved. Null otherwise.
   */
  unreportedYear: number | null;
  /** One sentence with the numbers. */
  explanation: Bilingual;
  /** Caveats worth showing (missing years, averaged rates, rebased baseline, revisions…). */
  notes: Bilingual[];
}

export interface PlanEvaluationInput {
  indicators: readonly IndicatorSpec[];
  /** Observations keyed by indicator code. */
  observations: ReadonlyMap<string, readonly EvaluationObservation[]>;
  year: number;
  method?: Method;
  options?: Omit<EvaluationOptions, 'related' | 'relatedName'>;
}
