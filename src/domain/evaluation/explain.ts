/**
 * Explanation text and result scaffolding: the empty result, numbers with their unit, the verdict sentence
 * (built only when an explanation is wanted) and the verdicts read from a text value (完成 / 未完成).
 */
import { ruleOf } from './condition.ts';
import type { Condition } from './condition.ts';
import type { Ctx } from './context.ts';
import { inPeriod, latestNumber, latestText } from './context.ts';
import { holdsEveryYear } from './kinds.ts';
import type { NumericPoint, Point } from './observations.ts';
import { fmt } from './stats.ts';
import { comparison } from './result-parts.ts';
import { parseCompletion } from './text.ts';
import type { Bilingual, Comparison, IndicatorEvaluation, Verdict } from './types.ts';
import { verdictLabel } from './verdict.ts';

export function u(ctx: Ctx, v: number): Bilingual {
  const n = fmt(v);
  const unit = ctx.unit;
  if (unit === null || unit === '') return { zh: n, en: n };
  if (unit === '%') return { zh: `${n}%`, en: `${n}%` };
  return { zh: `${n}${unit}`, en: `${n} ${unit}` };
}

/** A target as printed in the plan, with the unit when the plan printed a bare number ("6.5" → "6.5%"). */
export function rawWithUnit(ctx: Ctx, raw: string): Bilingual {
  const unit = ctx.unit;
  if (unit === null || unit === '' || !/^\d+(?:\.\d+)?$/.test(raw.trim())) return { zh: raw, en: raw };
  const n = raw.trim();
  return unit === '%' ? { zh: `${n}%`, en: `${n}%` } : { zh: `${n}${unit}`, en: `${n} ${unit}` };
}

/**
 * The fields of a result in their order, copied for each result. A copy (object spread) rather than an object
 * literal: V8 watches every literal site and, when most objects made there outlive a scavenge — as a plan's
 * results do until the plan is judged — allocates all later ones straight in the old generation, which then
 * fills with the results of every region judged and forces full collections (a third of the time of a mass
 * evaluation). Copies are not watched.
 */
const EMPTY_RESULT: IndicatorEvaluation = {
  code: '',
  name: '',
  unit: null,
  kind: 'level',
  attribute: 'expected',
  direction: 'none',
  method: 'time',
  verdict: 'not_assessable',
  year: 0,
  dataYear: null,
  baseline: null,
  baselineYear: null,
  baselineSource: 'none',
  target: null,
  targetRaw: null,
  targetYear: null,
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
  judgement: null,
  growth: null,
  unreportedYear: null,
  explanation: { zh: '', en: '' },
  notes: [],
};

export function base(ctx: Ctx): IndicatorEvaluation {
  const s = ctx.spec;
  const r: IndicatorEvaluation = { ...EMPTY_RESULT };
  r.code = s.code;
  r.name = s.name;
  r.unit = s.unit;
  r.kind = s.kind;
  r.attribute = s.attribute;
  r.direction = s.direction;
  r.method = ctx.method;
  r.year = ctx.year;
  r.baselineYear = ctx.y0;
  r.targetRaw = s.target?.raw ?? null;
  r.targetYear = ctx.yT;
  r.explanation = NO_TEXT;
  r.notes = ctx.notes;
  return r;
}

// Never changed (only copied), and not frozen: slice() of a frozen array takes V8's slow path, ten times slower
// than of a plain one — it was 4 % of a mass evaluation.
const NO_NOTES: readonly Bilingual[] = [];

/** A result's own list of notes, empty (a copy of an empty list, for the reason given at EMPTY_RESULT). */
export function newNotes(): Bilingual[] {
  return NO_NOTES.slice();
}

export const NO_TEXT: Bilingual = Object.freeze({ zh: '', en: '' });

export function once<T>(f: () => T): () => T {
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

const EMPTY_TEXT = (): Bilingual => NO_TEXT;

/** A sentence part built at most once, and never when no explanation is wanted (mass evaluation). */
export function lazyText(ctx: Ctx, f: () => Bilingual): () => Bilingual {
  return ctx.explain ? once(f) : EMPTY_TEXT;
}

export function comparisonOf(ctx: Ctx, cond: Condition, met: boolean): Comparison {
  return comparison(ctx.explain ? ruleOf(cond) : NO_TEXT, met);
}

export function finish(
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

export function unavailable(
  ctx: Ctx,
  verdict: 'no_data' | 'not_assessable',
  why: Bilingual,
  partial?: Partial<IndicatorEvaluation>,
): IndicatorEvaluation {
  const r = base(ctx);
  if (partial !== undefined) Object.assign(r, partial);
  return finish(ctx, r, verdict, why);
}

export function noDataWhy(ctx: Ctx, text: Point | null): Bilingual {
  if (text?.text != null) {
    return {
      zh: `${text.year}年实际值为“${text.text}”，无可用数值`,
      en: `the ${text.year} value reads “${text.text}”, no usable number`,
    };
  }
  return { zh: `${ctx.evalYear}年及以前没有实际值`, en: `no actual value up to ${ctx.evalYear}` };
}

/** No numeric value to judge: a completion text (完成 / 未完成) decides, otherwise the data is missing. */
export function withoutNumber(ctx: Ctx, r: IndicatorEvaluation, text: Point | null): IndicatorEvaluation {
  const completed = text === null ? null : completionVerdict(ctx, r, text);
  return completed ?? finish(ctx, r, 'no_data', noDataWhy(ctx, text));
}

/** The plan period's points and its latest number, or the finished result where no number was reported. */
export type NumberOpening =
  | { readonly r: IndicatorEvaluation; readonly period: readonly Point[]; readonly num: NumericPoint }
  | { readonly done: IndicatorEvaluation };

/** How the kinds judged on the latest value start: without a number, a completion text or 无数据 decides. */
export function openWithLatestNumber(ctx: Ctx): NumberOpening {
  const r = base(ctx);
  const period = inPeriod(ctx, ctx.actual);
  const num = latestNumber(period);
  return num === null ? { done: withoutNumber(ctx, r, latestText(period)) } : { r, period, num };
}

export function completionVerdict(ctx: Ctx, r: IndicatorEvaluation, text: Point): IndicatorEvaluation | null {
  const done = parseCompletion(text.text ?? '');
  if (done === null) return null;
  r.dataYear = text.year;
  r.actualText = text.text;
  r.comparison = comparison(
    { zh: `目标“${ctx.spec.target?.raw ?? ''}”`, en: `target “${ctx.spec.target?.raw ?? ''}”` },
    done,
  );
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
