/** Path kinds whose measure is the value itself: level, share, floor (and running totals). */
import { testCondition } from './condition.ts';
import { evaluateCondition } from './condition-kinds.ts';
import type { Baseline, Ctx } from './context.ts';
import {
  findBaseline,
  inPeriod,
  latestNumber,
  latestText,
  note,
  resolveTarget,
  targetCondition,
} from './context.ts';
import { base, finish, u, withoutNumber } from './explain.ts';
import { numericPoints } from './observations.ts';
import { judgePath } from './path.ts';
import { incrementsBetween, projectValues, trendFromGrowth } from './projection.ts';
import { requiredRate } from './result-parts.ts';
import { fmt, round } from './stats.ts';
import type { Bilingual, IndicatorEvaluation } from './types.ts';

const VALUE_PHRASE: Bilingual = { zh: '为', en: 'value' };

export function evaluateLevel(ctx: Ctx): IndicatorEvaluation {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const all = numericPoints(ctx.actual);
  const num = latestNumber(period);
  const baseline = findBaseline(ctx, all);
  const T = resolveTarget(ctx, baseline?.value ?? null);
  if (num === null) {
    return withoutNumber(ctx, r, latestText(period));
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
    increments: incrementsBetween(all, y0, num.year, baseline.source === 'plan' ? B : null),
    projection: projectValues({ year: y0, value: B }, { year: num.year, value: A }, yT, cond),
    requiredRate:
      n > 0
        ? requiredRate(round((T - A) / n), A > 0 && T > 0 ? round(((T / A) ** (1 / n) - 1) * 100) : null, n)
        : null,
    ratio,
    actualPhrase: VALUE_PHRASE,
    cond,
  });
}

/** Without a numeric target the trend method still reads the direction of travel (Open SDG thresholds). */
export function evaluateWithoutTarget(
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
