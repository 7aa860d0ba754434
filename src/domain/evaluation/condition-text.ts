/**
 * The sentence of a condition kind's verdict (condition-kinds.ts), built only when an explanation is wanted:
 * the value (or the average of a yearly rate) against the target's rule, then why the verdict follows.
 */
import { ruleOf } from './condition.ts';
import type { Condition } from './condition.ts';
import type { Ctx } from './context.ts';
import { rawWithUnit, u } from './explain.ts';
import { fmt, pct } from './stats.ts';
import type { Bilingual } from './types.ts';

/** What the sentence states: the latest value A in `year`, the average since `first` when judged on it. */
export interface ConditionFacts {
  A: number;
  raw: string;
  cond: Condition;
  met: boolean;
  avg: number | null;
  first: number;
  year: number;
}

/**
 * plain: the head alone; broken: met at the end but not kept in some years (maintain); average_margin: a
 * yearly rate beaten on average by a margin; margin: met early with a margin; binding: met, not declared
 * early; few: the trend method without two values; ratio: the trend's growth ratio.
 */
export type ConditionCase = 'plain' | 'broken' | 'average_margin' | 'margin' | 'binding' | 'few' | 'ratio';

function headOf(ctx: Ctx, t: ConditionFacts): Bilingual {
  const Au = u(ctx, t.A);
  const Tu = rawWithUnit(ctx, t.raw);
  const rule = ruleOf(t.cond);
  if (t.avg !== null) {
    const Mu = u(ctx, t.avg);
    return {
      zh: `${t.first}—${t.year}年平均为${Mu.zh}（${t.year}年为${Au.zh}），目标${Tu.zh}（${rule.zh}）${t.met ? '已满足' : '未满足'}`,
      en: `the ${t.first}–${t.year} average is ${Mu.en} (${Au.en} in ${t.year}) against the target ${Tu.en} (${rule.en}): ${t.met ? 'met' : 'not met'}`,
    };
  }
  return {
    zh: `${t.year}年为${Au.zh}，目标${Tu.zh}（${rule.zh}）${t.met ? '已满足' : '未满足'}`,
    en: `${Au.en} in ${t.year} against the target ${Tu.en} (${rule.en}): ${t.met ? 'met' : 'not met'}`,
  };
}

export function conditionSentence(
  ctx: Ctx,
  t: ConditionFacts,
  c: ConditionCase,
  broken: readonly number[] = [],
  R = NaN,
): Bilingual {
  const head = headOf(ctx, t);
  switch (c) {
    case 'plain':
      return head;
    case 'broken':
      return {
        zh: `${head.zh}，但${broken.join('、')}年未保持`,
        en: `${head.en}, but it did not hold in ${broken.join(', ')}`,
      };
    case 'average_margin':
      return {
        zh: `${head.zh}，且优于目标${fmt(ctx.delta * 100)}%以上（须逐年保持，不提前认定完成）`,
        en: `${head.en}, with a margin beyond ${fmt(ctx.delta * 100)}% of the target (it must hold every year, so it is not declared met early)`,
      };
    case 'margin':
      return {
        zh: `${head.zh}，且超出目标${fmt(ctx.delta * 100)}%以上`,
        en: `${head.en}, with a margin above ${fmt(ctx.delta * 100)}% of the target`,
      };
    case 'binding':
      return {
        zh: `${head.zh}（约束性指标须逐年保持，不提前认定完成）`,
        en: `${head.en} (a binding indicator must hold every year, so it is not declared met early)`,
      };
    case 'few':
      return {
        zh: `${head.zh}，趋势法需要至少两个观测值`,
        en: `${head.en}; the trend method needs at least two values`,
      };
    case 'ratio':
      return {
        zh: `${head.zh}，实际增速为所需增速的${pct(R)}`,
        en: `${head.en}; observed growth is ${pct(R)} of the growth needed`,
      };
  }
}
