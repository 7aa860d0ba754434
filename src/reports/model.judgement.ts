/**
 * The two-part judgement and growth views in a report (issue 15 §3): for every indicator where it stands against
 * the schedule and whether its trend reaches the target, with the disagreements flagged; for growth targets the
 * annual rates, the latest and the 两年平均增长.
 */
import type { Disagreement, ScheduleState, TrendOutlook } from '../domain/evaluation/judgement.ts';
import type { IndicatorEvaluation } from '../domain/evaluation/types.ts';
import { num } from './format.ts';
import { codedTable, columns, h2, nameWithUnit, para, str, type Ctx } from './model.context.ts';

const WORDS = {
  zh: {
    title: '两段式判断与增速',
    caption: '主要指标两段式判断（时间进度与趋势）',
    columns: ['指标', '时间进度', '趋势判断', '两者是否一致'],
    schedule: {
      met: '已实现',
      ahead: '快于进度',
      on_schedule: '符合进度',
      behind: '滞后于进度',
      missed: '未实现',
    } satisfies Record<ScheduleState, string>,
    trend: { reaches: '趋势可达目标', misses: '趋势难达目标' } satisfies Record<TrendOutlook, string>,
    disagreement: {
      on_schedule_trend_misses: '不一致：进度正常但趋势难达目标',
      behind_trend_reaches: '不一致：进度滞后但趋势可达目标',
    } satisfies Record<Disagreement, string>,
    agree: '一致',
    growthCaption: '增长类指标逐年增速与两年平均增长',
    growthColumns: ['指标', '逐年增速', '最新增速', '两年平均增长'],
    growthNote:
      '两年平均增长为相邻两年增速的几何平均（含基期年），用于消除基数效应（如2020年后的恢复性增长）。',
    year: (y: number) => `${y}年`,
    sep: '；',
  },
  en: {
    title: 'Two-part judgement and growth',
    caption: 'Main indicators: time progress and trend judged together',
    columns: ['Indicator', 'Time progress', 'Trend', 'Do they agree'],
    schedule: {
      met: 'met',
      ahead: 'ahead of schedule',
      on_schedule: 'on schedule',
      behind: 'behind schedule',
      missed: 'missed',
    } satisfies Record<ScheduleState, string>,
    trend: { reaches: 'trend reaches the target', misses: 'trend misses the target' } satisfies Record<
      TrendOutlook,
      string
    >,
    disagreement: {
      on_schedule_trend_misses: 'no: on schedule, but the trend misses the target',
      behind_trend_reaches: 'no: behind schedule, but the trend reaches the target',
    } satisfies Record<Disagreement, string>,
    agree: 'yes',
    growthCaption: 'Growth indicators: annual rates and two-year averages',
    growthColumns: ['Indicator', 'Annual rates', 'Latest', 'Two-year average'],
    growthNote:
      'The two-year average is the geometric mean of two consecutive annual rates (the baseline year included), which evens out base effects such as the recovery after 2020.',
    year: (y: number) => String(y),
    sep: '; ',
  },
} as const;

const rate = (r: { year: number; rate: number }, w: (typeof WORDS)['zh' | 'en']) =>
  `${w.year(r.year)} ${num(r.rate)}%`;

/** Indicators whose judgement has at least one part. */
export function judged(ev: readonly IndicatorEvaluation[]): IndicatorEvaluation[] {
  return ev.filter((i) => i.judgement && (i.judgement.schedule !== null || i.judgement.trend !== null));
}

/** A level-2 part of the indicator section: the two-part judgement table and the growth table. */
export function judgementPart(ctx: Ctx, sub: number): void {
  const { input, lang } = ctx;
  const w = WORDS[lang];
  const ev = input.evaluation;
  const rows = judged(ev.indicators);
  if (rows.length === 0) return;
  h2(ctx, sub, w.title);
  para(ctx, ev.summary.judgement?.sentence[lang] ?? '');
  codedTable(
    ctx,
    {
      id: 'judgement',
      caption: w.caption,
      columns: columns(w.columns, [34, [18, 'center'], [20, 'center'], 28]),
    },
    rows,
    (i) => {
      const j = i.judgement!;
      return [
        str(nameWithUnit(i, lang)),
        str(j.schedule ? w.schedule[j.schedule] : '—'),
        str(j.trend ? w.trend[j.trend] : '—'),
        j.disagreement
          ? { text: w.disagreement[j.disagreement], tone: 'yellow', bold: true }
          : str(j.schedule && j.trend ? w.agree : '—'),
      ];
    },
  );

  const growth = ev.indicators.filter((i) => i.growth && i.growth.annual.length > 0);
  if (growth.length === 0) return;
  codedTable(
    ctx,
    {
      id: 'growth',
      caption: w.growthCaption,
      columns: columns(w.growthColumns, [26, 34, [14, 'right'], 26]),
    },
    growth,
    (i) => {
      const g = i.growth!;
      return [
        str(nameWithUnit(i, lang)),
        str(g.annual.map((r) => rate(r, w)).join(w.sep)),
        g.latest ? { text: `${num(g.latest.rate)}%`, value: g.latest.rate } : str('—'),
        str(g.twoYearAverage.length > 0 ? g.twoYearAverage.map((r) => rate(r, w)).join(w.sep) : '—'),
      ];
    },
  );
  para(ctx, w.growthNote, 'note');
}
