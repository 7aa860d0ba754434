/**
 * The read side of observations that evaluation, reports and the public see: approved values only (latest
 * revision per indicator, period and kind, or every revision), with each value's provenance.
 */
import type { Queryable } from '../db.types.ts';
import type { ObservationKind } from '../../domain/observation.ts';
import type { Provenance, SourceKind } from '../../domain/provenance.ts';

export interface ApprovedValueRow {
  code: string;
  year: number;
  period: string;
  kind: ObservationKind;
  value: number | null;
  text: string | null;
  version: number;
  provenance: Provenance;
  /** The day the value counts from: its source's release date, else the day it was approved. */
  effectiveOn: string | null;
}

/** Provenance columns of `observations o` (users `cu` = creator, `au` = approver) and the day a value counts from. */
export const PROVENANCE_SELECT = `o.source_kind AS "sourceKind", o.source_title AS "sourceTitle",
  o.source_url AS "sourceUrl", o.source_quote AS "sourceQuote", to_char(o.released_on, 'YYYY-MM-DD') AS "releasedOn",
  o.basis, COALESCE(o.entered_by, cu.email) AS "enteredBy",
  to_char(COALESCE(o.released_on, (o.approved_at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD') AS "effectiveOn"`;

export interface ProvenanceColumns {
  sourceKind: SourceKind;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceQuote: string | null;
  releasedOn: string | null;
  basis: string | null;
  enteredBy: string | null;
}

export function toProvenance(r: ProvenanceColumns, version: number): Provenance {
  return {
    kind: r.sourceKind,
    title: r.sourceTitle,
    url: r.sourceUrl,
    quote: r.sourceQuote,
    releasedOn: r.releasedOn,
    basis: r.basis,
    enteredBy: r.enteredBy,
    revision: version,
  };
}

/** A row's provenance columns folded into its `provenance` (the row's other columns kept as they are). */
export function withProvenance<R extends ProvenanceColumns & { version: number }>(
  row: R,
): Omit<R, keyof ProvenanceColumns> & { provenance: Provenance } {
  const { sourceKind, sourceTitle, sourceUrl, sourceQuote, releasedOn, basis, enteredBy, ...rest } = row;
  return {
    ...rest,
    provenance: toProvenance(
      { sourceKind, sourceTitle, sourceUrl, sourceQuote, releasedOn, basis, enteredBy },
      row.version,
    ),
  };
}

/** SQL condition: the value was known on the date in parameter $n (released, or approved, on or before it). */
export const knownOn = (n: number) =>
  `COALESCE(o.released_on, (o.approved_at AT TIME ZONE 'UTC')::date) <= $${n}::date`;

/**
 * The approved values of a plan's indicators, latest version per indicator, period and kind (region totals
 * only). With `asOf` (YYYY-MM-DD): only what was known that day — each value in its latest revision released
 * (or approved) on or before it. With `codes`: those indicators' values only.
 */
export async function listApprovedValues(
  db: Queryable,
  planId: string,
  opts: { asOf?: string | null; codes?: readonly string[] } = {},
): Promise<ApprovedValueRow[]> {
  const asOf = opts.asOf ?? null;
  const params: unknown[] = [planId];
  const where: string[] = [];
  if (asOf !== null) where.push(`AND ${knownOn(params.push(asOf))}`);
  if (opts.codes !== undefined) where.push(`AND i.code = ANY($${params.push([...opts.codes])}::text[])`);
  const rows = await db.query<Omit<ApprovedValueRow, 'provenance'> & ProvenanceColumns>(
    `SELECT DISTINCT ON (o.indicator_id, o.period, o.kind)
            i.code, o.year, o.period, o.kind, o.value, o.text, o.version, ${PROVENANCE_SELECT}
       FROM observations o JOIN indicators i ON i.id = o.indicator_id
       LEFT JOIN users cu ON cu.id = o.created_by
      WHERE i.plan_id = $1 AND o.status = 'approved' AND o.region_id IS NULL ${where.join(' ')}
      ORDER BY o.indicator_id, o.period, o.kind, o.version DESC`,
    params,
  );
  return rows.map(withProvenance);
}

export interface RevisionRow {
  code: string;
  year: number;
  kind: ObservationKind;
  value: number | null;
  text: string | null;
  version: number;
  effectiveOn: string | null;
  provenance: Provenance;
}

/** Every approved version (not only the latest) of the plan's annual whole-area values, oldest revision first. */
export async function listApprovedVersions(db: Queryable, planId: string): Promise<RevisionRow[]> {
  const rows = await db.query<Omit<RevisionRow, 'provenance'> & ProvenanceColumns>(
    `SELECT i.code, o.year, o.kind, o.value, o.text, o.version, ${PROVENANCE_SELECT}
       FROM observations o JOIN indicators i ON i.id = o.indicator_id
       LEFT JOIN users cu ON cu.id = o.created_by
      WHERE i.plan_id = $1 AND o.status = 'approved' AND o.region_id IS NULL AND o.period = o.year::text
      ORDER BY i.position, o.year, o.kind, o.version`,
    [planId],
  );
  return rows.map(withProvenance);
}
