import { evaluateIndicator } from './evaluate.ts';
import type { IndicatorSpec } from '../indicator.ts';
import type {
  Bilingual,
  EvaluationObservation,
  IndicatorEvaluation,
  Method,
  PlanEvaluationInput,
  Verdict,
} from './types.ts';
import { VERDICTS } from './types.ts';
import { DISAGREEMENTS, SCHEDULE_STATES, TREND_OUTLOOKS } from './judgement.ts';
import type { Disagreement, ScheduleState, TrendOutlook } from './judgement.ts';

export type VerdictCounts = Record<Verdict, number>;

export interface EvaluationSummary {
  year: number;
  method: Method;
  /** True when the year is the plan's final year (verdicts are achieved / not achieved). */
  final: boolean;
  total: number;
  counts: VerdictCounts;
  binding: { total: number; counts: VerdictCounts };
  sentence: Bilingual;
  bindingSentence: Bilingual | null;
  /** Both parts of the judgement counted: time progress, the trend's outlook, and where they disagree. */
  judgement: JudgementCounts;
}

export interface JudgementCounts {
  schedule: Record<ScheduleState, number>;
  trend: Record<TrendOutlook, number>;
  disagreements: Record<Disagreement, number>;
  sentence: Bilingual;
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  const o = {} as Record<K, number>;
  for (const k of keys) o[k] = 0;
  return o;
}

/**
 * The counts a summary is made of, kept as the indicators are judged: a mass evaluation counts each result
 * while it is at hand instead of walking thousands of results again.
 */
export interface Tally {
  counts: VerdictCounts;
  binding: { total: number; counts: VerdictCounts };
  schedule: Record<ScheduleState, number>;
  trend: Record<TrendOutlook, number>;
  disagreements: Record<Disagreement, number>;
}

export function newTally(): Tally {
  return {
    counts: emptyCounts(),
    binding: { total: 0, counts: emptyCounts() },
    schedule: zero(SCHEDULE_STATES),
    trend: zero(TREND_OUTLOOKS),
    disagreements: zero(DISAGREEMENTS),
  };
}

export function addToTally(t: Tally, r: IndicatorEvaluation): void {
  t.counts[r.verdict] += 1;
  if (r.attribute === 'binding') {
    t.binding.total += 1;
    t.binding.counts[r.verdict] += 1;
  }
  const j = r.judgement;
  if (j === null) return;
  if (j.schedule !== null) t.schedule[j.schedule] += 1;
  if (j.trend !== null) t.trend[j.trend] += 1;
  if (j.disagreement !== null) t.disagreements[j.disagreement] += 1;
}

function tallyOf(results: readonly IndicatorEvaluation[]): Tally {
  const t = newTally();
  for (const r of results) addToTally(t, r);
  return t;
}

/** Counts of both parts; the sentence names the indicators judged on each and the disagreements. */
export function countJudgements(results: readonly IndicatorEvaluation[]): JudgementCounts {
  return judgementCounts(tallyOf(results));
}

function judgementCounts(t: Tally): JudgementCounts {
  const { schedule, trend, disagreements } = t;
  const onTime = schedule.met + schedule.ahead + schedule.on_schedule;
  const a = disagreements.on_schedule_trend_misses;
  const b = disagreements.behind_trend_reaches;
  return {
    schedule,
    trend,
    disagreements,
    sentence: {
      zh: `按时间进度，${onTime}项达到或快于进度、${schedule.behind + schedule.missed}项落后；按当前趋势，${trend.reaches}项可实现目标、${trend.misses}项难以实现；${a}项进度符合但趋势难以实现，${b}项进度落后但趋势可实现。`,
      en: `By time progress, ${onTime} on or ahead of schedule and ${schedule.behind + schedule.missed} behind; by the trend, ${trend.reaches} reaching the target and ${trend.misses} missing it; ${a} on schedule but with a trend that misses, ${b} behind but with a trend that reaches.`,
    },
  };
}

export interface PlanEvaluation {
  year: number;
  method: Method;
  /** Binding (约束性) indicators first, then the rest, each in plan order. */
  indicators: IndicatorEvaluation[];
  summary: EvaluationSummary;
}

export function emptyCounts(): VerdictCounts {
  const c = {} as VerdictCounts;
  for (const v of VERDICTS) c[v] = 0;
  return c;
}

const NONE: readonly EvaluationObservation[] = Object.freeze([]);

/** Evaluate every indicator of a plan; relational targets find their related indicator by relatedCode. */
export function evaluatePlan(input: PlanEvaluationInput): PlanEvaluation {
  const method = input.method ?? 'time';
  const specs = input.indicators;
  // Built only when an indicator compares with another (most plans: a handful; mass evaluation: none).
  let byCode: Map<string, IndicatorSpec> | null = null;
  const nameOf = (code: string): string => {
    byCode ??= new Map(specs.map((i) => [i.code, i]));
    return byCode.get(code)?.name ?? code;
  };
  // One options object for every indicator that compares with no other (a copy per indicator was a sixth of
  // the time of a mass evaluation).
  const unrelated = { ...input.options, related: null, relatedName: null };
  // Binding (约束性) indicators first, then the rest, each in plan order.
  const binding: IndicatorEvaluation[] = [];
  const others: IndicatorEvaluation[] = [];
  const tally = newTally();
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as IndicatorSpec;
    const relatedCode =
      spec.relatedCode ?? (spec.kind === 'relational' ? inferRelatedCode(spec, specs) : null);
    const options =
      relatedCode === null
        ? unrelated
        : {
            ...input.options,
            related: input.observations.get(relatedCode) ?? null,
            relatedName: nameOf(relatedCode),
          };
    const r = evaluateIndicator(spec, input.observations.get(spec.code) ?? NONE, input.year, method, options);
    if (spec.relatedCode === null && relatedCode !== null) {
      r.notes.push({
        zh: `对比指标未指定，按目标文字取“${nameOf(relatedCode)}”`,
        en: `no related indicator given; “${nameOf(relatedCode)}” taken from the target's wording`,
      });
    }
    (r.attribute === 'binding' ? binding : others).push(r);
    addToTally(tally, r);
  }
  const ordered = binding.concat(others);
  const finalYear = input.indicators.reduce<number | null>((m, i) => {
    const t = i.targetYear ?? input.options?.periodEnd ?? null;
    return t === null ? m : m === null ? t : Math.max(m, t);
  }, null);
  const final = finalYear !== null && input.year >= finalYear;
  return {
    year: input.year,
    method,
    indicators: ordered,
    summary: summarize(ordered, input.year, method, final, tally),
  };
}

/**
 * A relational target that names GDP (与GDP增长同步, 高于GDP增幅) but has no relatedCode is compared with the
 * plan's GDP growth indicator (a cagr indicator named 地区生产总值…/GDP…).
 */
export function inferRelatedCode(spec: IndicatorSpec, indicators: readonly IndicatorSpec[]): string | null {
  const raw = `${spec.target?.raw ?? ''}${spec.baseline?.raw ?? ''}`;
  if (!/GDP|地区生产总值|经济增长/.test(raw)) return null;
  const gdp = indicators.find(
    (i) => i.code !== spec.code && i.kind === 'cagr' && /^(地区生产总值|GDP)/.test(i.name),
  );
  return gdp?.code ?? null;
}

function count(results: readonly IndicatorEvaluation[]): VerdictCounts {
  const c = emptyCounts();
  for (const r of results) c[r.verdict] += 1;
  return c;
}

interface Part {
  n: number;
  zh: string;
  en: string;
  always: boolean;
}

function list(parts: Part[]): { zh: string; en: string } {
  const shown = parts.filter((p) => p.always || p.n > 0);
  return {
    zh: shown.map((p) => `${p.n}项${p.zh}`).join('，'),
    en: shown.map((p) => `${p.n} ${p.en}`).join(', '),
  };
}

function partsFor(c: VerdictCounts, method: Method, final: boolean): Part[] {
  if (final) {
    return [
      { n: c.achieved, zh: '已完成', en: 'achieved', always: true },
      {
        n:
          c.not_achieved +
          c.lagging +
          c.on_track +
          c.ahead +
          c.acceleration_needed +
          c.limited_progress +
          c.deterioration,
        zh: '未完成',
        en: 'not achieved',
        always: true,
      },
      { n: c.no_data, zh: '数据暂缺', en: 'without data', always: true },
      { n: c.not_assessable, zh: '无法评估', en: 'not assessable', always: false },
    ];
  }
  switch (method) {
    case 'time':
      return [
        { n: c.achieved, zh: '提前实现', en: 'achieved early', always: true },
        { n: c.ahead, zh: '快于预期', en: 'ahead of schedule', always: true },
        { n: c.on_track, zh: '基本符合预期', en: 'on track', always: true },
        { n: c.lagging, zh: '滞后', en: 'lagging', always: true },
        { n: c.no_data, zh: '数据暂缺', en: 'without data', always: true },
        { n: c.not_achieved, zh: '未完成', en: 'not achieved', always: false },
        { n: c.not_assessable, zh: '无法评估', en: 'not assessable', always: false },
      ];
    case 'trend':
      return [
        { n: c.achieved, zh: '已实现目标', en: 'with the target achieved', always: true },
        { n: c.on_track + c.ahead, zh: '按当前趋势可按期实现', en: 'on track', always: true },
        { n: c.acceleration_needed, zh: '需加快进度', en: 'needing acceleration', always: true },
        { n: c.limited_progress, zh: '进展有限', en: 'with limited progress', always: true },
        { n: c.deterioration, zh: '出现倒退', en: 'deteriorating', always: true },
        { n: c.no_data, zh: '数据暂缺', en: 'without data', always: true },
        { n: c.lagging + c.not_achieved, zh: '未完成', en: 'not achieved', always: false },
        { n: c.not_assessable, zh: '无法评估', en: 'not assessable', always: false },
      ];
  }
}

/** Judged on the latest figure because the final year's is not reported yet (see IndicatorEvaluation.unreportedYear). */
const awaitingFinal = (r: IndicatorEvaluation): boolean =>
  r.unreportedYear !== null && r.verdict !== 'no_data' && r.verdict !== 'not_assessable';

/**
 * The parts of a summary sentence. In the final year the indicators whose final figure is not reported yet are
 * neither 已完成 nor 未完成: they form their own part, with the progress their latest figure shows.
 */
function partsOf(
  results: readonly IndicatorEvaluation[],
  counts: VerdictCounts,
  method: Method,
  final: boolean,
): Part[] {
  const waiting = final ? results.filter(awaitingFinal) : [];
  if (waiting.length === 0) return partsFor(counts, method, final);
  const waitingCounts = count(waiting);
  const rest = emptyCounts();
  for (const v of VERDICTS) rest[v] = counts[v] - waitingCounts[v];
  const year = waiting[0]!.unreportedYear!;
  const progress = list(partsFor(waitingCounts, method, false).filter((p) => p.n > 0));
  const parts = partsFor(rest, method, true);
  const at = parts.findIndex((p) => p.zh === '数据暂缺');
  parts.splice(at < 0 ? parts.length : at, 0, {
    n: waiting.length,
    zh: `${year}年数据尚未报送（按最近一年数据：${progress.zh}）`,
    en: `awaiting the ${year} figure (by the latest figure: ${progress.en})`,
    always: true,
  });
  return parts;
}

/** Counts per verdict and the sentence an evaluation report opens with. */
export function summarize(
  results: readonly IndicatorEvaluation[],
  year: number,
  method: Method,
  final: boolean,
  /** The counts of these results when kept while judging them (evaluatePlan); counted here otherwise. */
  tally: Tally = tallyOf(results),
): EvaluationSummary {
  const { counts } = tally;
  const bindingCounts = tally.binding.counts;
  const bindingTotal = tally.binding.total;
  const all = list(partsOf(results, counts, method, final));
  const sentence = {
    zh: `${results.length}项主要指标中，${all.zh}。`,
    en: `Of ${results.length} main indicators, ${all.en}.`,
  };
  // The binding results themselves are needed only for the final year's indicators still awaiting a figure.
  const bindingResults = final ? results.filter((r) => r.attribute === 'binding') : [];
  const b = list(partsOf(bindingResults, bindingCounts, method, final));
  const bindingSentence =
    bindingTotal === 0
      ? null
      : {
          zh: `其中约束性指标${bindingTotal}项，${b.zh}。`,
          en: `Of the ${bindingTotal} binding indicators, ${b.en}.`,
        };
  return {
    year,
    method,
    final,
    total: results.length,
    counts,
    binding: { total: bindingTotal, counts: bindingCounts },
    sentence,
    bindingSentence,
    judgement: judgementCounts(tally),
  };
}
