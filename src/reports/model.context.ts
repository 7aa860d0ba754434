/** What every section builder of the report model shares: the input, the words, and the numbering. */
import type { IndicatorEvaluation, Verdict } from '../domain/evaluation/types.ts';
import { isUnjudged, verdictLabel, verdictTone } from '../domain/evaluation/verdict.ts';
import { num } from './format.ts';
import type { Strings } from './i18n.ts';
import type { Block, Cell, ReportInput, TableBlock } from './types.ts';

export interface Ctx {
  input: ReportInput;
  s: Strings;
  lang: 'zh' | 'en';
  final: boolean;
  year: number;
  blocks: Block[];
  tableNo: number;
  chartNo: number;
}

export const str = (s: string): Cell => ({ text: s });
export const numCell = (v: number | null, text?: string): Cell => ({ text: text ?? num(v), value: v });

export function label(ctx: Ctx, v: Verdict): string {
  return verdictLabel(v, ctx.final)[ctx.lang];
}

/** The verdict in words, in its colour and bold, as the indicator tables show it. */
export function verdictCell(ctx: Ctx, v: Verdict): Cell {
  return { text: label(ctx, v), tone: verdictTone(v), bold: true };
}

/** 约束性 or 预期性. */
export function attributeCell(ctx: Ctx, i: IndicatorEvaluation): Cell {
  return str(i.attribute === 'binding' ? ctx.s.binding : ctx.s.expected);
}

/**
 * An indicator's baseline, target and current value as the tables print them: the number where the value is one
 * (the target only when the plan printed it as that number), else the plan's own text.
 */
export function valueCells(ctx: Ctx, i: IndicatorEvaluation, baselineRaw: string | null | undefined): Cell[] {
  const baseline = i.baseline !== null ? num(i.baseline) : (baselineRaw ?? '—');
  const current = currentText(i, ctx.year);
  return [
    i.baseline !== null ? numCell(i.baseline, baseline) : str(baseline),
    i.target !== null && i.targetRaw === num(i.target) ? numCell(i.target) : str(i.targetRaw ?? '—'),
    i.actual !== null ? numCell(i.actual, current) : str(current),
  ];
}

type Column = TableBlock['columns'][number];

/** A table's columns: the titles as the words give them, each with its width, or its width and alignment. */
export function columns(
  titles: readonly (string | undefined)[],
  layout: readonly (number | readonly [number, NonNullable<Column['align']>])[],
): Column[] {
  return layout.map((l, k) =>
    typeof l === 'number'
      ? { title: titles[k] ?? '', width: l }
      : { title: titles[k] ?? '', width: l[0], align: l[1] },
  );
}

/** Adds a table of one row an item (an indicator, or a row about one), keyed by the indicator codes. */
export function codedTable<T extends { code: string }>(
  ctx: Ctx,
  table: { id: string; caption: string; columns: Column[] },
  items: readonly T[],
  row: (item: T, k: number) => Cell[],
): void {
  ctx.blocks.push({
    type: 'table',
    id: table.id,
    caption: caption(ctx, 'table', table.caption),
    columns: table.columns,
    rows: items.map(row),
    rowKeys: items.map((i) => i.code),
  });
}

export function h1(ctx: Ctx, n: number, title: string): void {
  ctx.blocks.push({ type: 'heading', level: 1, text: ctx.s.h1(n, title) });
}

export function h2(ctx: Ctx, n: number, title: string): void {
  ctx.blocks.push({ type: 'heading', level: 2, text: ctx.s.h2(n, title) });
}

export function para(ctx: Ctx, text: string, style: 'body' | 'note' = 'body'): void {
  if (text !== '') ctx.blocks.push({ type: 'paragraph', text, style });
}

export function caption(ctx: Ctx, kind: 'table' | 'chart', text: string): string {
  if (kind === 'table') ctx.tableNo += 1;
  else ctx.chartNo += 1;
  const n = kind === 'table' ? ctx.tableNo : ctx.chartNo;
  if (ctx.lang === 'zh') return `${kind === 'table' ? '表' : '图'}${n}\u3000${text}`;
  return `${kind === 'table' ? 'Table' : 'Figure'} ${n}. ${text}`;
}

export function nameWithUnit(i: IndicatorEvaluation, lang: 'zh' | 'en'): string {
  if (i.unit === null || i.unit === '') return i.name;
  return lang === 'zh' ? `${i.name}（${i.unit}）` : `${i.name} (${i.unit})`;
}

export function currentText(i: IndicatorEvaluation, year: number): string {
  const v = i.actual !== null ? num(i.actual) : (i.actualText ?? '—');
  return i.dataYear !== null && i.dataYear !== year && v !== '—' ? `${v}（${i.dataYear}）` : v;
}

/** The target for a sentence: as printed, with the unit when the plan printed a bare number. */
export function targetText(i: IndicatorEvaluation, lang: 'zh' | 'en'): string {
  const raw = i.targetRaw ?? (i.target !== null ? num(i.target) : null);
  if (raw === null) return '—';
  if (i.unit === null || i.unit === '' || !/^\d+(?:\.\d+)?$/.test(raw.trim())) return raw;
  return i.unit === '%' || lang === 'zh' ? `${raw.trim()}${i.unit}` : `${raw.trim()} ${i.unit}`;
}

/**
 * Explanations as bullet lines, one an indicator — but the indicators without data share one line per
 * explanation (法治建设满意度、… （3项）：2023年及以前没有实际值…), so no sentence repeats.
 */
export function explanationLines(ctx: Ctx, list: readonly IndicatorEvaluation[]): string[] {
  const sep = ctx.lang === 'zh' ? '：' : ': ';
  const out: string[] = [];
  const grouped = new Map<string, string[]>();
  for (const i of list) {
    const text = i.explanation[ctx.lang];
    if (!isUnjudged(i.verdict)) {
      out.push(`${i.name}${sep}${text}`);
      continue;
    }
    const names = grouped.get(text);
    if (names === undefined) grouped.set(text, [i.name]);
    else names.push(i.name);
  }
  for (const [text, names] of grouped) out.push(`${ctx.s.nameList(names)}${sep}${text}`);
  return out;
}

export function pctNum(p: number | null): string {
  return p === null ? '—' : `${num(p, 1)}%`;
}

export function maxDataYear(list: readonly IndicatorEvaluation[]): number | null {
  return list.reduce<number | null>(
    (m, i) => (i.dataYear === null ? m : m === null ? i.dataYear : Math.max(m, i.dataYear)),
    null,
  );
}

export function elapsedShare(input: ReportInput, year: number): number {
  const span = input.plan.periodEnd - input.plan.periodStart + 1;
  return Math.min(1, Math.max(0, (year - input.plan.periodStart + 1) / span));
}
