/**
 * Verdicts for many series at once (all indicators × all regions), without building result objects.
 *
 * Input is columnar: `values[offsets[s] .. offsets[s+1])` are series s's observations with their `years`
 * (ascending, one per year; NaN = no value). Each distinct spec is compiled once into the numbers its
 * rule needs; the loop over series then allocates nothing. Whatever the kernel does not cover (trend method,
 * assigned / relational kinds, targets relative to a baseline it does not have, level kinds without a plan
 * baseline, growth rates from levels, unordered series) is handed to `evaluateIndicator`, so the verdicts are
 * the same as the full engine's — a property test checks it.
 */
import type { IndicatorSpec, TargetKind } from '../indicator.ts';
import { sign } from './condition.ts';
import type { Condition } from './condition.ts';
import {
  buildCondition,
  isComfortable as isComfortableShared,
  testCondition as testConditionShared,
} from './condition.ts';
import { DEFAULT_ABOUT_SHARE, DEFAULT_DELTA, evaluateIndicator } from './evaluate.ts';
import { earlyAchievable as earlyAchievableFor, toleranceIsDelta } from './kinds.ts';
import { gte as gteShared, lte as lteShared } from './stats.ts';
import { isRelativeTarget, resolveRelativeTarget } from './text.ts';
import type { EvaluationObservation, EvaluationOptions, Method, Verdict } from './types.ts';
import { VERDICTS } from './types.ts';

export interface ColumnarInput {
  /** One spec per series (the same object may be shared by many series). */
  specs: readonly IndicatorSpec[];
  /** Length specs.length + 1; series s spans [offsets[s], offsets[s + 1]). */
  offsets: ArrayLike<number>;
  years: ArrayLike<number>;
  /** NaN for a missing value. */
  values: ArrayLike<number>;
  year: number;
  method?: Method;
  options?: Pick<EvaluationOptions, 'delta' | 'aboutTolerance' | 'periodStart' | 'periodEnd' | 'cagrBasis'>;
}

export interface ColumnarOutput {
  /** Index into VERDICTS. */
  verdicts: Uint8Array;
  /** Progress share p (NaN where the kind has none). */
  progress: Float64Array;
  /** Elapsed share f (NaN where unknown). */
  elapsed: Float64Array;
  /** Year of the data judged (0 when none). */
  dataYear: Int32Array;
  /** How many series went through the full engine. */
  fallbacks: number;
}

export const VERDICT_INDEX: Readonly<Record<Verdict, number>> = Object.fromEntries(
  VERDICTS.map((v, i) => [v, i]),
) as Record<Verdict, number>;
const V = VERDICT_INDEX;

type Mode =
  /** A fixed verdict; `afterNoData`: series without values are no_data first (as the engine checks data first). */
  | { t: 'static'; verdict: Verdict; afterNoData: boolean }
  | { t: 'fallback' }
  | { t: 'path'; B: number; T: number; cond: Condition }
  | { t: 'cond'; cond: Condition; maintain: boolean; early: boolean }
  | { t: 'cumulative'; T: number; cond: Condition | null }
  | { t: 'cagr'; g: number; mT: number; N: number; cond: Condition | null }
  | { t: 'reduction'; mT: number };

interface Compiled {
  mode: Mode;
  y0: number | null;
  yT: number | null;
  evalYear: number;
  final: boolean;
  dir: 1 | -1 | 0;
  delta: number;
}

interface Ctx {
  spec: IndicatorSpec;
  relative: boolean;
  delta: number;
  aboutShare: number;
}

function resolveTarget(x: Ctx, baseline: number | null): number | null {
  const q = x.spec.target;
  if (q === null) return null;
  if (x.relative) {
    if (baseline === null) return null;
    return resolveRelativeTarget(q.raw, baseline) ?? q.value;
  }
  return q.value ?? q.low ?? q.high;
}

function conditionFor(x: Ctx, k: TargetKind, T: number | null, d: 1 | -1 | 0): Condition | null {
  const q = x.spec.target;
  if (q === null) return null;
  const eff =
    T !== null && x.relative
      ? {
          ...q,
          value: T,
          low: T,
          high: T,
          comparator: q.comparator === 'text' ? ('gte' as const) : q.comparator,
        }
      : q;
  return buildCondition(k, eff, d, { delta: x.delta, tolerance: x.spec.tolerance, aboutShare: x.aboutShare });
}

function compiled(
  mode: Mode,
  y0: number | null,
  yT: number | null,
  year: number,
  delta: number,
  dir: 1 | -1 | 0,
): Compiled {
  return {
    mode,
    y0,
    yT,
    evalYear: yT !== null ? Math.min(year, yT) : year,
    final: yT !== null && year >= yT,
    delta,
    dir,
  };
}

const FALLBACK: Mode = { t: 'fallback' };

function levelFamily(
  x: Ctx,
  k: TargetKind,
  planBaseline: number | null,
  y0: number | null,
  yT: number | null,
  year: number,
  dir: 1 | -1 | 0,
): Compiled {
  if (planBaseline === null || y0 === null) return compiled(FALLBACK, y0, yT, year, x.delta, dir);
  const B = planBaseline;
  const T = resolveTarget(x, B);
  if (T === null) return compiled(FALLBACK, y0, yT, year, x.delta, dir);
  let d = dir;
  if (d === 0) d = T > B ? 1 : T < B ? -1 : 0;
  if (d === 0) d = 1;
  const cond = conditionFor(x, k, T, d);
  const noPath = (T - B) * d < 0 || yT === null || B === T;
  if (noPath || cond === null) {
    const k2: TargetKind = (k === 'level' || k === 'share') && T === B ? 'maintain' : k;
    const c2 = k2 === k && cond !== null ? cond : conditionFor(x, k2, T, d);
    if (c2 === null) return compiled(FALLBACK, y0, yT, year, x.delta, d);
    return compiled(
      { t: 'cond', cond: c2, maintain: k2 === 'maintain', early: earlyAchievableFor(k, x.spec.attribute) },
      y0,
      yT,
      year,
      x.delta,
      d,
    );
  }
  return compiled({ t: 'path', B, T, cond }, y0, yT, year, x.delta, d);
}

function compile(
  spec: IndicatorSpec,
  year: number,
  method: Method,
  options: NonNullable<ColumnarInput['options']>,
): Compiled {
  const yT = spec.targetYear ?? options.periodEnd ?? null;
  const y0 = spec.baselineYear ?? (options.periodStart != null ? options.periodStart - 1 : null);
  const kind = spec.kind;
  const delta = (toleranceIsDelta(kind) ? spec.tolerance : null) ?? options.delta ?? DEFAULT_DELTA;
  let dir = sign(spec.direction);
  if (dir === 0) {
    switch (kind) {
      case 'level':
      case 'share':
      case 'maintain':
        break;
      case 'ceiling':
        dir = -1;
        break;
      case 'floor':
      case 'about':
      case 'range':
      case 'cagr':
      case 'cumulative':
      case 'reduction':
      case 'assigned':
      case 'relational':
        dir = 1;
        break;
    }
  }
  if (yT !== null && y0 !== null && year <= y0)
    return compiled({ t: 'static', verdict: 'not_assessable', afterNoData: false }, y0, yT, year, delta, dir);
  if (method !== 'time') return compiled(FALLBACK, y0, yT, year, delta, dir);
  const q = spec.target;
  const x: Ctx = {
    spec,
    relative: q !== null && (q.value === null || isRelativeTarget(q.raw)),
    delta,
    aboutShare: options.aboutTolerance ?? DEFAULT_ABOUT_SHARE,
  };
  const b = spec.baseline;
  const planBaseline =
    b !== null && b.value !== null && b.comparator !== 'text' && y0 !== null ? b.value : null;
  switch (kind) {
    case 'level':
    case 'share':
    case 'floor':
      return levelFamily(x, kind, planBaseline, y0, yT, year, dir);
    case 'cumulative': {
      if (b !== null && b.value !== null && b.value !== 0 && b.comparator !== 'text')
        return levelFamily(x, 'cumulative', planBaseline, y0, yT, year, dir);
      const T = resolveTarget(x, 0);
      if (T === null || y0 === null || yT === null)
        return compiled(
          { t: 'static', verdict: 'not_assessable', afterNoData: true },
          y0,
          yT,
          year,
          delta,
          dir,
        );
      return compiled(
        { t: 'cumulative', T, cond: conditionFor(x, 'cumulative', T, dir) },
        y0,
        yT,
        year,
        delta,
        dir,
      );
    }
    case 'cagr': {
      const g = resolveTarget(x, null);
      if (g === null || yT === null || y0 === null) return compiled(FALLBACK, y0, yT, year, delta, dir);
      const basis = options.cagrBasis ?? (spec.unit?.includes('%') === true ? 'rates' : 'levels');
      if (basis !== 'rates') return compiled(FALLBACK, y0, yT, year, delta, dir);
      const N = yT - y0;
      return compiled(
        { t: 'cagr', g, N, mT: N * Math.log1p(g / 100), cond: conditionFor(x, 'cagr', g, dir) },
        y0,
        yT,
        year,
        delta,
        dir,
      );
    }
    case 'reduction': {
      const R = resolveTarget(x, null);
      if (R === null || y0 === null || yT === null || R >= 100)
        return compiled(
          { t: 'static', verdict: 'not_assessable', afterNoData: true },
          y0,
          yT,
          year,
          delta,
          1,
        );
      return compiled({ t: 'reduction', mT: -Math.log1p(-R / 100) }, y0, yT, year, delta, 1);
    }
    case 'ceiling':
    case 'maintain':
    case 'about':
    case 'range': {
      if (q === null)
        return compiled(
          { t: 'static', verdict: 'not_assessable', afterNoData: false },
          y0,
          yT,
          year,
          delta,
          dir,
        );
      if (x.relative) return compiled(FALLBACK, y0, yT, year, delta, dir);
      const cond = conditionFor(x, kind, resolveTarget(x, null), dir);
      if (cond === null)
        return compiled(
          { t: 'static', verdict: 'not_assessable', afterNoData: true },
          y0,
          yT,
          year,
          delta,
          dir,
        );
      return compiled(
        { t: 'cond', cond, maintain: kind === 'maintain', early: earlyAchievableFor(kind, spec.attribute) },
        y0,
        yT,
        year,
        delta,
        dir,
      );
    }
    case 'assigned':
    case 'relational':
      return compiled(FALLBACK, y0, yT, year, delta, dir);
  }
}

// Module-local bindings: an imported function called in the inner loop is read through the module namespace
// under tsx (CJS interop) on every call.
const gte = gteShared;
const lte = lteShared;
const testCondition = testConditionShared;
const isComfortable = isComfortableShared;

function timeVerdict(p: number, f: number, delta: number): number {
  return gte(p, f + delta) ? V.ahead : gte(p, f - delta) ? V.on_track : V.lagging;
}

export function evaluateColumns(input: ColumnarInput): ColumnarOutput {
  const n = input.specs.length;
  const verdicts = new Uint8Array(n);
  const progress = new Float64Array(n).fill(NaN);
  const elapsed = new Float64Array(n).fill(NaN);
  const dataYear = new Int32Array(n);
  const method = input.method ?? 'time';
  const options = input.options ?? {};
  const cache = new Map<IndicatorSpec, Compiled>();
  const { offsets, years, values, year } = input;
  let fallbacks = 0;
  let lastSpec: IndicatorSpec | null = null;
  let lastCompiled: Compiled | undefined;
  /** Through the full engine: kinds the kernel does not cover, and series not in year order. */
  const full = (s: number, spec: IndicatorSpec, from: number, to: number): void => {
    const obs: EvaluationObservation[] = [];
    for (let i = from; i < to; i++) {
      const v = values[i] as number;
      obs.push({ year: years[i] as number, value: Number.isNaN(v) ? null : v, text: null, kind: 'actual' });
    }
    const r = evaluateIndicator(spec, obs, year, method, { ...options, explain: false });
    verdicts[s] = V[r.verdict];
    progress[s] = r.progress ?? NaN;
    elapsed[s] = r.elapsed ?? NaN;
    dataYear[s] = r.dataYear ?? 0;
    fallbacks++;
  };

  for (let s = 0; s < n; s++) {
    const spec = input.specs[s] as IndicatorSpec;
    // Series of one indicator are usually contiguous (indicator × regions): skip the lookup then.
    let c: Compiled | undefined = spec === lastSpec ? lastCompiled : cache.get(spec);
    if (c === undefined) {
      c = compile(spec, year, method, options);
      cache.set(spec, c);
    }
    lastSpec = spec;
    lastCompiled = c;
    const from = offsets[s] as number;
    const to = offsets[s + 1] as number;
    const mode = c.mode;
    if (mode.t === 'fallback') {
      full(s, spec, from, to);
      continue;
    }
    const y0 = c.y0;
    const lo = y0 === null ? -Infinity : y0;
    const hi = c.evalYear;
    // Years must ascend (one value per year); checked in the same pass, else the full engine decides.
    let prev = -Infinity;
    let unordered = false;
    switch (mode.t) {
      case 'static': {
        let any = false;
        for (let i = from; i < to; i++) {
          const y = years[i] as number;
          if (y <= prev) unordered = true;
          prev = y;
          if (y > lo && y <= hi && !Number.isNaN(values[i])) any = true;
        }
        verdicts[s] = mode.afterNoData && !any ? V.no_data : V[mode.verdict];
        break;
      }
      case 'path': {
        let ly = 0;
        let A = NaN;
        for (let i = from; i < to; i++) {
          const y = years[i] as number;
          if (y <= prev) unordered = true;
          prev = y;
          const v = values[i] as number;
          if (y > lo && y <= hi && !Number.isNaN(v)) {
            ly = y;
            A = v;
          }
        }
        if (ly === 0) {
          verdicts[s] = V.no_data;
          break;
        }
        const yT = c.yT as number;
        const f = (ly - (y0 as number)) / (yT - (y0 as number));
        const p = (A - mode.B) / (mode.T - mode.B);
        dataYear[s] = ly;
        elapsed[s] = f;
        progress[s] = p;
        verdicts[s] = testCondition(mode.cond, A)
          ? V.achieved
          : c.final
            ? V.not_achieved
            : timeVerdict(p, f, c.delta);
        break;
      }
      case 'cond': {
        let ly = 0;
        let A = NaN;
        for (let i = from; i < to; i++) {
          const y = years[i] as number;
          if (y <= prev) unordered = true;
          prev = y;
          const v = values[i] as number;
          if (y > lo && y <= hi && !Number.isNaN(v)) {
            ly = y;
            A = v;
          }
        }
        if (ly === 0) {
          verdicts[s] = V.no_data;
          break;
        }
        dataYear[s] = ly;
        if (y0 !== null && c.yT !== null) elapsed[s] = (ly - y0) / (c.yT - y0);
        const met = testCondition(mode.cond, A);
        if (c.final) {
          let ok = met;
          if (met && mode.maintain) {
            for (let i = from; i < to; i++) {
              const y = years[i] as number;
              const v = values[i] as number;
              if (y > lo && y <= ly && !Number.isNaN(v) && !testCondition(mode.cond, v)) ok = false;
            }
          }
          verdicts[s] = ok ? V.achieved : V.not_achieved;
        } else if (met) verdicts[s] = mode.early && isComfortable(mode.cond, A) ? V.achieved : V.on_track;
        else verdicts[s] = V.lagging;
        break;
      }
      case 'cumulative': {
        let ly = 0;
        let sum = 0;
        for (let i = from; i < to; i++) {
          const y = years[i] as number;
          if (y <= prev) unordered = true;
          prev = y;
          const v = values[i] as number;
          if (y > lo && y <= hi && !Number.isNaN(v)) {
            ly = y;
            sum += v;
          }
        }
        if (ly === 0) {
          verdicts[s] = V.no_data;
          break;
        }
        const f = (ly - (y0 as number)) / ((c.yT as number) - (y0 as number));
        const p = mode.T === 0 ? NaN : sum / mode.T;
        dataYear[s] = ly;
        elapsed[s] = f;
        progress[s] = p;
        const achieved = mode.cond !== null ? testCondition(mode.cond, sum) : gte(sum, mode.T);
        verdicts[s] = achieved ? V.achieved : c.final ? V.not_achieved : timeVerdict(p, f, c.delta);
        break;
      }
      case 'cagr':
      case 'reduction': {
        let ly = 0;
        let log = 0;
        let k = 0;
        const fall = mode.t === 'reduction';
        for (let i = from; i < to; i++) {
          const y = years[i] as number;
          if (y <= prev) unordered = true;
          prev = y;
          const v = values[i] as number;
          if (y > lo && y <= hi && !Number.isNaN(v)) {
            ly = y;
            log += Math.log1p((fall ? -v : v) / 100);
            k++;
          }
        }
        if (ly === 0) {
          verdicts[s] = V.no_data;
          break;
        }
        const y0n = y0 as number;
        const yT = c.yT as number;
        const el = ly - y0n;
        const f = el / (yT - y0n);
        const left = yT - ly;
        dataYear[s] = ly;
        elapsed[s] = f;
        if (mode.t === 'cagr') {
          const m = (el * log) / k;
          const p = mode.mT === 0 ? NaN : m / mode.mT;
          const gObs = el > 0 ? (Math.exp(m / el) - 1) * 100 : NaN;
          const achieved =
            c.final || left <= 0
              ? mode.cond !== null
                ? testCondition(mode.cond, gObs)
                : gte(gObs, mode.g)
              : c.dir > 0
                ? gte(m, mode.mT)
                : lte(m, mode.mT);
          progress[s] = p;
          verdicts[s] = achieved ? V.achieved : c.final ? V.not_achieved : timeVerdict(p, f, c.delta);
        } else {
          const m = (-el * log) / k;
          const p = mode.mT === 0 ? NaN : m / mode.mT;
          progress[s] = p;
          verdicts[s] = gte(m, mode.mT) ? V.achieved : c.final ? V.not_achieved : timeVerdict(p, f, c.delta);
        }
        break;
      }
    }
    if (unordered) full(s, spec, from, to);
  }
  return { verdicts, progress, elapsed, dataYear, fallbacks };
}
