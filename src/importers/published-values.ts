import type { Dataset, DatasetObservation } from '../domain/dataset.ts';
import { fail, LantuError, ok, type Result } from '../domain/errors.ts';
import { parseCsv } from '../domain/evaluation/index.ts';
import { isoDateSchema } from '../domain/provenance.ts';

/**
 * The published-values file (data/sip-14th/published-values.csv): one row per published figure with its source.
 * Columns, in this order: indicator_code, year, value, unit, quoted, source_title, source_url, released_on,
 * revision, basis, entered_by. docs/published-data.md describes them.
 */
export const PUBLISHED_VALUES_COLUMNS = [
  'indicator_code',
  'year',
  'value',
  'unit',
  'quoted',
  'source_title',
  'source_url',
  'released_on',
  'revision',
  'basis',
  'entered_by',
] as const;

export interface PublishedValue {
  code: string;
  year: number;
  value: number;
  unit: string | null;
  quoted: string;
  sourceTitle: string;
  sourceUrl: string | null;
  /** null: the page prints no date (allowed for a first release only; the basis must say so). */
  releasedOn: string | null;
  revision: number;
  basis: string | null;
  enteredBy: string | null;
}

const MAX_ERRORS_SHOWN = 5;

/** Parses and checks the file; `known` (indicator code → unit) rejects codes and units the plan does not have. */
export function parsePublishedValues(
  text: string,
  known?: ReadonlyMap<string, string | null>,
): Result<PublishedValue[]> {
  const rows = parseCsv(text);
  const header = rows[0]?.cells.map((c) => c.trim());
  if (header === undefined || PUBLISHED_VALUES_COLUMNS.some((c, i) => header[i] !== c)) {
    return fail(
      new LantuError(
        'validation_failed',
        `published values: the first line must be the header ${PUBLISHED_VALUES_COLUMNS.join(',')}`,
      ),
    );
  }
  const errors: string[] = [];
  const out: PublishedValue[] = [];
  for (const row of rows.slice(1)) {
    const cell = (i: number) => (row.cells[i] ?? '').trim();
    const opt = (i: number) => (cell(i) === '' ? null : cell(i));
    const at = `line ${row.line}`;
    const code = cell(0);
    const year = Number(cell(1));
    const value = Number(cell(2));
    const revision = cell(8) === '' ? 1 : Number(cell(8));
    if (code === '') errors.push(`${at}: no indicator code`);
    else if (known !== undefined && !known.has(code)) errors.push(`${at}: unknown indicator ${code}`);
    else if (known !== undefined && (known.get(code) ?? null) !== opt(3))
      errors.push(`${at}: ${code} is in ${known.get(code) ?? '(no unit)'}, not ${cell(3) || '(no unit)'}`);
    if (!Number.isInteger(year) || year < 1900 || year > 2200)
      errors.push(`${at}: "${cell(1)}" is not a year`);
    if (cell(2) === '' || !Number.isFinite(value)) errors.push(`${at}: "${cell(2)}" is not a number`);
    if (cell(4) === '') errors.push(`${at}: the figure as printed (quoted) is missing`);
    if (cell(4).length > 200)
      errors.push(`${at}: quoted is longer than 200 characters — a figure, not a paragraph`);
    if (cell(5) === '') errors.push(`${at}: source_title is missing`);
    if (cell(7) === '') {
      if (revision !== 1) errors.push(`${at}: a revision needs its release date`);
      if (!/未署|日期不详|no date/.test(cell(9)))
        errors.push(`${at}: released_on is empty — say in basis that the page is undated (页面未署日期)`);
    } else if (!isoDateSchema.safeParse(cell(7)).success)
      errors.push(`${at}: released_on "${cell(7)}" is not a date YYYY-MM-DD`);
    if (!Number.isInteger(revision) || revision < 1)
      errors.push(`${at}: revision "${cell(8)}" is not 1, 2, …`);
    out.push({
      code,
      year,
      value,
      unit: opt(3),
      quoted: cell(4),
      sourceTitle: cell(5),
      sourceUrl: opt(6),
      releasedOn: opt(7),
      revision,
      basis: opt(9),
      enteredBy: opt(10),
    });
  }
  errors.push(...revisionProblems(out));
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS_SHOWN).join('; ');
    const more = errors.length > MAX_ERRORS_SHOWN ? `; and ${errors.length - MAX_ERRORS_SHOWN} more` : '';
    return fail(new LantuError('validation_failed', `published values: ${shown}${more}`, { errors }));
  }
  return ok(out);
}

/** Revisions of one figure are numbered 1, 2, … without gaps and each is released after the one before. */
function revisionProblems(values: readonly PublishedValue[]): string[] {
  const byFigure = new Map<string, PublishedValue[]>();
  for (const v of values) {
    const k = `${v.code} ${v.year}`;
    byFigure.set(k, [...(byFigure.get(k) ?? []), v]);
  }
  const problems: string[] = [];
  for (const [k, list] of byFigure) {
    const sorted = [...list].sort((a, b) => a.revision - b.revision);
    sorted.forEach((v, i) => {
      if (v.revision !== i + 1) problems.push(`${k}: revisions must be numbered 1..${sorted.length}`);
      const prev = sorted[i - 1];
      if (prev !== undefined && (prev.releasedOn ?? '') >= (v.releasedOn ?? ''))
        problems.push(`${k}: revision ${v.revision} must be released after revision ${prev.revision}`);
    });
  }
  return [...new Set(problems)];
}

/** As dataset observations: approved values whose source is published statistics. */
export function publishedObservations(values: readonly PublishedValue[]): DatasetObservation[] {
  return values.map((v) => ({
    code: v.code,
    year: v.year,
    value: v.value,
    text: null,
    kind: 'actual',
    note: null,
    revision: v.revision,
    source: {
      kind: 'published',
      title: v.sourceTitle,
      url: v.sourceUrl,
      quote: v.quoted,
      releasedOn: v.releasedOn,
      basis: v.basis,
      enteredBy: v.enteredBy,
    },
  }));
}

/**
 * The dataset with the published figures added to plan `planKey`'s observations (checked against its
 * indicator codes and units). The default dataset is built this way (scripts/dataset-sip.ts).
 */
export function withPublishedValues(dataset: Dataset, planKey: string, csvText: string): Result<Dataset> {
  const plan = dataset.plans.find((p) => p.key === planKey);
  if (plan === undefined) return fail(new LantuError('not_found', `published values: no plan ${planKey}`));
  const parsed = parsePublishedValues(csvText, new Map(plan.indicators.map((i) => [i.code, i.unit])));
  if (!parsed.ok) return parsed;
  const plans = dataset.plans.map((p) =>
    p === plan ? { ...p, observations: [...p.observations, ...publishedObservations(parsed.value)] } : p,
  );
  return ok({ ...dataset, plans });
}
