import type { Direction, TargetKind } from '../indicator.ts';
import type { Quantity } from '../quantity.ts';
import { fmt, gte, gtStrict, lte } from './stats.ts';
import type { Bilingual } from './types.ts';

/**
 * A target read as a test on one value: "≤ 2", "≥ 5", "7 ± 0.7", "30–32", "at least 100".
 * `comfortable` = satisfied with a margin of δ of the threshold (for early `achieved`).
 */
export interface Condition {
  test(v: number): boolean;
  comfortable(v: number): boolean;
  /** Lower and upper thresholds (null = unbounded) for probabilities and required changes. */
  lo: number | null;
  hi: number | null;
  loStrict: boolean;
  hiStrict: boolean;
  /** The rule in words (built on first call). */
  rule: () => Bilingual;
}

export function sign(direction: Direction): 1 | -1 | 0 {
  switch (direction) {
    case 'increase':
      return 1;
    case 'decrease':
      return -1;
    case 'none':
      return 0;
  }
}

type Lazy = () => Bilingual;
type Margin = ((v: number) => boolean) | null;

function atLeast(t: number, strict: boolean, delta: number, rule?: Lazy, margin?: Margin): Condition {
  let cached: Bilingual | null = null;
  return {
    test: (v) => (strict ? gtStrict(v, t) : gte(v, t)),
    comfortable: margin === undefined ? (v) => gte(v, t + delta * Math.abs(t)) : (margin ?? never),
    lo: t,
    hi: null,
    loStrict: strict,
    hiStrict: false,
    rule: () => (cached ??= rule !== undefined ? rule() : { zh: `${strict ? '>' : '≥'} ${fmt(t)}`, en: `${strict ? '>' : '≥'} ${fmt(t)}` }),
  };
}

function atMost(t: number, strict: boolean, delta: number, rule?: Lazy, margin?: Margin): Condition {
  let cached: Bilingual | null = null;
  return {
    test: (v) => (strict ? !gte(v, t) : lte(v, t)),
    comfortable: margin === undefined ? (v) => lte(v, t - delta * Math.abs(t)) : (margin ?? never),
    lo: null,
    hi: t,
    loStrict: false,
    hiStrict: strict,
    rule: () => (cached ??= rule !== undefined ? rule() : { zh: `${strict ? '<' : '≤'} ${fmt(t)}`, en: `${strict ? '<' : '≤'} ${fmt(t)}` }),
  };
}

const never = (): boolean => false;

function band(lo: number, hi: number, rule: Lazy): Condition {
  let cached: Bilingual | null = null;
  return {
    test: (v) => gte(v, lo) && lte(v, hi),
    comfortable: never,
    lo,
    hi,
    loStrict: false,
    hiStrict: false,
    rule: () => (cached ??= rule()),
  };
}

/** Half-width of a 左右 band: the indicator's tolerance (in its unit) or a share of the target. */
export function aboutHalfWidth(target: number, tolerance: number | null, aboutShare: number): number {
  return tolerance ?? Math.abs(target) * aboutShare;
}

/**
 * Build the test a target states. The kind fixes the meaning where it is explicit (ceiling ≤, floor ≥, about
 * band, range, maintain); otherwise the comparator decides, read in the indicator's direction.
 * Returns null for text targets.
 */
export function buildCondition(
  kind: TargetKind,
  q: Quantity,
  dir: 1 | -1 | 0,
  opts: { delta: number; tolerance: number | null; aboutShare: number },
): Condition | null {
  const { delta } = opts;
  const value = q.value ?? q.low ?? q.high;
  if (value === null) return null;
  const low = q.low ?? value;
  const high = q.high ?? value;
  switch (kind) {
    case 'ceiling':
      return atMost(q.comparator === 'range' ? high : value, q.comparator === 'lt', delta);
    case 'floor':
      return atLeast(q.comparator === 'range' ? low : value, q.comparator === 'gt', delta);
    case 'maintain': {
      if (dir > 0) return atLeast(value, false, delta, () => ({ zh: `保持不低于${fmt(value)}`, en: `stay at or above ${fmt(value)}` }), null);
      if (dir < 0) return atMost(value, false, delta, () => ({ zh: `保持不高于${fmt(value)}`, en: `stay at or below ${fmt(value)}` }), null);
      const h = opts.tolerance ?? 0;
      return band(value - h, value + h, () => ({ zh: `保持${fmt(value)}${h > 0 ? `（±${fmt(h)}）` : ''}`, en: `stay at ${fmt(value)}${h > 0 ? ` (±${fmt(h)})` : ''}` }));
    }
    case 'about':
      return aboutCondition(q, value, dir, opts);
    case 'range':
      return rangeCondition(low, high, dir, delta);
    case 'level':
    case 'share':
    case 'cagr':
    case 'cumulative':
    case 'reduction':
    case 'assigned':
    case 'relational':
      return fromComparator(q, value, low, high, dir, opts);
  }
}

function aboutCondition(
  q: Quantity,
  value: number,
  dir: 1 | -1 | 0,
  opts: { delta: number; tolerance: number | null; aboutShare: number },
): Condition {
  const h = aboutHalfWidth(value, opts.tolerance, opts.aboutShare);
  const how = (): Bilingual =>
    opts.tolerance !== null
      ? { zh: '指标容差', en: "the indicator's tolerance" }
      : { zh: `默认容差为目标值的${fmt(opts.aboutShare * 100)}%`, en: `default tolerance ${fmt(opts.aboutShare * 100)}% of the target` };
  const bandText = (): string => `${fmt(value)}±${fmt(h)}`;
  // 左右 targets are rates or shares to hit, not thresholds to clear: no early achievement by margin.
  if (dir > 0) {
    return atLeast(
      value - h,
      false,
      0,
      () => ({
        zh: `“${q.raw}”即不低于${fmt(value - h)}（${bandText()}，${how().zh}；超过上限视为超额完成）`,
        en: `“${q.raw}” read as at least ${fmt(value - h)} (${bandText()}, ${how().en}; above the band counts as exceeded)`,
      }),
      null,
    );
  }
  if (dir < 0) {
    return atMost(
      value + h,
      false,
      0,
      () => ({ zh: `“${q.raw}”即不高于${fmt(value + h)}（${bandText()}，${how().zh}）`, en: `“${q.raw}” read as at most ${fmt(value + h)} (${bandText()}, ${how().en})` }),
      null,
    );
  }
  return band(value - h, value + h, () => ({ zh: `“${q.raw}”即${bandText()}（${how().zh}）`, en: `“${q.raw}” read as ${bandText()} (${how().en})` }));
}

function rangeCondition(low: number, high: number, dir: 1 | -1 | 0, delta: number): Condition {
  const r = (): string => `${fmt(low)}–${fmt(high)}`;
  if (dir > 0) {
    return atLeast(
      low,
      false,
      delta,
      () => ({ zh: `区间${r()}，达到下限${fmt(low)}即完成`, en: `range ${r()}; reaching the lower bound ${fmt(low)} meets it` }),
      (v) => gte(v, high + delta * Math.abs(high)),
    );
  }
  if (dir < 0) {
    return atMost(
      high,
      false,
      delta,
      () => ({ zh: `区间${r()}，不高于上限${fmt(high)}即完成`, en: `range ${r()}; staying at or below the upper bound ${fmt(high)} meets it` }),
      (v) => lte(v, low - delta * Math.abs(low)),
    );
  }
  return band(low, high, () => ({ zh: `区间${r()}`, en: `range ${r()}` }));
}

function fromComparator(
  q: Quantity,
  value: number,
  low: number,
  high: number,
  dir: 1 | -1 | 0,
  opts: { delta: number; tolerance: number | null; aboutShare: number },
): Condition | null {
  switch (q.comparator) {
    case 'gte':
      return atLeast(value, false, opts.delta);
    case 'gt':
      return atLeast(value, true, opts.delta);
    case 'lte':
      return atMost(value, false, opts.delta);
    case 'lt':
      return atMost(value, true, opts.delta);
    case 'range':
      return rangeCondition(low, high, dir, opts.delta);
    case 'about':
      return aboutCondition(q, value, dir, opts);
    case 'eq':
    case 'none':
      if (dir < 0) return atMost(value, false, opts.delta);
      if (dir > 0) return atLeast(value, false, opts.delta);
      return band(value, value, () => ({ zh: `= ${fmt(value)}`, en: `= ${fmt(value)}` }));
    case 'text':
      return null;
  }
}
