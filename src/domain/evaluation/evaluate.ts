/**
 * The evaluation engine's entry point: prepare the inputs, then hand the indicator to its kind family
 * (kinds.ts says which family a kind belongs to).
 */
import type { IndicatorSpec } from '../indicator.ts';
import { evaluateCondition } from './condition-kinds.ts';
import { inPeriod, note, prepare } from './context.ts';
import type { Ctx } from './context.ts';
import { evaluateCumulative, evaluateReduction } from './cumulative.ts';
import { unavailable } from './explain.ts';
import { evaluateCagr } from './growth.ts';
import { kindFamily } from './kinds.ts';
import { growthView } from './growth-view.ts';
import { judgementOf } from './judgement.ts';
import { evaluateLevel } from './level.ts';
import { evaluateAssigned, evaluateRelational } from './relational.ts';
import type { EvaluationObservation, EvaluationOptions, IndicatorEvaluation, Method } from './types.ts';

export { DEFAULT_DELTA, DEFAULT_ABOUT_SHARE, DEFAULT_RELATIONAL_TOLERANCE } from './context.ts';

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
  const ctx = prepare(spec, observations, year, method, options);
  // The final year asked for but not reported yet: judge the progress the latest figure shows (as the year
  // before would), and say which year's figure is still missing — not 未完成 on last year's data.
  const unreported = ctx.final ? unreportedFinalYear(ctx) : null;
  if (unreported !== null) ctx.final = false;
  const r = judgeByFamily(ctx);
  if (unreported !== null) awaitingFinalFigure(ctx, r, unreported);
  r.judgement = judgementOf(r, ctx.final, ctx.delta, ctx.explain);
  if (kindFamily(spec.kind) === 'growth') r.growth = growthView(ctx);
  return r;
}

/** The target year when the evaluation is final but its figure is not in yet (and earlier ones are), else null. */
function unreportedFinalYear(ctx: Ctx): number | null {
  const yT = ctx.yT;
  if (yT === null) return null;
  const reported = (p: { year: number; value: number | null; text: string | null }) =>
    p.value !== null || (p.text !== null && p.text.trim() !== '');
  const period = inPeriod(ctx, ctx.actual).filter(reported);
  if (period.length === 0 || period.some((p) => p.year >= yT)) return null;
  return yT;
}

function awaitingFinalFigure(ctx: Ctx, r: IndicatorEvaluation, year: number): void {
  r.unreportedYear = year;
  if (r.verdict === 'no_data' || r.verdict === 'not_assessable' || !ctx.explain) return;
  const from = r.dataYear === null ? '' : `${r.dataYear}`;
  r.explanation = {
    zh: `${year}年数据尚未报送，按${from}年数据判断进度：${r.explanation.zh}`,
    en: `The ${year} figure is not reported yet; progress judged on the ${from} figure: ${r.explanation.en}`,
  };
}

function judgeByFamily(ctx: Ctx): IndicatorEvaluation {
  const { y0, yT, year, spec } = ctx;
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
  switch (kindFamily(spec.kind)) {
    case 'value':
      return evaluateLevel(ctx);
    case 'sum':
      return evaluateCumulative(ctx);
    case 'growth':
      return evaluateCagr(ctx);
    case 'fall':
      return evaluateReduction(ctx);
    case 'condition':
      return evaluateCondition(ctx, null);
    case 'assigned':
      return evaluateAssigned(ctx);
    case 'relational':
      return evaluateRelational(ctx);
  }
}
