/**
 * From a Dataset (and a values CSV) to the engine's inputs. Pure: the CLI, the API and tests share it.
 */
import type { Dataset, DatasetIndicator, DatasetPlan } from '../dataset.ts';
import { LantuError, fail, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import type { ObservationKind } from '../observation.ts';
import type { EvaluationObservation } from './types.ts';

export interface SelectedPlan {
  plan: DatasetPlan;
  indicators: DatasetIndicator[];
}

/**
 * `table` picks the plan whose indicators came from table N (Table 1 = the previous plan's results).
 * Without it: the current plan (the one no other plan names as predecessor), its table indicators only
 * unless `includeText` asks for the prose targets too.
 */
export function selectPlan(
  dataset: Dataset,
  opts: { table?: number | null; includeText?: boolean } = {},
): Result<SelectedPlan> {
  const table = opts.table ?? null;
  if (table !== null) {
    for (const plan of dataset.plans) {
      const indicators = plan.indicators.filter((i) => i.tableNumber === table);
      if (indicators.length > 0) return ok({ plan, indicators });
    }
    const tables = [
      ...new Set(
        dataset.plans
          .flatMap((p) => p.indicators.map((i) => i.tableNumber))
          .filter((n): n is number => n !== null),
      ),
    ].sort((a, b) => a - b);
    return fail(
      new LantuError(
        'not_found',
        `no plan has indicators from table ${table}${tables.length > 0 ? ` (tables: ${tables.join(', ')})` : ''}`,
        { table },
      ),
    );
  }
  const predecessors = new Set(
    dataset.plans.map((p) => p.predecessorKey).filter((k): k is string => k !== null),
  );
  const plan = dataset.plans.find((p) => !predecessors.has(p.key)) ?? dataset.plans[0];
  if (plan === undefined) return fail(new LantuError('not_a_plan', 'the dataset holds no plan', null));
  const fromTables = plan.indicators.filter((i) => i.origin === 'table');
  const indicators = opts.includeText === true || fromTables.length === 0 ? plan.indicators : fromTables;
  return ok({ plan, indicators });
}

/**
 * The plan's own observations, keyed by code. A plan table's result column for a 年均增速 (cagr, %) indicator
 * states the average over the whole period, so when it is the only value in the period it covers all its years.
 */
export function datasetObservations(
  plan: DatasetPlan,
  indicators: readonly DatasetIndicator[],
  opts: { asOf?: string | null } = {},
): Map<string, EvaluationObservation[]> {
  const byCode = new Map<string, EvaluationObservation[]>();
  const spec = new Map(indicators.map((i) => [i.code, i]));
  const asOf = opts.asOf ?? null;
  for (const o of plan.observations) {
    // As of a date: a value counts from its source's release (values without one — the plan's own — always).
    const released = o.source?.releasedOn ?? null;
    if (asOf !== null && released !== null && released > asOf) continue;
    const list = byCode.get(o.code) ?? [];
    list.push({ year: o.year, value: o.value, text: o.text, kind: o.kind, revision: o.revision });
    byCode.set(o.code, list);
  }
  for (const [code, list] of byCode) {
    const i = spec.get(code);
    if (i === undefined || i.kind !== 'cagr' || i.tableNumber === null || i.unit?.includes('%') !== true)
      continue;
    const start = i.baselineYear ?? plan.periodStart - 1;
    const end = i.targetYear ?? plan.periodEnd;
    const inPeriod = list.filter((o) => o.kind === 'actual' && o.year > start && o.year <= end);
    const only = inPeriod[0];
    if (inPeriod.length === 1 && only !== undefined && only.year === end) only.span = end - start;
  }
  return byCode;
}

const norm = (s: string): string =>
  s.normalize('NFKC').replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');

/** An indicator by code, exact name, or the name as printed with its unit: 地区生产总值年均增速（%）. */
export function matchIndicator<T extends { code: string; name: string; unit: string | null }>(
  key: string,
  indicators: readonly T[],
): T | null {
  const k = norm(key);
  if (k === '') return null;
  const byCode = indicators.find((i) => norm(i.code) === k);
  if (byCode !== undefined) return byCode;
  const byName = indicators.find((i) => norm(i.name) === k);
  if (byName !== undefined) return byName;
  return indicators.find((i) => i.unit !== null && norm(`${i.name}(${i.unit})`) === k) ?? null;
}

export interface CsvRow {
  line: number;
  cells: string[];
}

/** RFC 4180-ish: commas, double-quoted fields with "" escapes, CRLF or LF, a UTF-8 BOM. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const push = () => {
    cells.push(cell);
    cell = '';
  };
  const end = () => {
    push();
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') push();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      end();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) end();
  return rows;
}

/**
 * Observations from a values CSV with columns indicator,year,value[,kind]. A header row is recognised and
 * skipped. Values that are not numbers are kept as text (完成, 与GDP增长同步). Rows from the CSV get revision 1
 * so they override the dataset's values for the same year.
 */
export function csvObservations(
  text: string,
  indicators: readonly { code: string; name: string; unit: string | null }[],
): Result<Map<string, EvaluationObservation[]>> {
  const out = new Map<string, EvaluationObservation[]>();
  const rows = parseCsv(text);
  const errors: string[] = [];
  for (const [idx, row] of rows.entries()) {
    const [ind = '', yearCell = '', valueCell = '', kindCell = ''] = row.cells.map((c) => c.trim());
    if (idx === 0 && /^(indicator|指标|code)$/i.test(ind)) continue;
    const spec = matchIndicator(ind, indicators);
    if (spec === null) {
      errors.push(`line ${row.line}: unknown indicator "${ind}"`);
      continue;
    }
    const year = Number(yearCell);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      errors.push(`line ${row.line}: year "${yearCell}" is not a year`);
      continue;
    }
    const kind: ObservationKind | null =
      kindCell === '' || kindCell === 'actual' ? 'actual' : kindCell === 'assigned' ? 'assigned' : null;
    if (kind === null) {
      errors.push(`line ${row.line}: kind "${kindCell}" must be actual or assigned`);
      continue;
    }
    const cleaned = valueCell.replace(/[,，%％\s]/g, '');
    const n = cleaned === '' ? NaN : Number(cleaned);
    if (valueCell === '') {
      errors.push(`line ${row.line}: empty value`);
      continue;
    }
    const o: EvaluationObservation = Number.isFinite(n)
      ? { year, value: n, text: null, kind, revision: 1 }
      : { year, value: null, text: valueCell, kind, revision: 1 };
    const list = out.get(spec.code) ?? [];
    list.push(o);
    out.set(spec.code, list);
  }
  if (errors.length > 0) {
    return fail(
      new LantuError(
        'validation_failed',
        `values CSV: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? `; and ${errors.length - 5} more` : ''}`,
        { errors },
      ),
    );
  }
  return ok(out);
}

export function mergeObservations(
  ...maps: ReadonlyMap<string, readonly EvaluationObservation[]>[]
): Map<string, EvaluationObservation[]> {
  const out = new Map<string, EvaluationObservation[]>();
  for (const m of maps) for (const [code, list] of m) out.set(code, [...(out.get(code) ?? []), ...list]);
  return out;
}
