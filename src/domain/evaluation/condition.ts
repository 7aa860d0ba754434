import type { Direction, TargetKind } from '../indicator.ts';
import type { Quantity } from '../quantity.ts';
import { fmt, gte, gtStrict, lte } from './stats.ts';
import type { Bilingual } from './types.ts';

/**
 * A target read as a test on one value: "≤ 2", "≥ 5", "7 ± 0.7", "30–32", "at least 100".
 * Plain data (no closures: building one is cheap, which matters when thousands of indicators are compiled);
 * use testCondition / isComfortable / ruleOf.
 */
export interface Condition {
  /** Lower and upper thresholds (null = unbounded). */
  lo: number | null;
  hi: number | null;
  loStrict: boolean;
  hiStrict: boolean;
  /** Satisfied with a margin (for early `achieved`): v ≥ comfortLo, or v ≤ comfortHi; both null = never. */
  comfortLo: number | null;
  comfortHi: number | null;
  /** What to say about the rule; rendered only when an explanation is wanted. */
  text: RuleText;
}

type RuleText =
  | { t: 'plain' }
  | { t: 'maintain'; value: number; h: number; side: 1 | -1 | 0 }
  | { t: 'about'; raw: string; value: number; h: number; side: 1 | -1 | 0; share: number | null }
  | { t: 'range'; low: number; high: number; side: 1 | -1 | 0 };

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

export function testCondition(c: Condition, v: number): boolean {
  if (c.lo !== null && !(c.loStrict ? gtStrict(v, c.lo) : gte(v, c.lo))) return false;
  if (c.hi !== null && !(c.hiStrict ? !gte(v, c.hi) : lte(v, c.hi))) return false;
  return true;
}

export function isComfortable(c: Condition, v: number): boolean {
  if (c.comfortLo !== null) return gte(v, c.comfortLo);
  if (c.comfortHi !== null) return lte(v, c.comfortHi);
  return false;
}

export function ruleOf(c: Condition): Bilingual {
  const r = c.text;
  switch (r.t) {
    case 'plain': {
      if (c.lo !== null && c.hi !== null)
        return c.lo === c.hi
          ? { zh: `= ${fmt(c.lo)}`, en: `= ${fmt(c.lo)}` }
          : { zh: `${fmt(c.lo)}–${fmt(c.hi)}`, en: `${fmt(c.lo)}–${fmt(c.hi)}` };
      if (c.lo !== null)
        return { zh: `${c.loStrict ? '>' : '≥'} ${fmt(c.lo)}`, en: `${c.loStrict ? '>' : '≥'} ${fmt(c.lo)}` };
      if (c.hi !== null)
        return { zh: `${c.hiStrict ? '<' : '≤'} ${fmt(c.hi)}`, en: `${c.hiStrict ? '<' : '≤'} ${fmt(c.hi)}` };
      return { zh: '', en: '' };
    }
    case 'maintain':
      if (r.side > 0) return { zh: `保持不低于${fmt(r.value)}`, en: `stay at or above ${fmt(r.value)}` };
      if (r.side < 0) return { zh: `保持不高于${fmt(r.value)}`, en: `stay at or below ${fmt(r.value)}` };
      return {
        zh: `保持${fmt(r.value)}${r.h > 0 ? `（±${fmt(r.h)}）` : ''}`,
        en: `stay at ${fmt(r.value)}${r.h > 0 ? ` (±${fmt(r.h)})` : ''}`,
      };
    case 'about': {
      const how =
        r.share === null
          ? { zh: '指标容差', en: "the indicator's tolerance" }
          : {
              zh: `默认容差为目标值的${fmt(r.share * 100)}%`,
              en: `default tolerance ${fmt(r.share * 100)}% of the target`,
            };
      const band = `${fmt(r.value)}±${fmt(r.h)}`;
      if (r.side > 0) {
        return {
          zh: `“${r.raw}”即不低于${fmt(r.value - r.h)}（${band}，${how.zh}；超过上限视为超额完成）`,
          en: `“${r.raw}” read as at least ${fmt(r.value - r.h)} (${band}, ${how.en}; above the band counts as exceeded)`,
        };
      }
      if (r.side < 0)
        return {
          zh: `“${r.raw}”即不高于${fmt(r.value + r.h)}（${band}，${how.zh}）`,
          en: `“${r.raw}” read as at most ${fmt(r.value + r.h)} (${band}, ${how.en})`,
        };
      return { zh: `“${r.raw}”即${band}（${how.zh}）`, en: `“${r.raw}” read as ${band} (${how.en})` };
    }
    case 'range': {
      const span = `${fmt(r.low)}–${fmt(r.high)}`;
      if (r.side > 0)
        return {
          zh: `区间${span}，达到下限${fmt(r.low)}即完成`,
          en: `range ${span}; reaching the lower bound ${fmt(r.low)} meets it`,
        };
      if (r.side < 0)
        return {
          zh: `区间${span}，不高于上限${fmt(r.high)}即完成`,
          en: `range ${span}; staying at or below the upper bound ${fmt(r.high)} meets it`,
        };
      return { zh: `区间${span}`, en: `range ${span}` };
    }
  }
}

const PLAIN: RuleText = { t: 'plain' };

function atLeast(
  t: number,
  strict: boolean,
  delta: number,
  text: RuleText = PLAIN,
  comfortLo: number | null = t + delta * Math.abs(t),
): Condition {
  return { lo: t, hi: null, loStrict: strict, hiStrict: false, comfortLo, comfortHi: null, text };
}

function atMost(
  t: number,
  strict: boolean,
  delta: number,
  text: RuleText = PLAIN,
  comfortHi: number | null = t - delta * Math.abs(t),
): Condition {
  return { lo: null, hi: t, loStrict: false, hiStrict: strict, comfortLo: null, comfortHi, text };
}

function band(lo: number, hi: number, text: RuleText): Condition {
  return { lo, hi, loStrict: false, hiStrict: false, comfortLo: null, comfortHi: null, text };
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
      if (dir > 0) return atLeast(value, false, delta, { t: 'maintain', value, h: 0, side: 1 }, null);
      if (dir < 0) return atMost(value, false, delta, { t: 'maintain', value, h: 0, side: -1 }, null);
      const h = opts.tolerance ?? 0;
      return band(value - h, value + h, { t: 'maintain', value, h, side: 0 });
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

/** 左右 targets are rates or shares to hit, not thresholds to clear: no early achievement by margin. */
function aboutCondition(
  q: Quantity,
  value: number,
  dir: 1 | -1 | 0,
  opts: { delta: number; tolerance: number | null; aboutShare: number },
): Condition {
  const h = aboutHalfWidth(value, opts.tolerance, opts.aboutShare);
  const text: RuleText = {
    t: 'about',
    raw: q.raw,
    value,
    h,
    side: dir,
    share: opts.tolerance !== null ? null : opts.aboutShare,
  };
  if (dir > 0) return atLeast(value - h, false, 0, text, null);
  if (dir < 0) return atMost(value + h, false, 0, text, null);
  return band(value - h, value + h, text);
}

function rangeCondition(low: number, high: number, dir: 1 | -1 | 0, delta: number): Condition {
  if (dir > 0)
    return atLeast(low, false, delta, { t: 'range', low, high, side: 1 }, high + delta * Math.abs(high));
  if (dir < 0)
    return atMost(high, false, delta, { t: 'range', low, high, side: -1 }, low - delta * Math.abs(low));
  return band(low, high, { t: 'range', low, high, side: 0 });
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
      return band(value, value, PLAIN);
    case 'text':
      return null;
  }
}
