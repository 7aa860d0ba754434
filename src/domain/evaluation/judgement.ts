/**
 * The two-part judgement evaluation reports make (issue 15 §3): is the indicator where the schedule says it
 * should be (time progress), and will the trend reach the five-year target (projection) — with the cases where
 * the two disagree flagged.
 */
import { DEFAULT_DELTA } from './context.ts';
import { gte } from './stats.ts';
import type { Bilingual, IndicatorEvaluation } from './types.ts';

/** met / missed: the period is over (or the target already met); null: nothing to judge. */
export const SCHEDULE_STATES = ['met', 'ahead', 'on_schedule', 'behind', 'missed'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];
export const TREND_OUTLOOKS = ['reaches', 'misses'] as const;
export type TrendOutlook = (typeof TREND_OUTLOOKS)[number];
/** on_schedule_trend_misses: on (or ahead of) schedule, but the trend misses the target; and the reverse. */
export const DISAGREEMENTS = ['on_schedule_trend_misses', 'behind_trend_reaches'] as const;
export type Disagreement = (typeof DISAGREEMENTS)[number];

export interface TwoPartJudgement {
  schedule: ScheduleState | null;
  trend: TrendOutlook | null;
  disagreement: Disagreement | null;
  /** One sentence on both parts (empty when neither can be judged). */
  text: Bilingual;
}

function scheduleOf(r: IndicatorEvaluation, delta: number): ScheduleState | null {
  switch (r.verdict) {
    case 'achieved':
      return 'met';
    case 'not_achieved':
      return 'missed';
    case 'no_data':
    case 'not_assessable':
      return null;
    case 'ahead':
      return 'ahead';
    case 'lagging':
      return 'behind';
    case 'on_track':
      if (r.method === 'time') return 'on_schedule';
      break;
    case 'acceleration_needed':
    case 'limited_progress':
    case 'deterioration':
      break;
  }
  // Trend method (or a condition judged on_track): time progress from the shares when the kind has a path,
  // else a met condition is on schedule and an unmet one behind.
  if (r.progress !== null && r.elapsed !== null) {
    if (gte(r.progress, r.elapsed + delta)) return 'ahead';
    if (gte(r.progress, r.elapsed - delta)) return 'on_schedule';
    return 'behind';
  }
  if (r.comparison?.met === true) return 'on_schedule';
  if (r.comparison?.met === false) return 'behind';
  return null;
}

/**
 * Where the trend leads at the target year: the probability model when it has at least two yearly changes
 * (reaches when P ≥ 0.5), else the linear projection, else the compound one. Null once the period is over.
 */
function trendOf(r: IndicatorEvaluation, final: boolean): TrendOutlook | null {
  if (final || r.verdict === 'no_data' || r.verdict === 'not_assessable') return null;
  if (r.verdict === 'achieved' && r.probability?.value === 1) return 'reaches';
  const p = r.probability;
  if (p !== null && p.basis >= 2) return p.value >= 0.5 ? 'reaches' : 'misses';
  const meets = r.projection?.linearMeets ?? r.projection?.cagrMeets ?? null;
  return meets === null ? null : meets ? 'reaches' : 'misses';
}

const SCHEDULE_TEXT: Record<ScheduleState, Bilingual> = {
  met: { zh: '已达到目标', en: 'the target is met' },
  ahead: { zh: '进度快于时间进度', en: 'ahead of the schedule' },
  on_schedule: { zh: '进度符合时间进度', en: 'on schedule' },
  behind: { zh: '进度落后于时间进度', en: 'behind the schedule' },
  missed: { zh: '未达到目标', en: 'the target is missed' },
};
const TREND_TEXT: Record<TrendOutlook, Bilingual> = {
  reaches: { zh: '按当前趋势可实现目标', en: 'the trend reaches the target' },
  misses: { zh: '按当前趋势难以实现目标', en: 'the trend misses the target' },
};

/** The label of each part, e.g. for tables that show both parts (the back-test). */
export function scheduleLabel(s: ScheduleState): Bilingual {
  return SCHEDULE_TEXT[s];
}
export function trendLabel(t: TrendOutlook): Bilingual {
  return TREND_TEXT[t];
}

const NONE: Bilingual = Object.freeze({ zh: '', en: '' });
/** Copied for each result, for the reason given in result-parts.ts. */
const EMPTY_JUDGEMENT: TwoPartJudgement = { schedule: null, trend: null, disagreement: null, text: NONE };

export function twoPartJudgement(
  r: IndicatorEvaluation,
  options: { final: boolean; delta?: number; explain?: boolean },
): TwoPartJudgement {
  return judgementOf(r, options.final, options.delta ?? DEFAULT_DELTA, options.explain !== false);
}

/** twoPartJudgement with its settings as arguments (the engine calls it once per indicator). */
export function judgementOf(
  r: IndicatorEvaluation,
  final: boolean,
  delta: number,
  explain: boolean,
): TwoPartJudgement {
  const schedule = scheduleOf(r, delta);
  const trend = trendOf(r, final);
  const disagreement: Disagreement | null =
    (schedule === 'on_schedule' || schedule === 'ahead') && trend === 'misses'
      ? 'on_schedule_trend_misses'
      : schedule === 'behind' && trend === 'reaches'
        ? 'behind_trend_reaches'
        : null;
  if (!explain) {
    const j = { ...EMPTY_JUDGEMENT };
    j.schedule = schedule;
    j.trend = trend;
    j.disagreement = disagreement;
    return j;
  }
  const parts: Bilingual[] = [];
  if (schedule !== null) parts.push(SCHEDULE_TEXT[schedule]);
  if (trend !== null) parts.push(TREND_TEXT[trend]);
  const text: Bilingual = {
    zh: parts.map((p) => p.zh).join(disagreement !== null ? '，但' : '，'),
    en: parts.map((p) => p.en).join(disagreement !== null ? ', but ' : '; '),
  };
  return { schedule, trend, disagreement, text };
}
