import type { Attribute } from '../domain/indicator.ts';
import type { Quantity } from '../domain/quantity.ts';
import { inferKind } from './kind-inference.ts';
import { periodOfPlanNumber, planNumberOf } from './meta.ts';
import { parseNumeral } from '../domain/numerals.ts';
import { compact, squash } from './patterns.ts';
import type { ImportWarning, PlanTable, PlanTableRow } from './plan-document.ts';
import { parseQuantity } from '../domain/quantity-parser.ts';

export interface RawTable {
  number: number;
  caption: string;
  rows: string[][];
  rowSources: string[];
  nodeId: string;
  source: string;
  /** The table's own 注 lines. */
  notes?: string[];
}

type ColumnRole = PlanTable['columns'][number]['role'];
interface Column {
  header: string;
  role: ColumnRole;
  year: number | null;
  /** For value columns before roles are settled; 'year' is a bare year heading (2020年). */
  stated: 'target' | 'result' | 'baseline' | 'year' | null;
}

function classifyHeader(h: string): Column {
  const header = compact(h);
  const yearMatch = /(19|20)\d\d/.exec(header);
  const year = yearMatch ? Number(yearMatch[0]) : null;
  if (/属性/.test(header)) return { header, role: 'attribute', year: null, stated: null };
  if (/类别|领域|分类|类型/.test(header)) return { header, role: 'category', year: null, stated: null };
  if (/序号|编号/.test(header)) return { header, role: 'number', year: null, stated: null };
  if (/^单位$|^计量单位$/.test(header)) return { header, role: 'unit', year: null, stated: null };
  // 完成情况: a status text of the previous plan (完成 / 未完成), never a value.
  if (/完成情况|完成状态|是否完成/.test(header)) return { header, role: 'status', year, stated: null };
  if (/基期|基数|基准/.test(header)) return { header, role: 'baseline', year, stated: 'baseline' };
  // 年均/累计, 年均增长, 五年累计: where the national layout puts growth and five-year targets.
  if (/^(?:年均|累计|年均增长|年均增速|五年累计)|^年均\/累计|^\[?年均/.test(header) && year === null)
    return { header, role: 'growth', year: null, stated: null };
  if (/目标|预期值|规划值|^20\d\d年?预期$|规划$/.test(header) && !/预计/.test(header))
    return { header, role: 'target', year, stated: 'target' };
  if (/完成|实际|现状|实现|预计/.test(header)) return { header, role: 'actual', year, stated: 'result' };
  if (/指标|名称|项目/.test(header)) return { header, role: 'name', year: null, stated: null };
  // A bare year (2020年 | 2025年): decided against the plan period once the table's period is known.
  if (year !== null && /^(?:19|20)\d\d年?(?:[（(][^）)]*[）)])?$/.test(header))
    return { header, role: 'other', year, stated: 'year' };
  return { header, role: 'other', year, stated: null };
}

/** "1." / "1、" / "（1）" at the start of an indicator name: the row number. */
const ROW_NUMBER_RE = /^(?:(\d{1,3})\s*[.．、]\s*(?!\d)|[（(](\d{1,3})[）)]\s*)(.+)$/;

const UNIT_TAIL_RE = /^(.*\S)\s*[（(]([^（）()]{1,12})[）)]\s*$/;

/** "地区生产总值年均增速（%）" → name + unit; a trailing bracket that is not a unit stays in the name. */
export function splitUnit(raw: string): { name: string; unit: string | null } {
  const s = squash(raw);
  const m = UNIT_TAIL_RE.exec(s);
  if (!m) return { name: s, unit: null };
  const unit = (m[2] ?? '').trim();
  if (/[和及、，]|以上|以下/.test(unit) || unit.length === 0) return { name: s, unit: null };
  return { name: (m[1] ?? s).trim(), unit };
}

function attributeOf(cell: string): Attribute | null {
  if (/约束/.test(cell)) return 'binding';
  if (/预期/.test(cell)) return 'expected';
  return null;
}

/**
 * Reads an indicator table: which column is what, and — from the header years and the plan period —
 * whether a "完成值" column is this plan's baseline or the previous plan's result.
 */
export function interpretTable(
  raw: RawTable,
  planPeriod: { start: number; end: number },
  warnings: ImportWarning[],
): PlanTable | null {
  const [headerRow, ...body] = raw.rows;
  if (!headerRow || headerRow.length < 2) {
    warnings.push({ source: raw.source, message: `table ${raw.number} has no header row` });
    return null;
  }
  const columns = headerRow.map(classifyHeader);
  const nameIdx = columns.findIndex((c) => c.role === 'name');
  if (nameIdx < 0) {
    warnings.push({
      source: raw.source,
      message: `table ${raw.number}: no indicator-name column (指标) in the header`,
    });
    return null;
  }
  const captionPlan = planNumberOf(raw.caption);
  let period = planPeriod;
  if (captionPlan !== null) period = periodOfPlanNumber(captionPlan);
  // Bare years: the period's last year is the target; an earlier year is the baseline or a result.
  for (const c of columns) {
    if (c.stated !== 'year' || c.year === null) continue;
    if (c.year === period.end) {
      c.role = 'target';
      c.stated = 'target';
    } else {
      c.stated = 'result';
    }
  }
  const targetCol = columns.find((c) => c.stated === 'target');
  if (captionPlan === null && targetCol?.year != null && targetCol.year < planPeriod.start)
    period = { start: targetCol.year - 4, end: targetCol.year };
  const targetYear = targetCol ? (targetCol.year ?? period.end) : null;

  let baselineYear: number | null = null;
  let actualYear: number | null = null;
  for (const c of columns) {
    if (c.stated === 'result') {
      const y = c.year ?? period.start - 1;
      // A result dated before the table's period is its baseline; within it, an actual.
      if (y < period.start) {
        c.role = 'baseline';
        baselineYear = y;
      } else {
        c.role = 'actual';
        actualYear = y;
      }
    } else if (c.stated === 'baseline') {
      baselineYear = c.year ?? period.start - 1;
    }
  }
  const role: PlanTable['role'] =
    period.start === planPeriod.start && period.end === planPeriod.end && targetCol
      ? 'main'
      : period.end < planPeriod.start
        ? 'previous-results'
        : 'other';

  const cell = (row: string[], r: ColumnRole): string | null => {
    const i = columns.findIndex((c) => c.role === r);
    return i < 0 ? null : (row[i] ?? '');
  };
  const value = (row: string[], r: ColumnRole): Quantity | null => {
    const c = cell(row, r);
    return c === null ? null : parseQuantity(c);
  };

  const rows: PlanTableRow[] = [];
  let category: string | null = null;
  const notes = raw.notes ?? [];
  const starNote =
    notes.flatMap((n) => n.split(/(?=[①②③④⑤⑥⑦⑧⑨]|\d[.、．])/)).find((n) => /[*＊]/.test(n)) ?? null;
  body.forEach((row, k) => {
    const source = raw.rowSources[k + 1] ?? raw.source;
    if (row.every((c) => c.trim() === '')) return;
    if (row.length !== columns.length) {
      warnings.push({
        source,
        message: `table ${raw.number}: row has ${row.length} cells, the header has ${columns.length}`,
      });
    }
    const nameCell = row[nameIdx] ?? '';
    if (nameCell.trim() === '') {
      warnings.push({ source, message: `table ${raw.number}: row without an indicator name skipped` });
      return;
    }
    const cat = cell(row, 'category');
    if (cat !== null && cat.trim() !== '') category = squash(cat);
    const numberCell = cell(row, 'number');
    const numbered = ROW_NUMBER_RE.exec(squash(nameCell));
    const split = splitUnit(numbered ? (numbered[3] ?? '') : nameCell);
    const name = split.name.replace(/[*＊]+$/, '');
    const unitCell = cell(row, 'unit');
    const unit = split.unit ?? (unitCell !== null && unitCell.trim() !== '' ? squash(unitCell) : null);
    const baseline = value(row, 'baseline');
    const stated = value(row, 'target');
    const growth = value(row, 'growth');
    // National layout: the target sits in the 2025 column or, for growth and five-year figures, in 年均/累计.
    const target = stated !== null && stated.comparator !== 'none' ? stated : (growth ?? stated);
    const actual = value(row, 'actual');
    const status = cell(row, 'status');
    const starred = row.some((c) => /[*＊]\s*$/.test(c.trim())) || /[*＊]/.test(nameCell);
    rows.push({
      category,
      number:
        numberCell !== null ? parseNumeral(numberCell) : numbered ? Number(numbered[1] ?? numbered[2]) : null,
      name,
      unit,
      baseline,
      target,
      actual,
      attribute: attributeOf(cell(row, 'attribute') ?? ''),
      inferred: inferKind({ name, unit, baseline, target }),
      status: status === null || status.trim() === '' ? null : squash(status),
      note: starred ? (starNote ?? '*') : null,
      source,
    });
  });

  return {
    number: raw.number,
    caption: raw.caption,
    header: columns.map((c) => c.header),
    columns: columns.map((c) => ({ header: c.header, role: c.role, year: c.year })),
    role,
    period,
    baselineYear,
    targetYear,
    actualYear,
    rows,
    notes,
    nodeId: raw.nodeId,
    source: raw.source,
  };
}
