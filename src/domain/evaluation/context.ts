/**
 * Preparation of an evaluation's inputs: the period, direction and tolerance read from the spec and options,
 * the observations settled to one point per year, and the baseline and target every kind family starts from.
 */
import type { IndicatorSpec } from '../indicator.ts';
import type { Quantity } from '../quantity.ts';
import { buildCondition, sign } from './condition.ts';
import type { Condition } from './condition.ts';
import { newNotes } from './explain.ts';
import { toleranceIsDelta } from './kinds.ts';
import { hasKind, NO_POINTS, pointAt, pointsOf } from './observations.ts';
import type { NumericPoint, Point } from './observations.ts';
import { fmt } from './stats.ts';
import { isRelativeTarget, resolveRelativeTarget } from './text.ts';
import type { Bilingual, EvaluationObservation, EvaluationOptions, Method } from './types.ts';

export const DEFAULT_DELTA = 0.05;
export const DEFAULT_ABOUT_SHARE = 0.1;
export const DEFAULT_RELATIONAL_TOLERANCE = 0.5;

export interface Ctx {
  spec: IndicatorSpec;
  method: Method;
  year: number;
  /** min(year, targetYear). */
  evalYear: number;
  final: boolean;
  y0: number | null;
  yT: number | null;
  dir: 1 | -1 | 0;
  delta: number;
  aboutShare: number;
  /** Build explanation sentences (false for verdict-only mass evaluation). */
  explain: boolean;
  options: EvaluationOptions;
  actual: readonly Point[];
  assigned: readonly Point[];
  notes: Bilingual[];
  /** zh/en name with unit for sentences. */
  unit: string | null;
  /** The target is stated relative to the baseline (翻一番, 再提高4个百分点) or has no number. */
  relative: boolean;
}

// Whether a target's wording is relative depends on the target alone: read it once per target object, not once
// per region and year judged against it.
const relativeWording = new WeakMap<Quantity, boolean>();
function isRelative(q: Quantity): boolean {
  let r = relativeWording.get(q);
  if (r === undefined) {
    r = isRelativeTarget(q.raw);
    relativeWording.set(q, r);
  }
  return r;
}

export function note(ctx: Ctx, zh: string, en: string): void {
  ctx.notes.push({ zh, en });
}

/** The context every kind family judges from; the direction defaults by kind when the spec gives none. */
export function prepare(
  spec: IndicatorSpec,
  observations: readonly EvaluationObservation[],
  year: number,
  method: Method,
  options: EvaluationOptions,
): Ctx {
  const notes = newNotes();
  const yT = spec.targetYear ?? options.periodEnd ?? null;
  const y0 = spec.baselineYear ?? (options.periodStart != null ? options.periodStart - 1 : null);
  const evalYear = yT !== null ? Math.min(year, yT) : year;
  const delta = (toleranceIsDelta(spec.kind) ? spec.tolerance : null) ?? options.delta ?? DEFAULT_DELTA;
  const dir0 = sign(spec.direction);
  const ctx: Ctx = {
    spec,
    method,
    year,
    evalYear,
    final: yT !== null && year >= yT,
    y0,
    yT,
    dir: dir0,
    delta,
    aboutShare: options.aboutTolerance ?? DEFAULT_ABOUT_SHARE,
    explain: options.explain !== false,
    options,
    actual: pointsOf(observations, 'actual', notes, evalYear),
    // Assigned values (下达值) are rare: most series have none, and are not read twice for them.
    assigned: hasKind(observations, 'assigned')
      ? pointsOf(observations, 'assigned', notes, evalYear)
      : NO_POINTS,
    relative: spec.target !== null && (spec.target.value === null || isRelative(spec.target)),
    notes,
    unit: spec.unit,
  };
  if (ctx.dir === 0) {
    switch (spec.kind) {
      case 'level':
      case 'share':
      case 'maintain':
        break; // level/share: from the target against the baseline; maintain: a two-sided band
      case 'ceiling':
        ctx.dir = -1;
        break;
      case 'floor':
      case 'about':
      case 'range':
      case 'cagr':
      case 'cumulative':
      case 'reduction':
      case 'assigned':
      case 'relational':
        ctx.dir = 1;
        note(
          ctx,
          '指标未标明方向，按“越大越好”理解（超过目标视为超额完成）',
          'no direction given: read as “higher is better” (above the target counts as exceeded)',
        );
        break;
    }
  }
  return ctx;
}

/**
 * Points inside the period (after the baseline year) up to the evaluation year: the points after the first
 * one past y0 (they ascend), the same list when all are.
 */
export function inPeriod<P extends { readonly year: number }>(ctx: Ctx, points: readonly P[]): readonly P[] {
  const y0 = ctx.y0;
  if (y0 === null) return points;
  let i = 0;
  while (i < points.length && (points[i] as P).year <= y0) i++;
  return i === 0 ? points : points.slice(i);
}

/** The latest point with a number, or null. */
export function latestNumber(points: readonly Point[]): NumericPoint | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i] as Point;
    if (p.value !== null) return p as NumericPoint;
  }
  return null;
}

/** The latest point without a number whose text is not blank: what is judged when no point has a number. */
export function latestText(points: readonly Point[]): Point | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i] as Point;
    if (p.value === null && p.text !== null && p.text.trim() !== '') return p;
  }
  return null;
}

export function targetCondition(
  ctx: Ctx,
  kind: IndicatorSpec['kind'],
  targetValue: number | null,
): Condition | null {
  const q = ctx.spec.target;
  if (q === null) return null;
  const eff =
    targetValue !== null && ctx.relative
      ? {
          ...q,
          value: targetValue,
          low: targetValue,
          high: targetValue,
          comparator: q.comparator === 'text' ? ('gte' as const) : q.comparator,
        }
      : q;
  if (eff !== q) return buildCondition(kind, eff, ctx.dir, conditionOptions(ctx));
  // The target's own condition: the same for every region and year judged with the same settings, so it is
  // built once (conditions are never changed once built).
  const tolerance = ctx.spec.tolerance;
  const m = conditions.get(q);
  if (
    m !== undefined &&
    m.kind === kind &&
    m.dir === ctx.dir &&
    m.delta === ctx.delta &&
    m.tolerance === tolerance &&
    m.aboutShare === ctx.aboutShare
  )
    return m.cond;
  const cond = buildCondition(kind, q, ctx.dir, conditionOptions(ctx));
  conditions.set(q, { kind, dir: ctx.dir, delta: ctx.delta, tolerance, aboutShare: ctx.aboutShare, cond });
  return cond;
}

function conditionOptions(ctx: Ctx): { delta: number; tolerance: number | null; aboutShare: number } {
  return { delta: ctx.delta, tolerance: ctx.spec.tolerance, aboutShare: ctx.aboutShare };
}

/** The condition last built from a target, with the settings it was built with. */
interface ConditionMemo {
  kind: IndicatorSpec['kind'];
  dir: 1 | -1 | 0;
  delta: number;
  tolerance: number | null;
  aboutShare: number;
  cond: Condition | null;
}
const conditions = new WeakMap<Quantity, ConditionMemo>();

export interface Baseline {
  value: number;
  year: number;
  source: 'plan' | 'observation' | 'first_observation';
}

export function findBaseline(ctx: Ctx, nums: readonly { year: number; value: number }[]): Baseline | null {
  const b = ctx.spec.baseline;
  if (b !== null && b.value !== null && b.comparator !== 'text' && ctx.y0 !== null)
    return { value: b.value, year: ctx.y0, source: 'plan' };
  if (ctx.y0 !== null) {
    const at = pointAt(nums, ctx.y0);
    if (at !== undefined) return { value: at.value, year: at.year, source: 'observation' };
  }
  const first = nums[0];
  if (first !== undefined) return { value: first.value, year: first.year, source: 'first_observation' };
  return null;
}

export function resolveTarget(ctx: Ctx, baseline: number | null): number | null {
  const q = ctx.spec.target;
  if (q === null) return null;
  if (ctx.relative) {
    if (baseline === null) return null;
    const r = resolveRelativeTarget(q.raw, baseline);
    if (r !== null) {
      note(
        ctx,
        `目标“${q.raw}”按基期值${fmt(baseline)}换算为${fmt(r)}`,
        `target “${q.raw}” resolved from the baseline ${fmt(baseline)} to ${fmt(r)}`,
      );
      return r;
    }
    return q.value;
  }
  return q.value ?? q.low ?? q.high;
}
