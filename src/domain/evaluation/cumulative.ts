/** Five-year totals (累计) and compound reductions (累计降低): sums of flows and chains of annual falls. */
import { testCondition } from './condition.ts';
import type { Ctx } from './context.ts';
import { inPeriod, latestText, note, resolveTarget, targetCondition } from './context.ts';
import { base, finish, NO_TEXT, openWithLatestNumber, withoutNumber } from './explain.ts';
import { chainRates, lastOf, noteYearsGiven } from './growth.ts';
import { evaluateLevel } from './level.ts';
import { numericPoints } from './observations.ts';
import type { NumericPoint } from './observations.ts';
import { judgePath } from './path.ts';
import { projection, requiredRate } from './result-parts.ts';
import { gte, round } from './stats.ts';
import type { Bilingual, IndicatorEvaluation } from './types.ts';

const SUM_PHRASE: Bilingual = { zh: '累计', en: 'cumulative total' };
const FALLS: Bilingual = { zh: '降幅', en: 'annual falls' };

export function evaluateCumulative(ctx: Ctx): IndicatorEvaluation {
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
    return withoutNumber(ctx, r, latestText(inPeriod(ctx, ctx.actual)));
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
  // Flows ascend, one a year: walk them beside the years.
  for (let y = y0 + 1, k = 0; y <= last.year; y++) {
    while (k < flows.length && (flows[k] as NumericPoint).year < y) k++;
    if (k >= flows.length || (flows[k] as NumericPoint).year !== y) missing.push(y);
  }
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
    projection: projection(
      round(linear),
      cagrProj === null ? null : round(cagrProj),
      cond !== null ? testCondition(cond, linear) : null,
      cagrProj === null || cond === null ? null : testCondition(cond, cagrProj),
    ),
    requiredRate: n > 0 ? requiredRate(round((T - sum) / n), null, n) : null,
    ratio: avg / (T / (yT - y0)),
    actualPhrase: SUM_PHRASE,
    cond,
  });
}

export function evaluateReduction(ctx: Ctx): IndicatorEvaluation {
  const open = openWithLatestNumber(ctx);
  if ('done' in open) return open.done;
  const { r, period } = open;
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
  const falls = numericPoints(period).map(negated);
  const chain = chainRates(falls, y0);
  const dataYear = lastOf(chain.covered);
  const elapsed = dataYear - y0;
  const m = chain.years === 0 ? 0 : (-elapsed * chain.log) / chain.years;
  if (chain.years < elapsed) noteYearsGiven(ctx, chain.covered, FALLS);
  const mT = -Math.log1p(-R / 100);
  const C = (1 - Math.exp(-m)) * 100;
  const f = elapsed / N;
  const n = yT - dataYear;
  const cond = targetCondition(ctx, 'reduction', R);
  const increments = chain.annual.map((x) => -x);
  const lastFall = increments[increments.length - 1];
  // The cumulative fall at the target year if each remaining year falls as the last one, or as the average.
  const linear = lastFall === undefined ? null : (1 - Math.exp(-(m + n * lastFall))) * 100;
  const avgP = elapsed > 0 ? (1 - Math.exp(-(m + n * (m / elapsed)))) * 100 : null;
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
    projection: projection(
      linear === null ? null : round(linear),
      avgP === null ? null : round(avgP),
      linear === null ? null : gte(linear, R),
      avgP === null ? null : gte(avgP, R),
    ),
    requiredRate: n > 0 ? requiredRate(null, round((1 - Math.exp(-(mT - m) / n)) * 100), n) : null,
    ratio: elapsed > 0 ? m / elapsed / (mT / N) : null,
    // Read by the sentence alone: not spelt out without one.
    actualPhrase: ctx.explain ? { zh: `较${y0}年累计降低`, en: `cumulative fall since ${y0}` } : NO_TEXT,
    cond,
  });
}

/** A fall read as a negative rise (same year and span). */
function negated(p: NumericPoint): NumericPoint {
  return { year: p.year, value: -p.value, span: p.span };
}
