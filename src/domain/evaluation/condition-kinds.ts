/** Condition kinds: ceiling, maintain, about, range, and path kinds that have no path — a test on the latest value. */
import { annualRateRule, averageOf, isAnnualRate } from './annual-rate.ts';
import { isComfortable, testCondition } from './condition.ts';
import type { Condition } from './condition.ts';
import { conditionSentence } from './condition-text.ts';
import type { ConditionFacts } from './condition-text.ts';
import type { Ctx } from './context.ts';
import {
  findBaseline,
  inPeriod,
  latestNumber,
  latestText,
  note,
  resolveTarget,
  targetCondition,
} from './context.ts';
import { base, comparisonOf, finish, NO_TEXT, withoutNumber } from './explain.ts';
import { earlyAchievable as earlyAchievableFor } from './kinds.ts';
import { numericPoints, pointsFrom } from './observations.ts';
import type { NumericPoint } from './observations.ts';
import { conditionProbability, projectValues, trendFromRatio, yearlyIncrements } from './projection.ts';
import { probability, requiredRate } from './result-parts.ts';
import { gte, mean, round, sampleSd } from './stats.ts';
import type { IndicatorEvaluation } from './types.ts';

/** Not judged on the average of yearly rates (shared, never changed). */
const NO_YEARS: readonly NumericPoint[] = [];

function earlyAchievable(ctx: Ctx): boolean {
  return earlyAchievableFor(ctx.spec.kind, ctx.spec.attribute);
}

export function evaluateCondition(ctx: Ctx, resolvedTarget: number | null): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const num = latestNumber(period);
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
    return withoutNumber(ctx, r, latestText(period));
  }
  if (cond === null)
    return finish(ctx, r, 'not_assessable', {
      zh: `目标“${q.raw}”无法解读为数值条件`,
      en: `the target “${q.raw}” cannot be read as a numeric condition`,
    });
  const A = num.value;
  // A ceiling on a yearly rate (失业率 < 5.5) is judged on the average of the years reported, not one year.
  const yearly =
    kind === 'ceiling' && annualRateRule(ctx.options) === 'average' && isAnnualRate(ctx.spec, null)
      ? numericPoints(period)
      : NO_YEARS;
  const avg = yearly.length > 1 ? averageOf(yearly.map((p) => p.value)) : null;
  const judged = avg ?? A;
  const met = testCondition(cond, judged);
  r.dataYear = num.year;
  r.actual = round(judged);
  if (avg !== null) {
    const over = yearsFailing(yearly, cond, -Infinity);
    if (over.length > 0)
      note(
        ctx,
        `${over.join('、')}年当年未满足目标，按已公布年份的平均值判断`,
        `the target was not met in ${over.join(', ')} alone; judged on the average of the years reported`,
      );
  }
  if (baseline !== null && baseline.year < num.year) {
    r.baseline = round(baseline.value);
    r.baselineYear = baseline.year;
    r.baselineSource = baseline.source;
  }
  if (ctx.y0 !== null && ctx.yT !== null) r.elapsed = round((num.year - ctx.y0) / (ctx.yT - ctx.y0));
  r.comparison = comparisonOf(ctx, cond, met);
  const pts = pointsFrom(
    all,
    baseline === null ? -Infinity : baseline.year,
    num.year,
    baseline !== null && baseline.source === 'plan'
      ? { year: baseline.year, value: baseline.value, span: 1 }
      : null,
  );
  const increments = yearlyIncrements(pts);
  const n = ctx.yT === null ? 0 : ctx.yT - num.year;
  r.projection = projectValues(pts[0] ?? null, { year: num.year, value: A }, ctx.yT, cond);
  if (ctx.final || n <= 0)
    r.probability = probability(
      met ? 1 : 0,
      increments.length,
      round(mean(increments), 6),
      increments.length >= 2 ? round(sampleSd(increments), 6) : 0,
    );
  else r.probability = conditionProbability(cond, increments, A, n);
  // Made for this result alone (result-parts.ts), so set in place.
  if (r.probability !== null && !Number.isFinite(r.probability.mean)) r.probability.mean = 0;
  if (!met && n > 0) {
    const goal = cond.lo !== null && !gte(A, cond.lo) ? cond.lo : cond.hi;
    if (goal !== null)
      r.requiredRate = requiredRate(
        round((goal - A) / n),
        A > 0 && goal > 0 ? round(((goal / A) ** (1 / n) - 1) * 100) : null,
        n,
      );
  }
  // What the sentences state: made only when they are built.
  const t: ConditionFacts | null = ctx.explain
    ? { A, raw: q.raw, cond, met, avg, first: yearly[0]?.year ?? num.year, year: num.year }
    : null;
  if (ctx.final) {
    if (met && kind === 'maintain') {
      const broken = yearsFailing(pts, cond, ctx.y0 ?? -Infinity);
      if (broken.length > 0)
        return finish(
          ctx,
          r,
          'not_achieved',
          t === null ? NO_TEXT : conditionSentence(ctx, t, 'broken', broken),
        );
    }
    return finish(
      ctx,
      r,
      met ? 'achieved' : 'not_achieved',
      t === null ? NO_TEXT : conditionSentence(ctx, t, 'plain'),
    );
  }
  if (met && avg !== null) {
    // A yearly rate must hold every year: a margin beyond δ is 快于预期, never 提前实现 (binding: no margin credit).
    const ahead = ctx.spec.attribute !== 'binding' && isComfortable(cond, avg);
    return finish(
      ctx,
      r,
      ahead ? 'ahead' : 'on_track',
      t === null ? NO_TEXT : conditionSentence(ctx, t, ahead ? 'average_margin' : 'plain'),
    );
  }
  if (met) {
    const early = earlyAchievable(ctx) && isComfortable(cond, A);
    const how = early ? 'margin' : ctx.spec.attribute === 'binding' ? 'binding' : 'plain';
    return finish(
      ctx,
      r,
      early ? 'achieved' : 'on_track',
      t === null ? NO_TEXT : conditionSentence(ctx, t, how),
    );
  }
  if (ctx.method === 'trend') {
    const first = pts[0];
    const goal = cond.lo !== null && !gte(A, cond.lo) ? cond.lo : cond.hi;
    if (first === undefined || first.year >= num.year || goal === null || ctx.yT === null) {
      return finish(ctx, r, 'not_assessable', t === null ? NO_TEXT : conditionSentence(ctx, t, 'few'));
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
    return finish(
      ctx,
      r,
      trendFromRatio(R),
      t === null ? NO_TEXT : conditionSentence(ctx, t, 'ratio', [], R),
    );
  }
  return finish(ctx, r, 'lagging', t === null ? NO_TEXT : conditionSentence(ctx, t, 'plain'));
}

/** Years whose value fails the condition, after the year given. */
function yearsFailing(points: readonly NumericPoint[], cond: Condition, after: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as NumericPoint;
    if (p.year > after && !testCondition(cond, p.value)) out.push(p.year);
  }
  return out;
}
