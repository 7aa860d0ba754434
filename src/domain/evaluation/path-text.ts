/**
 * The sentence of a path kind's verdict (path.ts), built only when an explanation is wanted: the head with the
 * value, baseline and target, then what the rule that decided the verdict found.
 */
import { ruleOf } from './condition.ts';
import type { Ctx } from './context.ts';
import { rawWithUnit, u } from './explain.ts';
import type { PathModel } from './path.ts';
import { fmt, pct } from './stats.ts';
import type { Bilingual, Verdict } from './types.ts';

/**
 * The rule that decided: met / missed the target, a single value without a baseline, the trend's growth ratio
 * (or none), the average of a yearly rate, or time progress.
 */
export type PathCase = 'met' | 'missed' | 'single' | 'no_ratio' | 'ratio' | 'rate' | 'progress';

const ABOVE: Bilingual = { zh: '高于', en: 'above' };
const CLOSE: Bilingual = { zh: '接近', en: 'close to' };
const BELOW: Bilingual = { zh: '低于', en: 'below' };

function headOf(ctx: Ctx, pm: PathModel): Bilingual {
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
}

function ruleText(pm: PathModel): Bilingual {
  if (pm.cond === null) return { zh: '', en: '' };
  const rule = ruleOf(pm.cond);
  return { zh: `（${rule.zh}）`, en: ` (${rule.en})` };
}

export function pathSentence(
  ctx: Ctx,
  pm: PathModel,
  c: PathCase,
  verdict: Verdict,
  p: number,
  f: number,
): Bilingual {
  const head = headOf(ctx, pm);
  switch (c) {
    case 'met': {
      if (!ctx.final)
        return { zh: `${head.zh}，已提前达到目标`, en: `${head.en}; the target is already met` };
      const rule = ruleText(pm);
      return { zh: `${head.zh}，达到目标${rule.zh}`, en: `${head.en}; target met${rule.en}` };
    }
    case 'missed': {
      const rule = ruleText(pm);
      return { zh: `${head.zh}，未达到目标${rule.zh}`, en: `${head.en}; target not met${rule.en}` };
    }
    case 'single':
      return {
        zh: `${head.zh}，仅有一个观测值且缺少基期值，无法计算进度`,
        en: `${head.en}; a single value and no baseline, so progress cannot be measured`,
      };
    case 'no_ratio':
      return {
        zh: `${head.zh}，无法计算增长率之比`,
        en: `${head.en}; the growth ratio cannot be computed`,
      };
    case 'ratio': {
      const R = pm.ratio as number;
      return {
        zh: `${head.zh}，实际增速为按期实现所需增速的${pct(R)}`,
        en: `${head.en}; observed growth is ${pct(R)} of the growth needed to meet the target on time`,
      };
    }
    case 'rate':
      return rateSentence(ctx, pm, head);
    case 'progress': {
      const rel = verdict === 'ahead' ? ABOVE : verdict === 'on_track' ? CLOSE : BELOW;
      return {
        zh: `${head.zh}，实际进度${pct(p)}，${rel.zh}时间进度${pct(f)}`,
        en: `${head.en}; progress ${pct(p)}, ${rel.en} the ${pct(f)} of time elapsed`,
      };
    }
  }
}

/** A yearly rate judged on the average so far, the latest year beside it. */
function rateSentence(ctx: Ctx, pm: PathModel, head: Bilingual): Bilingual {
  const rate = pm.rate as NonNullable<PathModel['rate']>;
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
    zh: `${head.zh}，按已公布年份的平均增速判断${latest.zh}，${how.zh}`,
    en: `${head.en}; judged on the average of the years reported${latest.en}: ${how.en}`,
  };
}
