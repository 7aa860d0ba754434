import type { IndicatorSpec } from '../indicator.ts';
import {
  buildCondition as buildCondition_,
  isComfortable as isComfortable_,
  ruleOf as ruleOf_,
  sign as sign_,
  testCondition as testCondition_,
} from './condition.ts';
import type { Condition } from './condition.ts';
import { numericPoints as numericPoints_, pointsOf as pointsOf_ } from './observations.ts';
import type { Point } from './observations.ts';
import {
  fmt as fmt_,
  gte as gte_,
  lte as lte_,
  mean as mean_,
  normalCdf as normalCdf_,
  pct as pct_,
  round as round_,
  sampleSd as sampleSd_,
} from './stats.ts';
import {
  isRelativeTarget as isRelativeTarget_,
  parseCompletion as parseCompletion_,
  parseRelation as parseRelation_,
  relationLabel as relationLabel_,
  resolveRelativeTarget as resolveRelativeTarget_,
} from './text.ts';
import type { Relation } from './text.ts';
import type {
  Bilingual,
  Comparison,
  EvaluationObservation,
  EvaluationOptions,
  IndicatorEvaluation,
  Method,
  Probability,
  Projection,
  RequiredRate,
  Verdict,
} from './types.ts';
import { verdictLabel as verdictLabel_ } from './verdict.ts';
import { earlyAchievable as earlyAchievableFor, holdsEveryYear, toleranceIsDelta } from './kinds.ts';

// Module-local bindings for the functions called per indicator: under tsx (CJS interop) every call through an
// imported binding reads a getter on the module namespace, which showed up as ≈ 15 % of the bench.
const buildCondition = buildCondition_;
const isComfortable = isComfortable_;
const ruleOf = ruleOf_;
const sign = sign_;
const testCondition = testCondition_;
const numericPoints = numericPoints_;
const pointsOf = pointsOf_;
const fmt = fmt_;
const gte = gte_;
const lte = lte_;
const mean = mean_;
const normalCdf = normalCdf_;
const pct = pct_;
const round = round_;
const sampleSd = sampleSd_;
const isRelativeTarget = isRelativeTarget_;
const parseCompletion = parseCompletion_;
const parseRelation = parseRelation_;
const relationLabel = relationLabel_;
const resolveRelativeTarget = resolveRelativeTarget_;
const verdictLabel = verdictLabel_;

export const DEFAULT_DELTA = 0.05;
export const DEFAULT_ABOUT_SHARE = 0.1;
export const DEFAULT_RELATIONAL_TOLERANCE = 0.5;

// Open SDG / UN ESCAP thresholds (see docs/evaluation-method.md).
export const TREND_RATIO_ON_TRACK = 0.95;
export const TREND_RATIO_ACCELERATE = 0.6;
export const TREND_GROWTH_ON_TRACK = 0.015;
export const TREND_GROWTH_ACCELERATE = 0.005;

interface Ctx {
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
  actual: Point[];
  assigned: Point[];
  notes: Bilingual[];
  /** zh/en name with unit for sentences. */
  unit: string | null;
}

// ---------------------------------------------------------------- formatting

function u(ctx: Ctx, v: number): Bilingual {
  const n = fmt(v);
  const unit = ctx.unit;
  if (unit === null || unit === '') return { zh: n, en: n };
  if (unit === '%') return { zh: `${n}%`, en: `${n}%` };
  return { zh: `${n}${unit}`, en: `${n} ${unit}` };
}

function note(ctx: Ctx, zh: string, en: string): void {
  ctx.notes.push({ zh, en });
}

// ---------------------------------------------------------------- result scaffolding

function base(ctx: Ctx): IndicatorEvaluation {
  const s = ctx.spec;
  const r: IndicatorEvaluation = {
    code: s.code,
    name: s.name,
    unit: s.unit,
    kind: s.kind,
    attribute: s.attribute,
    direction: s.direction,
    method: ctx.method,
    verdict: 'not_assessable',
    year: ctx.year,
    dataYear: null,
    baseline: null,
    baselineYear: ctx.y0,
    baselineSource: 'none',
    target: null,
    targetRaw: s.target?.raw ?? null,
    targetYear: ctx.yT,
    expected: null,
    actual: null,
    actualText: null,
    progress: null,
    elapsed: null,
    ratio: null,
    comparison: null,
    projection: null,
    requiredRate: null,
    probability: null,
    explanation: NO_TEXT,
    notes: ctx.notes,
  };
  return r;
}

const NO_TEXT: Bilingual = Object.freeze({ zh: '', en: '' });

function once<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
}

function comparisonOf(ctx: Ctx, cond: Condition, met: boolean): Comparison {
  return { rule: ctx.explain ? ruleOf(cond) : NO_TEXT, met };
}

function finish(
  ctx: Ctx,
  r: IndicatorEvaluation,
  verdict: Verdict,
  why: Bilingual | (() => Bilingual),
): IndicatorEvaluation {
  r.verdict = verdict;
  if (ctx.explain) {
    const label = verdictLabel(verdict, ctx.final);
    const w = typeof why === 'function' ? why() : why;
    r.explanation = { zh: `${w.zh}，判定为“${label.zh}”。`, en: `${w.en}: ${label.en}.` };
  }
  return r;
}

function unavailable(
  ctx: Ctx,
  verdict: 'no_data' | 'not_assessable',
  why: Bilingual,
  partial?: Partial<IndicatorEvaluation>,
): IndicatorEvaluation {
  const r = base(ctx);
  if (partial !== undefined) Object.assign(r, partial);
  return finish(ctx, r, verdict, why);
}

// ---------------------------------------------------------------- entry point

/**
 * Judge one indicator in one year. Pure; never throws for bad data — what cannot be judged comes back as
 * `no_data` or `not_assessable` with the reason in the explanation.
 */
export function evaluateIndicator(
  spec: IndicatorSpec,
  observations: readonly EvaluationObservation[],
  year: number,
  method: Method = 'time',
  options: EvaluationOptions = {},
): IndicatorEvaluation {
  const notes: Bilingual[] = [];
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
    actual: pointsOf(observations, 'actual', notes).filter((p) => p.year <= evalYear),
    assigned: pointsOf(observations, 'assigned', notes).filter((p) => p.year <= evalYear),
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
  if (yT !== null && y0 !== null && year <= y0) {
    return unavailable(ctx, 'not_assessable', {
      zh: `评估年份${year}年不晚于基期${y0}年`,
      en: `the year ${year} is not after the baseline year ${y0}`,
    });
  }
  if (yT !== null && year > yT) {
    note(
      ctx,
      `评估年份晚于目标年份，按${yT}年终期评估`,
      `the year is after the target year; judged as the final evaluation of ${yT}`,
    );
  }
  switch (spec.kind) {
    case 'level':
    case 'share':
    case 'floor':
      return evaluateLevel(ctx);
    case 'cumulative':
      return evaluateCumulative(ctx);
    case 'cagr':
      return evaluateCagr(ctx);
    case 'reduction':
      return evaluateReduction(ctx);
    case 'ceiling':
    case 'maintain':
    case 'about':
    case 'range':
      return evaluateCondition(ctx, null);
    case 'assigned':
      return evaluateAssigned(ctx);
    case 'relational':
      return evaluateRelational(ctx);
  }
}

// ---------------------------------------------------------------- shared pieces

/** Points inside the period (after the baseline year) up to the evaluation year. */
function inPeriod(ctx: Ctx, points: readonly Point[]): Point[] {
  return points.filter((p) => ctx.y0 === null || p.year > ctx.y0);
}

/** Latest point with a number, or a text that states completion; the latest text otherwise. */
function latest(points: readonly Point[]): {
  num: { year: number; value: number } | null;
  text: Point | null;
} {
  let num: { year: number; value: number } | null = null;
  let text: Point | null = null;
  for (const p of points) {
    if (p.value !== null) num = { year: p.year, value: p.value };
    else if (p.text !== null && p.text.trim() !== '') text = p;
  }
  return { num, text: text !== null && (num === null || text.year > num.year) ? text : null };
}

function noDataWhy(ctx: Ctx, text: Point | null): Bilingual {
  if (text?.text != null) {
    return {
      zh: `${text.year}年实际值为“${text.text}”，无可用数值`,
      en: `the ${text.year} value reads “${text.text}”, no usable number`,
    };
  }
  return { zh: `${ctx.evalYear}年及以前没有实际值`, en: `no actual value up to ${ctx.evalYear}` };
}

function targetCondition(
  ctx: Ctx,
  kind: IndicatorSpec['kind'],
  targetValue: number | null,
): Condition | null {
  const q = ctx.spec.target;
  if (q === null) return null;
  const eff =
    targetValue !== null && (q.value === null || isRelativeTarget(q.raw))
      ? {
          ...q,
          value: targetValue,
          low: targetValue,
          high: targetValue,
          comparator: q.comparator === 'text' ? ('gte' as const) : q.comparator,
        }
      : q;
  return buildCondition(kind, eff, ctx.dir, {
    delta: ctx.delta,
    tolerance: ctx.spec.tolerance,
    aboutShare: ctx.aboutShare,
  });
}

/** A text observation that states completion decides on its own (完成 / 未完成). */
/** No numeric value to judge: a completion text (完成 / 未完成) decides, otherwise the data is missing. */
function withoutNumber(ctx: Ctx, r: IndicatorEvaluation, text: Point | null): IndicatorEvaluation {
  const completed = text === null ? null : completionVerdict(ctx, r, text);
  return completed ?? finish(ctx, r, 'no_data', noDataWhy(ctx, text));
}

function completionVerdict(ctx: Ctx, r: IndicatorEvaluation, text: Point): IndicatorEvaluation | null {
  const done = parseCompletion(text.text ?? '');
  if (done === null) return null;
  r.dataYear = text.year;
  r.actualText = text.text;
  r.comparison = {
    rule: { zh: `目标“${ctx.spec.target?.raw ?? ''}”`, en: `target “${ctx.spec.target?.raw ?? ''}”` },
    met: done,
  };
  const said = {
    zh: `${text.year}年实际为“${text.text}”，对照目标“${ctx.spec.target?.raw ?? ''}”${done ? '已达到' : '未达到'}`,
    en: `${text.year} reported as “${text.text}” against the target “${ctx.spec.target?.raw ?? ''}”: ${done ? 'met' : 'not met'}`,
  };
  if (ctx.final) return finish(ctx, r, done ? 'achieved' : 'not_achieved', said);
  if (!done) return finish(ctx, r, 'lagging', said);
  return finish(
    ctx,
    r,
    holdsEveryYear(ctx.spec.kind) || ctx.spec.attribute === 'binding' ? 'on_track' : 'achieved',
    said,
  );
}

function trendFromRatio(R: number): Verdict {
  if (gte(R, TREND_RATIO_ON_TRACK)) return 'on_track';
  if (gte(R, TREND_RATIO_ACCELERATE)) return 'acceleration_needed';
  if (gte(R, 0)) return 'limited_progress';
  return 'deterioration';
}

function trendFromGrowth(g: number): Verdict {
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
function probabilityOf(
  increments: readonly number[],
  m: number,
  years: number,
  test: (end: number, sd: number) => number,
): Probability | null {
  if (increments.length < 2 || years <= 0) return null;
  const mu = mean(increments);
  const sd = sampleSd(increments);
  const k = increments.length;
  const spread = sd * Math.sqrt(years + (years * years) / k);
  const p = test(m + years * mu, spread);
  return { value: round(p), basis: k, mean: round(mu, 6), sd: round(sd, 6) };
}

/** P(X ≥ t) / P(X ≤ t) for X ~ N(centre, spread²); a point mass when spread is 0. */
function pAbove(centre: number, spread: number, t: number): number {
  if (spread === 0 || !Number.isFinite(spread)) return gte(centre, t) ? 1 : 0;
  return 1 - normalCdf((t - centre) / spread);
}
function pBelow(centre: number, spread: number, t: number): number {
  if (spread === 0 || !Number.isFinite(spread)) return lte(centre, t) ? 1 : 0;
  return normalCdf((t - centre) / spread);
}

function conditionProbability(
  cond: Condition,
  increments: readonly number[],
  value: number,
  years: number,
): Probability | null {
  return probabilityOf(increments, value, years, (c, s) => {
    if (cond.lo !== null && cond.hi !== null)
      return Math.max(0, pBelow(c, s, cond.hi) - (1 - pAbove(c, s, cond.lo)));
    if (cond.lo !== null) return pAbove(c, s, cond.lo);
    if (cond.hi !== null) return pBelow(c, s, cond.hi);
    return NaN;
  });
}

/**
 * Average change per year between consecutive numeric points. A gap of g years gives one sample (its average
 * step), not g identical ones — copies would fake a zero spread.
 */
function yearlyIncrements(points: readonly { year: number; value: number }[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a === undefined || b === undefined) continue;
    const gap = b.year - a.year;
    if (gap <= 0) continue;
    out.push((b.value - a.value) / gap);
  }
  return out;
}

function projectValues(
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
  return {
    linear: round(linear),
    cagr: cagr === null ? null : round(cagr),
    linearMeets: cond === null ? null : testCondition(cond, linear),
    cagrMeets: cond === null || cagr === null ? null : testCondition(cond, cagr),
  };
}

// ---------------------------------------------------------------- baselines

interface Baseline {
  value: number;
  year: number;
  source: 'plan' | 'observation' | 'first_observation';
}

function findBaseline(ctx: Ctx, nums: readonly { year: number; value: number }[]): Baseline | null {
  const b = ctx.spec.baseline;
  if (b !== null && b.value !== null && b.comparator !== 'text' && ctx.y0 !== null)
    return { value: b.value, year: ctx.y0, source: 'plan' };
  if (ctx.y0 !== null) {
    const at = nums.find((p) => p.year === ctx.y0);
    if (at !== undefined) return { value: at.value, year: at.year, source: 'observation' };
  }
  const first = nums[0];
  if (first !== undefined) return { value: first.value, year: first.year, source: 'first_observation' };
  return null;
}

function resolveTarget(ctx: Ctx, baseline: number | null): number | null {
  const q = ctx.spec.target;
  if (q === null) return null;
  if (isRelativeTarget(q.raw) || q.value === null) {
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

// ---------------------------------------------------------------- path kinds

/** A kind with a path, reduced to an additive measure m that moves from m0 to mT over [y0, yT]. */
interface PathModel {
  y0: number;
  yT: number;
  dataYear: number;
  m0: number;
  m: number;
  mT: number;
  baseline: number | null;
  baselineSource: IndicatorEvaluation['baselineSource'];
  target: number;
  actual: number;
  /** Value on the expected path at dataYear, in display units. */
  expected: number;
  achievedNow: boolean;
  increments: number[];
  projection: Projection | null;
  requiredRate: RequiredRate | null;
  /** Trend method: R = d·observed/|required| rate. */
  ratio: number | null;
  /** What "actual" means in sentences, e.g. "年均增长" for cagr. */
  actualPhrase: Bilingual;
  cond: Condition | null;
}

function judgePath(ctx: Ctx, r: IndicatorEvaluation, pm: PathModel): IndicatorEvaluation {
  const f = (pm.dataYear - pm.y0) / (pm.yT - pm.y0);
  const p = pm.mT === pm.m0 ? NaN : (pm.m - pm.m0) / (pm.mT - pm.m0);
  r.dataYear = pm.dataYear;
  r.baseline = pm.baseline === null ? null : round(pm.baseline);
  r.baselineYear = pm.y0;
  r.baselineSource = pm.baselineSource;
  r.target = round(pm.target);
  r.actual = round(pm.actual);
  r.expected = round(pm.expected);
  r.progress = Number.isFinite(p) ? round(p) : null;
  r.elapsed = round(f);
  r.projection = pm.projection;
  r.requiredRate = pm.achievedNow ? null : pm.requiredRate;
  r.ratio = ctx.method === 'trend' && pm.ratio !== null ? round(pm.ratio) : null;
  r.comparison = pm.cond === null ? null : comparisonOf(ctx, pm.cond, pm.achievedNow);
  const n = pm.yT - pm.dataYear;
  const s = Math.sign(pm.mT - pm.m0);
  if (pm.achievedNow)
    r.probability = {
      value: 1,
      basis: pm.increments.length,
      mean: round(mean(pm.increments), 6),
      sd: round(sampleSd(pm.increments), 6),
    };
  else if (ctx.final || n <= 0)
    r.probability = {
      value: 0,
      basis: pm.increments.length,
      mean: round(mean(pm.increments), 6),
      sd: round(sampleSd(pm.increments), 6),
    };
  else
    r.probability = probabilityOf(pm.increments, pm.m, n, (c, sd) =>
      s >= 0 ? pAbove(c, sd, pm.mT) : pBelow(c, sd, pm.mT),
    );
  if (r.probability !== null && !Number.isFinite(r.probability.sd))
    r.probability = { ...r.probability, sd: 0 };

  const head = once((): Bilingual => {
    const A = u(ctx, pm.actual);
    const T = u(ctx, pm.target);
    const bz = pm.baseline === null ? '' : `${pm.y0}年基期${u(ctx, pm.baseline).zh}，`;
    const be = pm.baseline === null ? '' : `baseline ${u(ctx, pm.baseline).en} in ${pm.y0}, `;
    return {
      zh: `${pm.dataYear}年${pm.actualPhrase.zh}${A.zh}（${bz}${pm.yT}年目标${ctx.spec.target?.raw ?? T.zh}）`,
      en: `${pm.actualPhrase.en} ${A.en} in ${pm.dataYear} (${be}target ${ctx.spec.target?.raw ?? T.en} by ${pm.yT})`,
    };
  });
  const rule = once((): Bilingual =>
    pm.cond === null
      ? { zh: '', en: '' }
      : { zh: `（${ruleOf(pm.cond).zh}）`, en: ` (${ruleOf(pm.cond).en})` },
  );
  if (pm.achievedNow) {
    return finish(ctx, r, 'achieved', () =>
      ctx.final
        ? { zh: `${head().zh}，达到目标${rule().zh}`, en: `${head().en}; target met${rule().en}` }
        : { zh: `${head().zh}，已提前达到目标`, en: `${head().en}; the target is already met` },
    );
  }
  if (ctx.final)
    return finish(ctx, r, 'not_achieved', () => ({
      zh: `${head().zh}，未达到目标${rule().zh}`,
      en: `${head().en}; target not met${rule().en}`,
    }));
  if (pm.dataYear === pm.y0) {
    return finish(ctx, r, 'not_assessable', () => ({
      zh: `${head().zh}，仅有一个观测值且缺少基期值，无法计算进度`,
      en: `${head().en}; a single value and no baseline, so progress cannot be measured`,
    }));
  }
  if (ctx.method === 'trend') {
    if (pm.ratio === null)
      return finish(ctx, r, 'not_assessable', () => ({
        zh: `${head().zh}，无法计算增长率之比`,
        en: `${head().en}; the growth ratio cannot be computed`,
      }));
    const R = pm.ratio;
    return finish(ctx, r, trendFromRatio(R), () => ({
      zh: `${head().zh}，实际增速为按期实现所需增速的${pct(R)}`,
      en: `${head().en}; observed growth is ${pct(R)} of the growth needed to meet the target on time`,
    }));
  }
  const cmp = gte(p, f + ctx.delta) ? 'ahead' : gte(p, f - ctx.delta) ? 'on_track' : 'lagging';
  const rel =
    cmp === 'ahead'
      ? { zh: '高于', en: 'above' }
      : cmp === 'on_track'
        ? { zh: '接近', en: 'close to' }
        : { zh: '低于', en: 'below' };
  const why = (): Bilingual => ({
    zh: `${head().zh}，实际进度${pct(p)}，${rel.zh}时间进度${pct(f)}`,
    en: `${head().en}; progress ${pct(p)}, ${rel.en} the ${pct(f)} of time elapsed`,
  });
  return finish(ctx, r, cmp, why);
}

function evaluateLevel(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const all = numericPoints(ctx.actual);
  const { num, text } = latest(period);
  const baseline = findBaseline(ctx, all);
  const T = resolveTarget(ctx, baseline?.value ?? null);
  if (num === null) {
    return withoutNumber(ctx, r, text);
  }
  if (T === null) return evaluateWithoutTarget(ctx, r, baseline, num);
  if (ctx.dir === 0 && baseline !== null) ctx.dir = T > baseline.value ? 1 : T < baseline.value ? -1 : 0;
  if (ctx.dir === 0) ctx.dir = 1;
  const cond = targetCondition(ctx, ctx.spec.kind, T);
  // Floors without a baseline, and targets equal to the baseline, have no path: judge the condition.
  // A bound on the unfavourable side of the baseline (失业率 1.8 → 2, decrease) is a ceiling/floor, not a path.
  const boundOnly = baseline !== null && (T - baseline.value) * ctx.dir < 0;
  const noPath =
    boundOnly ||
    baseline === null ||
    (baseline.source === 'first_observation' && (ctx.spec.kind === 'floor' || baseline.year >= num.year)) ||
    ctx.yT === null ||
    baseline.value === T;
  if (
    baseline?.source === 'first_observation' &&
    baseline.year >= num.year &&
    ctx.spec.kind !== 'floor' &&
    !ctx.final &&
    cond !== null &&
    !testCondition(cond, num.value)
  ) {
    r.dataYear = num.year;
    r.actual = round(num.value);
    r.target = round(T);
    return finish(ctx, r, 'not_assessable', {
      zh: `${num.year}年为${u(ctx, num.value).zh}，尚未达到目标${ctx.spec.target?.raw ?? ''}；缺少基期值且仅有一个观测值，无法计算进度`,
      en: `${u(ctx, num.value).en} in ${num.year}, short of the target ${ctx.spec.target?.raw ?? ''}; no baseline and a single value, so progress cannot be measured`,
    });
  }
  if (noPath || cond === null) return evaluateCondition(ctx, T);
  const y0 = baseline.year;
  const yT = ctx.yT ?? num.year;
  if (baseline.source === 'first_observation') {
    note(
      ctx,
      `缺少基期值，以首个观测年份${baseline.year}年（${fmt(baseline.value)}）为基期`,
      `no baseline: the first observed year ${baseline.year} (${fmt(baseline.value)}) is used as the baseline`,
    );
  }
  const B = baseline.value;
  const A = num.value;
  const f = (num.year - y0) / (yT - y0);
  const n = yT - num.year;
  const pts = all.filter((p) => p.year >= y0 && p.year <= num.year);
  if (baseline.source === 'plan' && !pts.some((p) => p.year === y0))
    pts.unshift({ year: y0, value: B, span: 1 });
  const elapsedYears = num.year - y0;
  const d = ctx.dir;
  let ratio: number | null = null;
  if (elapsedYears > 0) {
    if (A > 0 && B > 0 && T > 0 && T !== B) {
      const obs = (A / B) ** (1 / elapsedYears) - 1;
      const req = (T / B) ** (1 / (yT - y0)) - 1;
      ratio = (d * obs) / Math.abs(req);
    } else if (T !== B) {
      ratio = (d * (A - B)) / elapsedYears / Math.abs((T - B) / (yT - y0));
    }
  }
  return judgePath(ctx, r, {
    y0,
    yT,
    dataYear: num.year,
    m0: B,
    m: A,
    mT: T,
    baseline: B,
    baselineSource: baseline.source,
    target: T,
    actual: A,
    expected: B + f * (T - B),
    achievedNow: testCondition(cond, A),
    increments: yearlyIncrements(pts),
    projection: projectValues({ year: y0, value: B }, { year: num.year, value: A }, yT, cond),
    requiredRate:
      n > 0
        ? {
            absolute: round((T - A) / n),
            relative: A > 0 && T > 0 ? round(((T / A) ** (1 / n) - 1) * 100) : null,
            years: n,
          }
        : null,
    ratio,
    actualPhrase: { zh: '为', en: 'value' },
    cond,
  });
}

/** Without a numeric target the trend method still reads the direction of travel (Open SDG thresholds). */
function evaluateWithoutTarget(
  ctx: Ctx,
  r: IndicatorEvaluation,
  baseline: Baseline | null,
  num: { year: number; value: number },
): IndicatorEvaluation {
  r.dataYear = num.year;
  r.actual = round(num.value);
  if (ctx.method !== 'trend') {
    return finish(ctx, r, 'not_assessable', {
      zh: `目标“${ctx.spec.target?.raw ?? '—'}”未量化，时间进度法无法评估（可用趋势法）`,
      en: `the target “${ctx.spec.target?.raw ?? '—'}” is not a number, so time-progress cannot judge it (try the trend method)`,
    });
  }
  if (
    ctx.dir === 0 ||
    baseline === null ||
    baseline.year >= num.year ||
    baseline.value <= 0 ||
    num.value <= 0
  ) {
    return finish(ctx, r, 'not_assessable', {
      zh: '无量化目标，且缺少方向或两个正数观测值，无法计算趋势',
      en: 'no numeric target, and no direction or two positive values to measure a trend',
    });
  }
  const g = ctx.dir * ((num.value / baseline.value) ** (1 / (num.year - baseline.year)) - 1);
  r.baseline = round(baseline.value);
  r.baselineYear = baseline.year;
  r.baselineSource = baseline.source;
  r.ratio = round(g);
  return finish(ctx, r, trendFromGrowth(g), {
    zh: `无量化目标，${baseline.year}—${num.year}年按期望方向的年均增速为${fmt(g * 100)}%（阈值1.5%/0.5%/0）`,
    en: `no numeric target; growth in the desired direction ${baseline.year}–${num.year} averaged ${fmt(g * 100)}% a year (thresholds 1.5% / 0.5% / 0)`,
  });
}

function evaluateCumulative(ctx: Ctx): IndicatorEvaluation {
  const b = ctx.spec.baseline;
  if (b !== null && b.value !== null && b.value !== 0 && b.comparator !== 'text') {
    // The plan prints a running total at the baseline (各类总部累计数 95 → 150): observations are totals too.
    note(
      ctx,
      '累计指标给出了基期累计值，按累计总量（存量）评估',
      'the plan gives a running total at the baseline, so values are read as running totals',
    );
    return evaluateLevel(ctx);
  }
  const r = base(ctx);
  const flows = numericPoints(inPeriod(ctx, ctx.actual));
  const T = resolveTarget(ctx, 0);
  const last = flows[flows.length - 1];
  if (last === undefined) {
    const { text } = latest(inPeriod(ctx, ctx.actual));
    return withoutNumber(ctx, r, text);
  }
  if (T === null || ctx.y0 === null || ctx.yT === null) {
    return finish(ctx, r, 'not_assessable', {
      zh: '累计目标缺少目标值或规划期',
      en: 'the cumulative target lacks a value or a period',
    });
  }
  if (ctx.dir === 0) ctx.dir = 1;
  const y0 = ctx.y0;
  const yT = ctx.yT;
  const sum = flows.reduce((s, p) => s + p.value, 0);
  const missing: number[] = [];
  for (let y = y0 + 1; y <= last.year; y++) if (!flows.some((p) => p.year === y)) missing.push(y);
  if (missing.length > 0)
    note(
      ctx,
      `缺少${missing.join('、')}年数据，累计值仅含已有年份`,
      `no data for ${missing.join(', ')}; the sum covers the years given only`,
    );
  const f = (last.year - y0) / (yT - y0);
  const n = yT - last.year;
  const avg = sum / flows.length;
  const cond = targetCondition(ctx, 'cumulative', T);
  const firstFlow = flows[0];
  let cagrProj: number | null = null;
  if (firstFlow !== undefined && firstFlow.value > 0 && last.value > 0 && last.year > firstFlow.year) {
    const g = (last.value / firstFlow.value) ** (1 / (last.year - firstFlow.year));
    let s = sum;
    for (let k = 1; k <= n; k++) s += last.value * g ** k;
    cagrProj = s;
  }
  const linear = sum + n * avg;
  return judgePath(ctx, r, {
    y0,
    yT,
    dataYear: last.year,
    m0: 0,
    m: sum,
    mT: T,
    baseline: null,
    baselineSource: 'none',
    target: T,
    actual: sum,
    expected: f * T,
    achievedNow: cond !== null ? testCondition(cond, sum) : gte(sum, T),
    increments: flows.map((p) => p.value),
    projection: {
      linear: round(linear),
      cagr: cagrProj === null ? null : round(cagrProj),
      linearMeets: cond !== null ? testCondition(cond, linear) : null,
      cagrMeets: cagrProj === null || cond === null ? null : testCondition(cond, cagrProj),
    },
    requiredRate: n > 0 ? { absolute: round((T - sum) / n), relative: null, years: n } : null,
    ratio: avg / (T / (yT - y0)),
    actualPhrase: { zh: '累计', en: 'cumulative total' },
    cond,
  });
}

/** Annual growth rates (%) chosen newest first without overlapping spans; returns Σ ln(1+g) and years covered. */
function chainRates(
  points: readonly { year: number; value: number; span: number }[],
  y0: number,
): { log: number; years: number; covered: number[]; annual: number[]; spans: boolean } {
  const covered = new Set<number>();
  let log = 0;
  const annual: number[] = [];
  let spans = false;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p === undefined) continue;
    const from = Math.max(y0 + 1, p.year - p.span + 1);
    let clash = false;
    for (let y = from; y <= p.year; y++) if (covered.has(y)) clash = true;
    if (clash || from > p.year) continue;
    const span = p.year - from + 1;
    for (let y = from; y <= p.year; y++) covered.add(y);
    log += span * Math.log1p(p.value / 100);
    if (span === 1) annual.unshift(Math.log1p(p.value / 100));
    else spans = true;
  }
  return { log, years: covered.size, covered: [...covered].sort((a, b) => a - b), annual, spans };
}

function evaluateCagr(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const { num, text } = latest(period);
  if (num === null) {
    return withoutNumber(ctx, r, text);
  }
  const gTarget = resolveTarget(ctx, null);
  if (gTarget === null || ctx.yT === null || ctx.y0 === null) {
    return evaluateWithoutTarget(ctx, r, findBaseline(ctx, numericPoints(ctx.actual)), num);
  }
  if (ctx.dir === 0) ctx.dir = 1;
  const y0 = ctx.y0;
  const yT = ctx.yT;
  const N = yT - y0;
  const basis = ctx.options.cagrBasis ?? (ctx.spec.unit?.includes('%') === true ? 'rates' : 'levels');
  const cond = targetCondition(ctx, 'cagr', gTarget);
  const mT = N * Math.log1p(gTarget / 100);
  let m: number;
  let increments: number[];
  let dataYear = num.year;
  let baselineValue: number | null;
  let baselineSource: IndicatorEvaluation['baselineSource'];
  let lastAnnual: number | null;
  if (basis === 'rates') {
    const chain = chainRates(numericPoints(period), y0);
    if (chain.years === 0) return finish(ctx, r, 'no_data', noDataWhy(ctx, null));
    dataYear = Math.max(...chain.covered);
    const elapsed = dataYear - y0;
    m = (elapsed * chain.log) / chain.years;
    if (chain.years < elapsed) {
      note(
        ctx,
        `仅有${chain.covered.join('、')}年增速，按所给年份平均`,
        `growth rates only for ${chain.covered.join(', ')}; averaged over the years given`,
      );
    }
    if (chain.spans)
      note(
        ctx,
        '含多年平均增速（如规划表中的完成值）',
        'includes a multi-year average rate (e.g. a plan table’s result column)',
      );
    increments = chain.annual;
    lastAnnual = chain.annual.length > 0 ? (chain.annual[chain.annual.length - 1] ?? null) : null;
    const b = ctx.spec.baseline;
    baselineValue = b?.value ?? null;
    baselineSource = baselineValue === null ? 'none' : 'plan';
  } else {
    const all = numericPoints(ctx.actual);
    const baseline = findBaseline(ctx, all);
    if (baseline === null || baseline.value <= 0 || num.value <= 0) {
      return finish(ctx, r, 'not_assessable', {
        zh: '按水平值计算年均增速需要正的基期值',
        en: 'a growth rate from levels needs a positive baseline level',
      });
    }
    if (baseline.year !== y0) {
      return finish(ctx, r, 'not_assessable', {
        zh: `缺少${y0}年基期水平值，无法计算年均增速`,
        en: `no ${y0} baseline level to compute average growth from`,
      });
    }
    baselineValue = baseline.value;
    baselineSource = baseline.source;
    m = Math.log(num.value / baseline.value);
    const pts = all.filter((p) => p.year >= y0 && p.year <= num.year);
    if (!pts.some((p) => p.year === y0)) pts.unshift({ year: y0, value: baseline.value, span: 1 });
    increments = yearlyIncrements(
      pts.map((p) => ({ year: p.year, value: Math.log(Math.max(p.value, Number.MIN_VALUE)) })),
    );
    lastAnnual = increments.length > 0 ? (increments[increments.length - 1] ?? null) : null;
  }
  const elapsed = dataYear - y0;
  const gObs = elapsed > 0 ? (Math.exp(m / elapsed) - 1) * 100 : NaN;
  const n = yT - dataYear;
  const achievedNow =
    ctx.final || n <= 0
      ? cond !== null
        ? testCondition(cond, gObs)
        : gte(gObs, gTarget)
      : ctx.dir > 0
        ? gte(m, mT)
        : lte(m, mT);
  const endAvg = (extra: number): number => (Math.exp((m + n * extra) / N) - 1) * 100;
  const linear = lastAnnual === null ? null : endAvg(lastAnnual);
  const cagrP = elapsed > 0 ? endAvg(m / elapsed) : null;
  return judgePath(ctx, r, {
    y0,
    yT,
    dataYear,
    m0: 0,
    m,
    mT,
    baseline: baselineValue,
    baselineSource,
    target: gTarget,
    actual: gObs,
    expected: gTarget,
    achievedNow,
    increments,
    projection: {
      linear: linear === null ? null : round(linear),
      cagr: cagrP === null ? null : round(cagrP),
      linearMeets: linear === null || cond === null ? null : testCondition(cond, linear),
      cagrMeets: cagrP === null || cond === null ? null : testCondition(cond, cagrP),
    },
    requiredRate:
      n > 0 ? { absolute: null, relative: round((Math.exp((mT - m) / n) - 1) * 100), years: n } : null,
    ratio: elapsed > 0 && mT !== 0 ? (ctx.dir * (m / elapsed)) / Math.abs(mT / N) : null,
    actualPhrase: { zh: `（${y0 + 1}年以来）年均增长`, en: `average annual growth since ${y0 + 1}` },
    cond,
  });
}

function evaluateReduction(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const { num, text } = latest(period);
  if (num === null) {
    return withoutNumber(ctx, r, text);
  }
  const R = resolveTarget(ctx, null);
  if (R === null || ctx.y0 === null || ctx.yT === null || R >= 100) {
    return finish(ctx, r, 'not_assessable', {
      zh: '降低目标缺少目标值或规划期',
      en: 'the reduction target lacks a value or a period',
    });
  }
  ctx.dir = 1;
  const y0 = ctx.y0;
  const yT = ctx.yT;
  const N = yT - y0;
  // Annual falls r (%, positive = fall) chain as 1 − Π(1 − r); in logs, m = −Σ ln(1 − r) adds up.
  const falls = numericPoints(period).map((p) => ({ ...p, value: -p.value }));
  const chain = chainRates(falls, y0);
  const dataYear = Math.max(...chain.covered);
  const elapsed = dataYear - y0;
  const m = chain.years === 0 ? 0 : (-elapsed * chain.log) / chain.years;
  if (chain.years < elapsed)
    note(
      ctx,
      `仅有${chain.covered.join('、')}年降幅，按所给年份平均`,
      `annual falls only for ${chain.covered.join(', ')}; averaged over the years given`,
    );
  const mT = -Math.log1p(-R / 100);
  const C = (1 - Math.exp(-m)) * 100;
  const f = elapsed / N;
  const n = yT - dataYear;
  const cond = targetCondition(ctx, 'reduction', R);
  const increments = chain.annual.map((x) => -x);
  const lastFall = increments[increments.length - 1];
  const endFall = (perYear: number): number => (1 - Math.exp(-(m + n * perYear))) * 100;
  const linear = lastFall === undefined ? null : endFall(lastFall);
  const avgP = elapsed > 0 ? endFall(m / elapsed) : null;
  return judgePath(ctx, r, {
    y0,
    yT,
    dataYear,
    m0: 0,
    m,
    mT,
    baseline: 0,
    baselineSource: 'plan',
    target: R,
    actual: C,
    expected: (1 - Math.exp(-f * mT)) * 100,
    achievedNow: gte(m, mT),
    increments,
    projection: {
      linear: linear === null ? null : round(linear),
      cagr: avgP === null ? null : round(avgP),
      linearMeets: linear === null ? null : gte(linear, R),
      cagrMeets: avgP === null ? null : gte(avgP, R),
    },
    requiredRate:
      n > 0 ? { absolute: null, relative: round((1 - Math.exp(-(mT - m) / n)) * 100), years: n } : null,
    ratio: elapsed > 0 ? m / elapsed / (mT / N) : null,
    actualPhrase: { zh: `较${y0}年累计降低`, en: `cumulative fall since ${y0}` },
    cond,
  });
}

// ---------------------------------------------------------------- condition kinds

function earlyAchievable(ctx: Ctx): boolean {
  return earlyAchievableFor(ctx.spec.kind, ctx.spec.attribute);
}

function evaluateCondition(ctx: Ctx, resolvedTarget: number | null): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const { num, text } = latest(period);
  const q = ctx.spec.target;
  if (q === null) return finish(ctx, r, 'not_assessable', { zh: '缺少目标值', en: 'no target' });
  const all = numericPoints(ctx.actual);
  const baseline = findBaseline(ctx, all);
  const T = resolvedTarget ?? resolveTarget(ctx, baseline?.value ?? null);
  if (ctx.dir === 0 && (ctx.spec.kind === 'level' || ctx.spec.kind === 'share' || ctx.spec.kind === 'floor'))
    ctx.dir = 1;
  const sameAsBaseline =
    T !== null && baseline !== null && baseline.source !== 'first_observation' && T === baseline.value;
  const kind =
    (ctx.spec.kind === 'level' || ctx.spec.kind === 'share') && sameAsBaseline ? 'maintain' : ctx.spec.kind;
  const cond = targetCondition(ctx, kind, T);
  r.target = T === null ? null : round(T);
  if (num === null) {
    return withoutNumber(ctx, r, text);
  }
  if (cond === null)
    return finish(ctx, r, 'not_assessable', {
      zh: `目标“${q.raw}”无法解读为数值条件`,
      en: `the target “${q.raw}” cannot be read as a numeric condition`,
    });
  const A = num.value;
  const met = testCondition(cond, A);
  r.dataYear = num.year;
  r.actual = round(A);
  if (baseline !== null && baseline.year < num.year) {
    r.baseline = round(baseline.value);
    r.baselineYear = baseline.year;
    r.baselineSource = baseline.source;
  }
  if (ctx.y0 !== null && ctx.yT !== null) r.elapsed = round((num.year - ctx.y0) / (ctx.yT - ctx.y0));
  r.comparison = comparisonOf(ctx, cond, met);
  const pts = all
    .filter((p) => baseline === null || p.year >= baseline.year)
    .filter((p) => p.year <= num.year);
  if (baseline !== null && baseline.source === 'plan' && !pts.some((p) => p.year === baseline.year))
    pts.unshift({ year: baseline.year, value: baseline.value, span: 1 });
  const increments = yearlyIncrements(pts);
  const n = ctx.yT === null ? 0 : ctx.yT - num.year;
  r.projection = projectValues(pts[0] ?? null, { year: num.year, value: A }, ctx.yT, cond);
  if (ctx.final || n <= 0)
    r.probability = {
      value: met ? 1 : 0,
      basis: increments.length,
      mean: round(mean(increments), 6),
      sd: increments.length >= 2 ? round(sampleSd(increments), 6) : 0,
    };
  else r.probability = conditionProbability(cond, increments, A, n);
  if (r.probability !== null && !Number.isFinite(r.probability.mean))
    r.probability = { ...r.probability, mean: 0 };
  if (!met && n > 0) {
    const goal = cond.lo !== null && !gte(A, cond.lo) ? cond.lo : cond.hi;
    if (goal !== null)
      r.requiredRate = {
        absolute: round((goal - A) / n),
        relative: A > 0 && goal > 0 ? round(((goal / A) ** (1 / n) - 1) * 100) : null,
        years: n,
      };
  }
  const head = once((): Bilingual => {
    const Au = u(ctx, A);
    return {
      zh: `${num.year}年为${Au.zh}，目标${q.raw}（${ruleOf(cond).zh}）${met ? '已满足' : '未满足'}`,
      en: `${Au.en} in ${num.year} against the target ${q.raw} (${ruleOf(cond).en}): ${met ? 'met' : 'not met'}`,
    };
  });
  if (ctx.final) {
    if (met && kind === 'maintain') {
      const broken = pts
        .filter((p) => (ctx.y0 === null || p.year > ctx.y0) && !testCondition(cond, p.value))
        .map((p) => p.year);
      if (broken.length > 0) {
        return finish(ctx, r, 'not_achieved', () => ({
          zh: `${head().zh}，但${broken.join('、')}年未保持`,
          en: `${head().en}, but it did not hold in ${broken.join(', ')}`,
        }));
      }
    }
    return finish(ctx, r, met ? 'achieved' : 'not_achieved', head);
  }
  if (met) {
    const early = earlyAchievable(ctx) && isComfortable(cond, A);
    const extra: Bilingual = early
      ? {
          zh: `，且超出目标${fmt(ctx.delta * 100)}%以上`,
          en: `, with a margin above ${fmt(ctx.delta * 100)}% of the target`,
        }
      : ctx.spec.attribute === 'binding'
        ? {
            zh: '（约束性指标须逐年保持，不提前认定完成）',
            en: ' (a binding indicator must hold every year, so it is not declared met early)',
          }
        : { zh: '', en: '' };
    return finish(ctx, r, early ? 'achieved' : 'on_track', () => ({
      zh: head().zh + extra.zh,
      en: head().en + extra.en,
    }));
  }
  if (ctx.method === 'trend') {
    const first = pts[0];
    const goal = cond.lo !== null && !gte(A, cond.lo) ? cond.lo : cond.hi;
    if (first === undefined || first.year >= num.year || goal === null || ctx.yT === null) {
      return finish(ctx, r, 'not_assessable', () => ({
        zh: `${head().zh}，趋势法需要至少两个观测值`,
        en: `${head().en}; the trend method needs at least two values`,
      }));
    }
    const span = num.year - first.year;
    const d = goal > A ? 1 : -1;
    let R: number;
    if (first.value > 0 && A > 0 && goal > 0 && goal !== first.value) {
      R =
        (d * ((A / first.value) ** (1 / span) - 1)) /
        Math.abs((goal / first.value) ** (1 / (ctx.yT - first.year)) - 1);
    } else {
      R = (d * (A - first.value)) / span / Math.abs((goal - first.value) / (ctx.yT - first.year) || 1);
    }
    r.ratio = round(R);
    return finish(ctx, r, trendFromRatio(R), () => ({
      zh: `${head().zh}，实际增速为所需增速的${pct(R)}`,
      en: `${head().en}; observed growth is ${pct(R)} of the growth needed`,
    }));
  }
  return finish(ctx, r, 'lagging', head);
}

// ---------------------------------------------------------------- assigned

function evaluateAssigned(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const last = period[period.length - 1];
  if (last === undefined) return finish(ctx, r, 'no_data', noDataWhy(ctx, null));
  r.dataYear = last.year;
  const raw = ctx.spec.target?.raw ?? '完成下达任务';
  if (last.value === null) {
    if (last.text !== null) {
      const c = completionVerdict(ctx, r, last);
      if (c !== null) return c;
    }
    return finish(ctx, r, 'no_data', noDataWhy(ctx, last));
  }
  r.actual = round(last.value);
  const given = ctx.assigned.find((p) => p.year === last.year);
  if (given === undefined || given.value === null) {
    return finish(ctx, r, 'no_data', {
      zh: `${last.year}年实际为${u(ctx, last.value).zh}，但缺少该年下达的目标值（“${raw}”须逐年录入下达值）`,
      en: `${u(ctx, last.value).en} in ${last.year}, but the value assigned for that year is missing (“${raw}” needs the assigned value entered each year)`,
    });
  }
  const S = given.value;
  const dir = ctx.dir === 0 ? 1 : ctx.dir;
  const test = (a: number, s: number): boolean => (dir > 0 ? gte(a, s) : lte(a, s));
  const met = test(last.value, S);
  r.expected = round(S);
  r.target = round(S);
  const rule: Bilingual =
    dir > 0
      ? { zh: `不低于下达值${u(ctx, S).zh}`, en: `at least the assigned ${u(ctx, S).en}` }
      : { zh: `不高于下达值${u(ctx, S).zh}`, en: `at most the assigned ${u(ctx, S).en}` };
  r.comparison = { rule, met };
  const missed: number[] = [];
  for (const p of period) {
    const s = ctx.assigned.find((a) => a.year === p.year);
    if (p.year !== last.year && p.value !== null && s?.value != null && !test(p.value, s.value))
      missed.push(p.year);
  }
  if (missed.length > 0)
    note(
      ctx,
      `${missed.join('、')}年未完成下达任务`,
      `the assigned value was missed in ${missed.join(', ')}`,
    );
  if (ctx.final || ctx.yT === null || last.year >= ctx.yT)
    r.probability = { value: met ? 1 : 0, basis: 0, mean: 0, sd: 0 };
  const head: Bilingual = {
    zh: `${last.year}年实际${u(ctx, last.value).zh}，要求${rule.zh}，${met ? '完成下达任务' : '未完成下达任务'}`,
    en: `${u(ctx, last.value).en} in ${last.year}, required ${rule.en}: ${met ? 'met' : 'missed'}`,
  };
  if (ctx.final) return finish(ctx, r, met ? 'achieved' : 'not_achieved', head);
  return finish(ctx, r, met ? 'on_track' : 'lagging', head);
}

// ---------------------------------------------------------------- relational

function relationHolds(required: Relation, observed: Relation, dir: 1 | -1 | 0): boolean {
  switch (required) {
    case 'above':
      return observed === 'above';
    case 'not_below':
      return observed === 'above' || observed === 'not_below' || observed === 'sync';
    case 'sync':
      if (dir > 0) return observed === 'above' || observed === 'not_below' || observed === 'sync';
      if (dir < 0) return observed === 'below' || observed === 'sync';
      return observed === 'sync';
    case 'below':
      return observed === 'below';
  }
}

function evaluateRelational(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const raw = ctx.spec.target?.raw ?? '';
  const required = parseRelation(raw);
  const relName =
    ctx.options.relatedName ??
    ctx.spec.relatedCode ??
    (/GDP|地区生产总值|经济增长/.test(raw) ? 'GDP增长' : '对比指标');
  if (required === null)
    return finish(ctx, r, 'not_assessable', {
      zh: `目标“${raw}”未说明与其他指标的关系`,
      en: `the target “${raw}” states no relation to another indicator`,
    });
  const tol = ctx.spec.tolerance ?? ctx.options.relationalTolerance ?? DEFAULT_RELATIONAL_TOLERANCE;
  const dir = ctx.dir === 0 ? 1 : ctx.dir;
  const reqL = relationLabel(required);
  const syncNote: Bilingual = {
    zh: `“同步”指两者增幅之差在±${fmt(tol)}个百分点以内`,
    en: `“in step” means the two growth rates differ by at most ${fmt(tol)} points`,
  };
  const rule: Bilingual = (() => {
    switch (required) {
      case 'above':
        return {
          zh: `增幅须高于${relName}（严格大于，不设容差）`,
          en: `growth must be above ${relName} (strictly, no tolerance)`,
        };
      case 'not_below':
        return { zh: `增幅不低于${relName}`, en: `growth not below ${relName}` };
      case 'sync':
        return dir > 0
          ? {
              zh: `增幅不低于${relName}减${fmt(tol)}个百分点（${syncNote.zh}，快于视为满足）`,
              en: `growth at least ${relName} minus ${fmt(tol)} points (${syncNote.en}; faster counts as met)`,
            }
          : {
              zh: `增幅与${relName}之差在±${fmt(tol)}个百分点以内`,
              en: `growth within ±${fmt(tol)} points of ${relName}`,
            };
      case 'below':
        return { zh: `增幅须低于${relName}`, en: `growth must be below ${relName}` };
    }
  })();
  const period = inPeriod(ctx, ctx.actual);
  const last = period[period.length - 1];
  if (last === undefined) return finish(ctx, r, 'no_data', noDataWhy(ctx, null));
  r.dataYear = last.year;
  let met: boolean;
  let head: Bilingual;
  if (last.value === null) {
    const observed = parseRelation(last.text ?? '');
    if (observed === null) {
      const c = last.text !== null ? completionVerdict(ctx, r, last) : null;
      return c ?? finish(ctx, r, 'no_data', noDataWhy(ctx, last));
    }
    r.actualText = last.text;
    met = relationHolds(required, observed, dir);
    const obsL = relationLabel(observed);
    head = {
      zh: `目标为“${raw}”，${last.year}年实际为“${last.text ?? ''}”（${obsL.zh}${relName}）；${required === 'above' && observed === 'sync' ? `${syncNote.zh}，同步不满足“高于”` : rule.zh}`,
      en: `the target is “${raw}” (${reqL.en} ${relName}); ${last.year} reported “${last.text ?? ''}” (${obsL.en} ${relName}); ${required === 'above' && observed === 'sync' ? `${syncNote.en}, and in step is not above` : rule.en}`,
    };
  } else {
    const related = pointsOf(ctx.options.related ?? [], 'actual', ctx.notes).filter(
      (p) => p.year <= ctx.evalYear && (ctx.y0 === null || p.year > ctx.y0),
    );
    const pairs: { year: number; a: number; b: number }[] = [];
    for (const p of period) {
      const q = related.find((x) => x.year === p.year);
      if (p.value !== null && q?.value != null) pairs.push({ year: p.year, a: p.value, b: q.value });
    }
    const lastPair = pairs[pairs.length - 1];
    if (lastPair === undefined || (!ctx.final && lastPair.year !== last.year)) {
      return finish(ctx, r, 'no_data', {
        zh: `${last.year}年实际${u(ctx, last.value).zh}，但缺少${relName}同年数据`,
        en: `${u(ctx, last.value).en} in ${last.year}, but ${relName} has no value for that year`,
      });
    }
    const test = (diff: number): boolean => {
      switch (required) {
        case 'above':
          return diff > 1e-9;
        case 'not_below':
          return gte(diff, 0);
        case 'sync':
          return dir > 0 ? gte(diff, -tol) : dir < 0 ? lte(diff, tol) : gte(diff, -tol) && lte(diff, tol);
        case 'below':
          return diff < -1e-9;
      }
    };
    const yearly = pairs.map((p) => ({ year: p.year, ok: test(p.a - p.b) }));
    const bad = yearly.filter((y) => !y.ok).map((y) => y.year);
    if (ctx.final && pairs.length > 1) {
      const geo = (xs: number[]): number => (Math.exp(mean(xs.map((x) => Math.log1p(x / 100)))) - 1) * 100;
      const a = geo(pairs.map((p) => p.a));
      const b = geo(pairs.map((p) => p.b));
      met = test(a - b);
      r.actual = round(a);
      r.expected = round(b);
      head = {
        zh: `${pairs[0]?.year ?? ''}—${lastPair.year}年平均增长${fmt(a)}%，${relName}平均${fmt(b)}%，${rule.zh}${bad.length > 0 ? `（${bad.join('、')}年未满足）` : ''}`,
        en: `average growth ${fmt(a)}% ${pairs[0]?.year ?? ''}–${lastPair.year} against ${fmt(b)}% for ${relName}; ${rule.en}${bad.length > 0 ? ` (missed in ${bad.join(', ')})` : ''}`,
      };
    } else {
      met = test(lastPair.a - lastPair.b);
      r.actual = round(lastPair.a);
      r.expected = round(lastPair.b);
      head = {
        zh: `${lastPair.year}年增长${fmt(lastPair.a)}%，${relName}${fmt(lastPair.b)}%，${rule.zh}`,
        en: `growth ${fmt(lastPair.a)}% in ${lastPair.year} against ${fmt(lastPair.b)}% for ${relName}; ${rule.en}`,
      };
      if (bad.length > 0 && !bad.includes(lastPair.year))
        note(ctx, `${bad.join('、')}年未满足`, `not met in ${bad.join(', ')}`);
    }
  }
  r.comparison = { rule, met };
  if (ctx.final) {
    r.probability = { value: met ? 1 : 0, basis: 0, mean: 0, sd: 0 };
    return finish(ctx, r, met ? 'achieved' : 'not_achieved', head);
  }
  return finish(ctx, r, met ? 'on_track' : 'lagging', head);
}
