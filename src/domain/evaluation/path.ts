/**
 * The verdict of every kind with a baseline-to-target path (kinds.ts says which): each family reduces its
 * values to an additive measure m on the way from m0 to mT, and time progress compares the share travelled
 * with the share of time elapsed.
 */
import { ruleOf } from './condition.ts';
import type { Condition } from './condition.ts';
import type { Ctx } from './context.ts';
import { comparisonOf, finish, lazyText, rawWithUnit, u } from './explain.ts';
import { pAbove, pBelow, probabilityOf, trendFromRatio } from './projection.ts';
import { fmt, gte, mean, pct, round, sampleSd } from './stats.ts';
import type { Bilingual, IndicatorEvaluation, Projection, RequiredRate } from './types.ts';

/** A kind with a path, reduced to an additive measure m that moves from m0 to mT over [y0, yT]. */
export interface PathModel {
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
  /**
   * A target on a yearly rate judged on the average so far (annual-rate.ts): met or not, beaten by a margin
   * beyond δ (快于预期), and the latest year's rate shown beside the average; null = time progress.
   */
  rate?: {
    firstYear: number;
    /** Met, or short of it by less than δ (基本符合预期). */
    met: boolean;
    /** The target's condition holds on the average. */
    holds: boolean;
    margin: boolean;
    latest: number | null;
  } | null;
  increments: number[];
  projection: Projection | null;
  requiredRate: RequiredRate | null;
  /** Trend method: R = d·observed/|required| rate. */
  ratio: number | null;
  /** What "actual" means in sentences, e.g. "年均增长" for cagr. */
  actualPhrase: Bilingual;
  cond: Condition | null;
}

const ABOVE: Bilingual = { zh: '高于', en: 'above' };
const CLOSE: Bilingual = { zh: '接近', en: 'close to' };
const BELOW: Bilingual = { zh: '低于', en: 'below' };

export function judgePath(ctx: Ctx, r: IndicatorEvaluation, pm: PathModel): IndicatorEvaluation {
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

  const head = lazyText(ctx, (): Bilingual => {
    const A = u(ctx, pm.actual);
    const T = u(ctx, pm.target);
    const bz = pm.baseline === null ? '' : `${pm.y0}年基期${u(ctx, pm.baseline).zh}，`;
    const be = pm.baseline === null ? '' : `baseline ${u(ctx, pm.baseline).en} in ${pm.y0}, `;
    const printed = ctx.spec.target?.raw;
    const raw = printed === undefined ? undefined : rawWithUnit(ctx, printed);
    return {
      zh: `${pm.dataYear}年${pm.actualPhrase.zh}${A.zh}（${bz}${pm.yT}年目标${raw?.zh ?? T.zh}）`,
      en: `${pm.actualPhrase.en} ${A.en} in ${pm.dataYear} (${be}target ${raw?.en ?? T.en} by ${pm.yT})`,
    };
  });
  const rule = lazyText(ctx, (): Bilingual =>
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
  const rate = pm.rate ?? null;
  if (rate !== null) {
    const cmp = rate.met ? (rate.margin ? 'ahead' : 'on_track') : 'lagging';
    return finish(ctx, r, cmp, () => {
      const latest =
        rate.latest === null || rate.firstYear >= pm.dataYear
          ? { zh: '', en: '' }
          : {
              zh: `（其中${pm.dataYear}年${u(ctx, rate.latest).zh}）`,
              en: ` (${u(ctx, rate.latest).en} in ${pm.dataYear})`,
            };
      const how = !rate.met
        ? { zh: '低于目标', en: 'below the target' }
        : rate.margin
          ? {
              zh: `超出目标${fmt(ctx.delta * 100)}%以上（年均目标须逐年保持，不提前认定完成）`,
              en: `beyond the target by more than ${fmt(ctx.delta * 100)}% (an average rate must hold every year, so it is not declared met early)`,
            }
          : rate.holds
            ? { zh: '达到目标', en: 'meets the target' }
            : {
                zh: `略低于目标（差距在目标的${fmt(ctx.delta * 100)}%以内）`,
                en: `slightly below the target (within ${fmt(ctx.delta * 100)}% of it)`,
              };
      return {
        zh: `${head().zh}，按已公布年份的平均增速判断${latest.zh}，${how.zh}`,
        en: `${head().en}; judged on the average of the years reported${latest.en}: ${how.en}`,
      };
    });
  }
  const cmp = gte(p, f + ctx.delta) ? 'ahead' : gte(p, f - ctx.delta) ? 'on_track' : 'lagging';
  return finish(ctx, r, cmp, () => {
    const rel = cmp === 'ahead' ? ABOVE : cmp === 'on_track' ? CLOSE : BELOW;
    return {
      zh: `${head().zh}，实际进度${pct(p)}，${rel.zh}时间进度${pct(f)}`,
      en: `${head().en}; progress ${pct(p)}, ${rel.en} the ${pct(f)} of time elapsed`,
    };
  });
}
