/** The report's indicator section: the table of all indicators, explanations by category, trend charts. */
import { drawsStraightPath, straightPathValue } from '../domain/evaluation/kinds.ts';
import type { IndicatorEvaluation } from '../domain/evaluation/types.ts';
import { isBehind, isUnjudged } from '../domain/evaluation/verdict.ts';
import { num, pct } from './format.ts';
import {
  attributeCell,
  caption,
  codedTable,
  columns,
  explanationLines,
  h1,
  h2,
  nameWithUnit,
  para,
  str,
  valueCells,
  verdictCell,
  type Ctx,
} from './model.context.ts';
import { annualPlanPart } from './model.annual.ts';
import { finalIndicatorParts } from './model.final.ts';
import { judgementPart } from './model.judgement.ts';
import type { ChartBlock, ReportInput } from './types.ts';

export function indicators(ctx: Ctx, n: number): void {
  const { input, s, lang } = ctx;
  const ev = input.evaluation;
  const meta = new Map(input.indicators.map((m) => [m.code, m]));
  h1(ctx, n, s.sections.indicators);
  para(ctx, s.indicatorsIntro(ev.indicators.length, ev.summary.binding.total, ev.method));
  const cols = [...s.indicatorColumns];
  if (ev.method === 'trend') {
    cols[6] = s.indicatorColumnsTrend[0];
    cols[7] = s.indicatorColumnsTrend[1];
  }
  codedTable(
    ctx,
    {
      id: 'indicators',
      caption: s.indicatorTableCaption(ctx.year),
      columns: columns(cols, [
        11,
        25,
        [7.5, 'center'],
        [9, 'right'],
        [9.5, 'right'],
        [10, 'right'],
        [7, 'right'],
        [7, 'right'],
        [14, 'center'],
      ]),
    },
    ev.indicators,
    (i) => [
      str(meta.get(i.code)?.category ?? '—'),
      str(nameWithUnit(i, lang)),
      attributeCell(ctx, i),
      ...valueCells(ctx, i, meta.get(i.code)?.baselineRaw),
      { text: pct(i.elapsed), value: i.elapsed },
      ev.method === 'trend'
        ? { text: num(i.ratio), value: i.ratio }
        : { text: pct(i.progress), value: i.progress },
      verdictCell(ctx, i.verdict),
    ],
  );

  // The year's annual targets against its results, when the annual plan set any.
  let sub = annualPlanPart(ctx, 1) ? 1 : 0;

  // Explanations by category, in plan order within each category.
  h2(ctx, ++sub, s.explanations);
  const categories: string[] = [];
  for (const i of ev.indicators) {
    const c = meta.get(i.code)?.category ?? s.uncategorised;
    if (!categories.includes(c)) categories.push(c);
  }
  const ordered = [...ev.indicators].sort(
    (a, b) => (planOrder(input, a.code) ?? 0) - (planOrder(input, b.code) ?? 0),
  );
  // Indicators without data are listed once, together, after the categories.
  const judged = ordered.filter((i) => !isUnjudged(i.verdict));
  for (const c of categories) {
    const items = judged.filter((i) => (meta.get(i.code)?.category ?? s.uncategorised) === c);
    if (items.length === 0) continue;
    ctx.blocks.push({ type: 'paragraph', text: c, style: 'body' });
    ctx.blocks.push({ type: 'bullets', items: explanationLines(ctx, items) });
  }
  const unjudged = ordered.filter((i) => isUnjudged(i.verdict));
  if (unjudged.length > 0) {
    ctx.blocks.push({ type: 'paragraph', text: s.unjudgedGroup, style: 'body' });
    ctx.blocks.push({ type: 'bullets', items: explanationLines(ctx, unjudged) });
  }

  h2(ctx, sub + 1, s.laggingTrends);
  const concern = ev.indicators.filter((i) => isBehind(i.verdict));
  if (concern.length === 0) para(ctx, s.noLagging);
  for (const i of concern) {
    const chart = trendChart(ctx, i);
    if (chart !== null) ctx.blocks.push(chart);
  }
  if (ctx.final) finalIndicatorParts(ctx, sub + 2);
  judgementPart(ctx, ctx.final ? sub + 4 : sub + 2);
}

function planOrder(input: ReportInput, code: string): number | null {
  const k = input.indicators.findIndex((m) => m.code === code);
  return k < 0 ? null : k;
}

function trendChart(ctx: Ctx, i: IndicatorEvaluation): ChartBlock | null {
  const { input, s } = ctx;
  const obs = (input.observations.get(i.code) ?? []).filter(
    (o) => o.kind === 'actual' && o.value !== null && o.year <= ctx.year,
  );
  if (obs.length === 0) return null;
  const start = i.baselineYear ?? input.plan.periodStart - 1;
  const end = i.targetYear ?? input.plan.periodEnd;
  const years: number[] = [];
  for (let y = Math.min(start, ...obs.map((o) => o.year)); y <= end; y++) years.push(y);
  const byYear = new Map<number, number>();
  for (const o of obs) if (o.value !== null) byYear.set(o.year, o.value);
  const actual = years.map((y) =>
    y === start && i.baseline !== null && !byYear.has(y) ? i.baseline : (byYear.get(y) ?? null),
  );
  // The target path: linear from baseline to target for level-type kinds; the target as a line otherwise.
  const path = years.map((y) => {
    if (i.target === null) return null;
    if (i.baseline === null || !drawsStraightPath(i.kind)) return i.target;
    const v = straightPathValue(
      i.kind,
      { year: start, value: i.baseline },
      { year: end, value: i.target },
      y,
    );
    return v === null ? null : Math.round(v * 1e4) / 1e4;
  });
  return {
    type: 'chart',
    id: `trend-${i.code}`,
    caption: caption(ctx, 'chart', s.trendCaption(i.name, i.unit)),
    spec: {
      kind: 'trend',
      title: '',
      unit: i.unit,
      years,
      actual,
      path,
      target: i.target,
      labels: s.trendLabels,
    },
    width: 760,
    height: 300,
  };
}
