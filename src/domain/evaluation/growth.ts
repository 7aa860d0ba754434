/** Growth targets (年均增长): average annual growth from annual rates or from levels, in compound terms. */
import { annualRateRule, isAnnualRate } from './annual-rate.ts';
import { isComfortable, testCondition } from './condition.ts';
import type { Condition } from './condition.ts';
import type { Ctx } from './context.ts';
import { findBaseline, note, resolveTarget, targetCondition } from './context.ts';
import { finish, NO_TEXT, noDataWhy, openWithLatestNumber } from './explain.ts';
import { evaluateWithoutTarget } from './level.ts';
import { numericPoints, pointAt, pointsFrom } from './observations.ts';
import type { NumericPoint } from './observations.ts';
import { judgePath } from './path.ts';
import { yearlyIncrements } from './projection.ts';
import { projection, requiredRate } from './result-parts.ts';
import { gte, lte, round } from './stats.ts';
import type { Bilingual, IndicatorEvaluation } from './types.ts';

/** The latest year covered (−∞ when none), as Math.max over the sorted list. */
export function lastOf(sorted: readonly number[]): number {
  return sorted.length === 0 ? -Infinity : (sorted[sorted.length - 1] as number);
}

/**
 * Notes that a chain of annual rates covers fewer years than have elapsed, so the average is over the years
 * given; `what` names the rates (增速 / growth rates, 降幅 / annual falls).
 */
export function noteYearsGiven(ctx: Ctx, covered: readonly number[], what: Bilingual): void {
  note(
    ctx,
    `仅有${covered.join('、')}年${what.zh}，按所给年份平均`,
    `${what.en} only for ${covered.join(', ')}; averaged over the years given`,
  );
}

const GROWTH_RATES: Bilingual = { zh: '增速', en: 'growth rates' };

/** Annual growth rates (%) chosen newest first without overlapping spans; returns Σ ln(1+g) and years covered. */
export function chainRates(
  points: readonly NumericPoint[],
  y0: number,
): { log: number; years: number; covered: number[]; annual: number[]; spans: boolean } {
  // Years covered so far; a plan period has a handful, so a list beats a Set.
  const covered: number[] = [];
  let log = 0;
  const annual: number[] = [];
  let spans = false;
  // Points are taken newest first, and a span taken lies wholly before those taken already: covered and
  // annual are built newest first and turned round at the end.
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p === undefined) continue;
    const from = Math.max(y0 + 1, p.year - (p.span ?? 1) + 1);
    let clash = false;
    for (let y = from; y <= p.year; y++) if (covered.includes(y)) clash = true;
    if (clash || from > p.year) continue;
    const span = p.year - from + 1;
    for (let y = p.year; y >= from; y--) covered.push(y);
    log += span * Math.log1p(p.value / 100);
    if (span === 1) annual.push(Math.log1p(p.value / 100));
    else spans = true;
  }
  covered.reverse();
  annual.reverse();
  return { log, years: covered.length, covered, annual, spans };
}

/**
 * An average rate against its target, as time progress reads the way travelled: met, or short of a plain floor
 * (ceiling) by less than δ of it — 基本符合预期, the band time progress gives. A 左右 band has its own width.
 */
function withinDelta(cond: Condition | null, g: number, target: number, delta: number): boolean {
  if (cond === null) return gte(g, target * (1 - delta));
  if (testCondition(cond, g)) return true;
  if (cond.comfortLo !== null && cond.lo !== null) return gte(g, cond.lo - delta * Math.abs(cond.lo));
  if (cond.comfortHi !== null && cond.hi !== null) return lte(g, cond.hi + delta * Math.abs(cond.hi));
  return false;
}

export function evaluateCagr(ctx: Ctx): IndicatorEvaluation {
  const open = openWithLatestNumber(ctx);
  if ('done' in open) return open.done;
  const { r, period, num } = open;
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
  let firstYear = y0 + 1;
  if (basis === 'rates') {
    const chain = chainRates(numericPoints(period), y0);
    if (chain.years === 0) return finish(ctx, r, 'no_data', noDataWhy(ctx, null));
    dataYear = lastOf(chain.covered);
    firstYear = chain.covered[0] ?? firstYear;
    const elapsed = dataYear - y0;
    m = (elapsed * chain.log) / chain.years;
    if (chain.years < elapsed) noteYearsGiven(ctx, chain.covered, GROWTH_RATES);
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
    const pts = pointsFrom(all, y0, num.year, { year: y0, value: baseline.value, span: 1 });
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
  // Average growth over the period if each remaining year adds `extra` to the log measure.
  const linear = lastAnnual === null ? null : (Math.exp((m + n * lastAnnual) / N) - 1) * 100;
  const cagrP = elapsed > 0 ? (Math.exp((m + n * (m / elapsed)) / N) - 1) * 100 : null;
  // 年均增长 read from annual rates, during the period: the average so far against the target, never met early.
  const byAverage =
    !ctx.final && n > 0 && annualRateRule(ctx.options) === 'average' && isAnnualRate(ctx.spec, basis);
  const lastRate = basis === 'rates' ? pointAt(numericPoints(period), dataYear) : undefined;
  const rate = byAverage
    ? {
        firstYear,
        met: withinDelta(cond, gObs, gTarget, ctx.delta),
        holds: cond !== null ? testCondition(cond, gObs) : gte(gObs, gTarget),
        margin: cond !== null && ctx.spec.attribute !== 'binding' && isComfortable(cond, gObs),
        latest: lastRate === undefined || (lastRate.span ?? 1) !== 1 ? null : lastRate.value,
      }
    : null;
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
    achievedNow: rate === null ? achievedNow : false,
    rate,
    increments,
    projection: projection(
      linear === null ? null : round(linear),
      cagrP === null ? null : round(cagrP),
      linear === null || cond === null ? null : testCondition(cond, linear),
      cagrP === null || cond === null ? null : testCondition(cond, cagrP),
    ),
    requiredRate: n > 0 ? requiredRate(null, round((Math.exp((mT - m) / n) - 1) * 100), n) : null,
    ratio: elapsed > 0 && mT !== 0 ? (ctx.dir * (m / elapsed)) / Math.abs(mT / N) : null,
    // Read by the sentence alone: not spelt out without one.
    actualPhrase: ctx.explain
      ? { zh: `（${y0 + 1}年以来）年均增长`, en: `average annual growth since ${y0 + 1}` }
      : NO_TEXT,
    cond,
  });
}
