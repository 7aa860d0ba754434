/**
 * What only a final evaluation (总结评估) shows (issue 15 §4): 已完成 / 未完成 per indicator with the reason, binding
 * indicators first; the trend each indicator leaves for the next plan; and the 附表 in the outline's own table
 * layout (baseline, target, result, 属性, 完成情况) with the source of each value.
 */
import type { IndicatorEvaluation } from '../domain/evaluation/types.ts';
import { num } from './format.ts';
import { describeProvenance } from '../domain/provenance.ts';
import {
  attributeCell,
  codedTable,
  columns,
  h2,
  nameWithUnit,
  numCell,
  para,
  str,
  valueCells,
  verdictCell,
  type Ctx,
} from './model.context.ts';

const WORDS = {
  zh: {
    results: '期末指标完成情况及原因',
    resultsCaption: '主要指标期末完成情况（约束性指标在前）',
    resultsColumns: ['序号', '指标', '属性', '完成情况', '原因'],
    resultsIntro: (done: number, total: number, bindingDone: number, binding: number) =>
      `${total}项主要指标中，已完成${done}项；约束性指标${binding}项，已完成${bindingDone}项。`,
    trend: (next: string) => `留给${next}的指标趋势`,
    trendCaption: (year: number) => `各项指标期内趋势及延续至${year}年的推算`,
    trendColumns: (year: number) => ['指标', '最新值', '期内年均变化', `按此趋势${year}年`],
    trendNote:
      '年均变化按期内首尾两个数值计算：单位为%的指标按百分点线性计，其余按复合增速计；增速类指标取期内各年增速的平均。推算仅供编制下一规划参考，不作预测。',
    perYearPoints: (v: string) => `${v}个百分点/年`,
    perYearGrowth: (v: string) => `${v}%/年`,
    average: (v: string) => `年均${v}`,
    annex: '附表',
    annexCaption: (plan: string) => `${plan}主要指标完成情况表`,
    annexColumns: (b: number | string, e: number) => [
      '类别',
      '序号',
      '指标',
      `${b}年完成值`,
      `${e}年目标值`,
      `${e}年完成值`,
      '指标属性',
      '完成情况',
      '数据来源',
    ],
    planSource: '规划纲要',
    noSource: '—',
  },
  en: {
    results: 'Results at the end of the period, with reasons',
    resultsCaption: 'Main indicators at the end of the period (binding first)',
    resultsColumns: ['No.', 'Indicator', 'Type', 'Result', 'Reason'],
    resultsIntro: (done: number, total: number, bindingDone: number, binding: number) =>
      `Of ${total} main indicators, ${done} were achieved; of ${binding} binding indicators, ${bindingDone}.`,
    trend: (next: string) => `Trends left for ${next}`,
    trendCaption: (year: number) => `Each indicator's trend over the period, carried on to ${year}`,
    trendColumns: (year: number) => ['Indicator', 'Latest', 'Average change a year', `${year} on this trend`],
    trendNote:
      'The average change uses the first and last values of the period: linear in points for % indicators, compound otherwise; for growth-rate indicators the average of the annual rates. For planning reference, not a forecast.',
    perYearPoints: (v: string) => `${v} points a year`,
    perYearGrowth: (v: string) => `${v}% a year`,
    average: (v: string) => `average ${v}`,
    annex: 'Annex table',
    annexCaption: (plan: string) => `${plan}: main indicators, results`,
    annexColumns: (b: number | string, e: number) => [
      'Category',
      'No.',
      'Indicator',
      `${b} value`,
      `${e} target`,
      `${e} value`,
      'Type',
      'Result',
      'Sources',
    ],
    planSource: 'the plan outline',
    noSource: '—',
  },
} as const;

/** The row number printed in the outline's table: T2-05 → 5; else the position in the report. */
function rowNo(code: string, k: number): string {
  const m = /-(\d+)$/.exec(code);
  return m ? String(Number(m[1])) : String(k + 1);
}

const isRate = (i: IndicatorEvaluation) => i.kind === 'cagr' || /增速|增长率|增幅|growth/i.test(i.name);

/** The trend an indicator leaves: latest value, the average change a year, and that change carried on. */
export function leftTrend(
  i: IndicatorEvaluation,
  points: readonly { year: number; value: number }[],
  toYear: number,
): {
  latest: { year: number; value: number } | null;
  change: number | null;
  mode: 'points' | 'growth' | 'average';
  projected: number | null;
} {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const last = sorted.at(-1) ?? null;
  if (!last) return { latest: null, change: null, mode: 'points', projected: null };
  if (isRate(i)) {
    const inPeriod = sorted.filter((p) => p.year > (i.baselineYear ?? -Infinity));
    const list = inPeriod.length > 0 ? inPeriod : sorted;
    const avg = list.reduce((a, p) => a + p.value, 0) / list.length;
    return { latest: last, change: round(avg), mode: 'average', projected: round(avg) };
  }
  const first = sorted[0]!;
  const years = last.year - first.year;
  if (years <= 0) return { latest: last, change: null, mode: 'points', projected: null };
  const ahead = toYear - last.year;
  if (i.unit === '%' || first.value <= 0 || last.value <= 0) {
    const step = (last.value - first.value) / years;
    return { latest: last, change: round(step), mode: 'points', projected: round(last.value + step * ahead) };
  }
  const rate = (last.value / first.value) ** (1 / years) - 1;
  return {
    latest: last,
    change: round(rate * 100),
    mode: 'growth',
    projected: round(last.value * (1 + rate) ** ahead),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The values of an indicator the trend reads: the baseline, then the approved annual values up to the year. */
function pointsOf(ctx: Ctx, i: IndicatorEvaluation): { year: number; value: number }[] {
  const out = new Map<number, number>();
  if (i.baseline !== null && i.baselineYear !== null) out.set(i.baselineYear, i.baseline);
  for (const o of ctx.input.observations.get(i.code) ?? [])
    if (o.kind === 'actual' && o.value !== null && o.year <= ctx.year) out.set(o.year, o.value);
  return [...out].map(([year, value]) => ({ year, value }));
}

/** Final reports: results with reasons and the trends for the next plan, as level-2 parts of the indicator section. */
export function finalIndicatorParts(ctx: Ctx, firstSub: number): void {
  const { input, lang } = ctx;
  const w = WORDS[lang];
  const ev = input.evaluation;
  const ordered = [...ev.indicators].sort(
    (a, b) => (a.attribute === 'binding' ? 0 : 1) - (b.attribute === 'binding' ? 0 : 1),
  );
  h2(ctx, firstSub, w.results);
  const done = ev.indicators.filter((i) => i.verdict === 'achieved');
  const binding = ev.indicators.filter((i) => i.attribute === 'binding');
  para(
    ctx,
    w.resultsIntro(
      done.length,
      ev.indicators.length,
      binding.filter((i) => i.verdict === 'achieved').length,
      binding.length,
    ),
  );
  codedTable(
    ctx,
    {
      id: 'final-results',
      caption: w.resultsCaption,
      columns: columns(w.resultsColumns, [[7, 'center'], 25, [9, 'center'], [10, 'center'], 49]),
    },
    ordered,
    (i, k) => [
      str(String(k + 1)),
      str(nameWithUnit(i, lang)),
      attributeCell(ctx, i),
      verdictCell(ctx, i.verdict),
      str(i.explanation[lang]),
    ],
  );

  const nextEnd = input.plan.periodEnd + (input.plan.periodEnd - input.plan.periodStart + 1);
  const nextName =
    lang === 'zh'
      ? `下一规划期（${input.plan.periodEnd + 1}—${nextEnd}年）`
      : `the next plan (${input.plan.periodEnd + 1}–${nextEnd})`;
  h2(ctx, firstSub + 1, w.trend(nextName));
  const cols = w.trendColumns(nextEnd);
  codedTable(
    ctx,
    {
      id: 'next-plan-trends',
      caption: w.trendCaption(nextEnd),
      columns: columns(cols, [40, [20, 'right'], [22, 'right'], [18, 'right']]),
    },
    ev.indicators,
    (i) => {
      const t = leftTrend(i, pointsOf(ctx, i), nextEnd);
      const change =
        t.change === null
          ? '—'
          : t.mode === 'average'
            ? w.average(`${num(t.change)}${i.unit === '%' ? '%' : ''}`)
            : t.mode === 'growth'
              ? w.perYearGrowth(num(t.change))
              : i.unit === '%'
                ? w.perYearPoints(num(t.change))
                : `${num(t.change)}/${lang === 'zh' ? '年' : 'year'}`;
      return [
        str(nameWithUnit(i, lang)),
        t.latest
          ? numCell(t.latest.value, `${num(t.latest.value)}（${t.latest.year}）`)
          : str(i.actualText ?? '—'),
        { text: change, value: t.change },
        t.projected === null ? str('—') : numCell(t.projected),
      ];
    },
  );
  para(ctx, w.trendNote, 'note');
}

/** Final reports: the 附表, laid out as the outline's own indicator table, each value with its source. */
export function annexTable(ctx: Ctx, sub: number): void {
  const { input, lang } = ctx;
  const w = WORDS[lang];
  const ev = input.evaluation;
  const meta = new Map(input.indicators.map((m) => [m.code, m]));
  h2(ctx, sub, w.annex);
  const baseYears = [...new Set(ev.indicators.map((i) => i.baselineYear).filter((y) => y !== null))];
  const baseYear = baseYears.length === 1 ? baseYears[0]! : input.plan.periodStart - 1;
  const cols = w.annexColumns(baseYear, ctx.year);
  const sourceOf = (code: string, year: number | null) => {
    const p = year === null ? undefined : input.sources?.get(`${code}@${year}`);
    return p === undefined ? null : describeProvenance(p, lang);
  };
  codedTable(
    ctx,
    {
      id: 'annex-indicators',
      caption: w.annexCaption(input.plan.shortTitle ?? input.plan.title),
      columns: columns(cols, [
        10,
        [5, 'center'],
        22,
        [9, 'right'],
        [9, 'right'],
        [9, 'right'],
        [7, 'center'],
        [8, 'center'],
        21,
      ]),
    },
    ev.indicators,
    (i, k) => {
      const m = meta.get(i.code);
      const actualSource = i.dataYear === null ? null : sourceOf(i.code, i.dataYear);
      const baseSource =
        i.baselineSource === 'plan' || i.baselineSource === 'none'
          ? w.planSource
          : (sourceOf(i.code, i.baselineYear) ?? w.planSource);
      const sources = [
        `${cols[3] ?? ''}：${baseSource}`,
        `${cols[5] ?? ''}：${i.dataYear === null ? w.noSource : `${actualSource ?? w.noSource}${i.dataYear !== ctx.year ? `（${i.dataYear}）` : ''}`}`,
      ].join('；');
      return [
        str(m?.category ?? '—'),
        str(rowNo(i.code, k)),
        str(nameWithUnit(i, lang)),
        ...valueCells(ctx, i, m?.baselineRaw),
        attributeCell(ctx, i),
        verdictCell(ctx, i.verdict),
        str(sources),
      ];
    },
  );
}
