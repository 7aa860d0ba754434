/**
 * Where the trend leads: trend verdicts (Open SDG / UN ESCAP thresholds), the probability of reaching the
 * target, projections to the target year and the yearly increments they are estimated from.
 */
import type { Condition } from './condition.ts';
import { testCondition } from './condition.ts';
import { gte, lte, mean, normalCdf, round, sampleSd } from './stats.ts';
import { probability, projection } from './result-parts.ts';
import type { Probability, Projection, Verdict } from './types.ts';

// Open SDG / UN ESCAP thresholds (see docs/evaluation-method.md).
export const TREND_RATIO_ON_TRACK = 0.95;
export const TREND_RATIO_ACCELERATE = 0.6;
export const TREND_GROWTH_ON_TRACK = 0.015;
export const TREND_GROWTH_ACCELERATE = 0.005;

export function trendFromRatio(R: number): Verdict {
  if (gte(R, TREND_RATIO_ON_TRACK)) return 'on_track';
  if (gte(R, TREND_RATIO_ACCELERATE)) return 'acceleration_needed';
  if (gte(R, 0)) return 'limited_progress';
  return 'deterioration';
}

export function trendFromGrowth(g: number): Verdict {
  if (gte(g, TREND_GROWTH_ON_TRACK)) return 'on_track';
  if (gte(g, TREND_GROWTH_ACCELERATE)) return 'acceleration_needed';
  if (gte(g, 0)) return 'limited_progress';
  return 'deterioration';
}

/**
 * P(the measure reaches mT at the target year) when each future year's increment is N(μ, σ²) with μ, σ
 * estimated from the k observed increments: the end value is normal with mean m + nμ and variance
 * nσ² + n²σ²/k (the second term is the uncertainty of μ itself).
 */
export function probabilityOf<A>(
  increments: readonly number[],
  m: number,
  years: number,
  /** P(target met) for an end value ~ N(end, sd²); `arg` is the target (a level or a condition). */
  test: (end: number, sd: number, arg: A) => number,
  arg: A,
): Probability | null {
  if (increments.length < 2 || years <= 0) return null;
  const mu = mean(increments);
  const sd = sampleSd(increments);
  const k = increments.length;
  const spread = sd * Math.sqrt(years + (years * years) / k);
  const p = test(m + years * mu, spread, arg);
  return probability(round(p), k, round(mu, 6), round(sd, 6));
}

/** P(X ≥ t) / P(X ≤ t) for X ~ N(centre, spread²); a point mass when spread is 0. */
export function pAbove(centre: number, spread: number, t: number): number {
  if (spread === 0 || !Number.isFinite(spread)) return gte(centre, t) ? 1 : 0;
  return 1 - normalCdf((t - centre) / spread);
}
export function pBelow(centre: number, spread: number, t: number): number {
  if (spread === 0 || !Number.isFinite(spread)) return lte(centre, t) ? 1 : 0;
  return normalCdf((t - centre) / spread);
}

export function conditionProbability(
  cond: Condition,
  increments: readonly number[],
  value: number,
  years: number,
): Probability | null {
  return probabilityOf(increments, value, years, pCondition, cond);
}

/** P(the condition holds) for X ~ N(c, s²). */
function pCondition(c: number, s: number, cond: Condition): number {
  if (cond.lo !== null && cond.hi !== null)
    return Math.max(0, pBelow(c, s, cond.hi) - (1 - pAbove(c, s, cond.lo)));
  if (cond.lo !== null) return pAbove(c, s, cond.lo);
  if (cond.hi !== null) return pBelow(c, s, cond.hi);
  return NaN;
}

/**
 * Average change per year between consecutive numeric points. A gap of g years gives one sample (its average
 * step), not g identical ones — copies would fake a zero spread.
 */
export function yearlyIncrements(points: readonly { year: number; value: number }[]): number[] {
  let n = 0;
  for (let i = 1; i < points.length; i++)
    if ((points[i] as { year: number }).year > (points[i - 1] as { year: number }).year) n++;
  // Sized once (a handful of years; growing from empty reserves room for sixteen).
  const out = new Array<number>(n);
  let k = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { year: number; value: number };
    const b = points[i] as { year: number; value: number };
    const gap = b.year - a.year;
    if (gap <= 0) continue;
    out[k++] = (b.value - a.value) / gap;
  }
  return out;
}

/**
 * The yearly increments (as yearlyIncrements gives them) of the points with lo ≤ year ≤ hi, read in place:
 * after a start value at lo (a plan's baseline) when one is given and no point is at lo. Points ascend, one a
 * year, so the ones in range are consecutive.
 */
export function incrementsBetween(
  points: readonly { year: number; value: number }[],
  lo: number,
  hi: number,
  start: number | null,
): number[] {
  let i = 0;
  while (i < points.length && (points[i] as { year: number }).year < lo) i++;
  let end = i;
  while (end < points.length && (points[end] as { year: number }).year <= hi) end++;
  const withStart = start !== null && (i === end || (points[i] as { year: number }).year !== lo);
  const len = end - i + (withStart ? 1 : 0);
  const out = new Array<number>(len > 1 ? len - 1 : 0);
  if (len < 2) return out;
  let prevYear = withStart ? lo : (points[i] as { year: number }).year;
  let prevValue = withStart ? start : (points[i] as { value: number }).value;
  let k = 0;
  for (let j = withStart ? i : i + 1; j < end; j++) {
    const p = points[j] as { year: number; value: number };
    out[k++] = (p.value - prevValue) / (p.year - prevYear);
    prevYear = p.year;
    prevValue = p.value;
  }
  return out;
}

export function projectValues(
  first: { year: number; value: number } | null,
  last: { year: number; value: number },
  yT: number | null,
  cond: Condition | null,
): Projection | null {
  if (first === null || yT === null || last.year <= first.year) return null;
  const n = yT - last.year;
  const span = last.year - first.year;
  const linear = last.value + (n * (last.value - first.value)) / span;
  const cagr =
    first.value > 0 && last.value > 0 ? last.value * (last.value / first.value) ** (n / span) : null;
  return projection(
    round(linear),
    cagr === null ? null : round(cagr),
    cond === null ? null : testCondition(cond, linear),
    cond === null || cagr === null ? null : testCondition(cond, cagr),
  );
}
