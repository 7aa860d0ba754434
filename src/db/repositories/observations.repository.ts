import type { Queryable } from '../db.types.ts';
import type { ObservationKind, ObservationStatus } from '../../domain/observation.ts';
import type { Provenance, Source } from '../../domain/provenance.ts';
import { insertRows } from '../insert-rows.ts';
import { PROVENANCE_SELECT, withProvenance, type ProvenanceColumns } from './approved-values.repository.ts';

export interface NewObservation {
  indicatorId: string;
  period: string;
  year: number;
  kind: ObservationKind;
  value: number | null;
  text: string | null;
  status: ObservationStatus;
  note: string | null;
  /** Revision number (observations.version); 1 when omitted. */
  version?: number;
  /** Where the value comes from; omitted = entered. */
  source?: Source | null;
}

export interface ObservationRow extends NewObservation {
  id: string;
  version: number;
  createdAt: Date;
}

/** An observation as the entry workflow shows it: status, who did what and when, and its provenance. */
export interface WorkflowObservation extends Omit<NewObservation, 'version' | 'source'> {
  id: string;
  version: number;
  correctionReason: string | null;
  returnReason: string | null;
  createdBy: string | null;
  createdByEmail: string | null;
  createdAt: Date;
  /** Who last sent it for review (a department user, or the office entering for one). */
  submittedByEmail: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedByEmail: string | null;
  approvedAt: Date | null;
  updatedAt: Date;
  provenance: Provenance;
}

const COLUMNS = `o.id, o.indicator_id AS "indicatorId", o.period, o.year, o.kind, o.value, o.text, o.status, o.version,
  o.note, o.correction_reason AS "correctionReason", o.return_reason AS "returnReason",
  o.created_by AS "createdBy", cu.email AS "createdByEmail", o.created_at AS "createdAt",
  su.email AS "submittedByEmail", o.submitted_at AS "submittedAt", o.approved_by AS "approvedBy", au.email AS "approvedByEmail",
  o.approved_at AS "approvedAt", o.updated_at AS "updatedAt", ${PROVENANCE_SELECT}`;

type WorkflowRow = Omit<WorkflowObservation, 'provenance'> &
  ProvenanceColumns & { effectiveOn: string | null };

function present(r: WorkflowRow): WorkflowObservation {
  const { effectiveOn: _, ...row } = withProvenance(r);
  return row;
}

/** Which value a new observation is (indicator, period, year, kind) and the value: every insert fills these. */
const VALUE_COLUMNS = ['indicator_id', 'period', 'year', 'kind', 'value', 'text'];

function valueParams(o: Omit<NewObservation, 'status'>): unknown[] {
  return [o.indicatorId, o.period, o.year, o.kind, o.value, o.text];
}

/** Where a value comes from, in seven columns. */
const SOURCE_COLUMNS = [
  'source_kind',
  'source_title',
  'source_url',
  'source_quote',
  'released_on',
  'basis',
  'entered_by',
];

/** A value's source as the SOURCE_COLUMNS take it (an unsourced value was entered). */
function sourceParams(source: Source | null | undefined): (string | null)[] {
  return [
    source?.kind ?? 'entered',
    source?.title ?? null,
    source?.url ?? null,
    source?.quote ?? null,
    source?.releasedOn ?? null,
    source?.basis ?? null,
    source?.enteredBy ?? null,
  ];
}

const FROM = `observations o LEFT JOIN users cu ON cu.id = o.created_by LEFT JOIN users su ON su.id = o.submitted_by
  LEFT JOIN users au ON au.id = o.approved_by`;

export interface IndicatorAccess {
  id: string;
  planId: string;
  code: string;
  name: string;
  unit: string | null;
  kind: string;
  departmentIds: string[];
}

/**
 * Observations: the values departments enter and the planning office approves (draft → submitted → approved,
 * every correction a new version), and the bulk insert a dataset load uses.
 */
export const observationsRepository = {
  async insertMany(db: Queryable, rows: readonly NewObservation[]): Promise<void> {
    await insertRows(
      db,
      'observations',
      [...VALUE_COLUMNS, 'status', 'note', 'approved_at', 'version', ...SOURCE_COLUMNS],
      rows.map((o) => [
        ...valueParams(o),
        o.status,
        o.note,
        o.status === 'approved' ? new Date() : null,
        o.version ?? 1,
        ...sourceParams(o.source),
      ]),
    );
  },

  async listByPlan(db: Queryable, planId: string): Promise<ObservationRow[]> {
    return db.query<ObservationRow>(
      `SELECT o.id, o.indicator_id AS "indicatorId", o.period, o.year, o.kind, o.value, o.text, o.status,
              o.note, o.version, o.created_at AS "createdAt"
         FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE i.plan_id = $1 ORDER BY i.position, o.year, o.period, o.version`,
      [planId],
    );
  },

  async findIndicator(db: Queryable, id: string): Promise<IndicatorAccess | null> {
    const rows = await db.query<IndicatorAccess>(
      `SELECT i.id, i.plan_id AS "planId", i.code, i.name, i.unit, i.kind,
              COALESCE(array_agg(a.department_id::text) FILTER (WHERE a.department_id IS NOT NULL), '{}') AS "departmentIds"
         FROM indicators i LEFT JOIN assignments a ON a.indicator_id = i.id
        WHERE i.id = $1 GROUP BY i.id`,
      [id],
    );
    return rows[0] ?? null;
  },

  async find(db: Queryable, id: string): Promise<WorkflowObservation | null> {
    const rows = await db.query<WorkflowRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [id]);
    return rows[0] === undefined ? null : present(rows[0]);
  },

  /** The latest version for an indicator, period and kind (totals, not regions), locked for the transaction. */
  async latestForUpdate(
    db: Queryable,
    key: { indicatorId: string; period: string; kind: ObservationKind },
  ): Promise<{ id: string; status: ObservationStatus; version: number } | null> {
    const rows = await db.query<{ id: string; status: ObservationStatus; version: number }>(
      `SELECT id, status, version FROM observations
        WHERE indicator_id = $1 AND period = $2 AND kind = $3 AND region_id IS NULL
        ORDER BY version DESC LIMIT 1 FOR UPDATE`,
      [key.indicatorId, key.period, key.kind],
    );
    return rows[0] ?? null;
  },

  async insert(
    db: Queryable,
    o: Omit<NewObservation, 'status' | 'version'> & {
      version: number;
      correctionReason: string | null;
      createdBy: string;
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO observations (${VALUE_COLUMNS.join(', ')}, status, version, note, correction_reason, created_by,
                                 ${SOURCE_COLUMNS.join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [...valueParams(o), o.version, o.note, o.correctionReason, o.createdBy, ...sourceParams(o.source)],
    );
    return rows[0]!.id;
  },

  async updateDraft(
    db: Queryable,
    id: string,
    fields: { value: number | null; text: string | null; note: string | null },
  ): Promise<boolean> {
    const rows = await db.query(
      `UPDATE observations SET value = $2, text = $3, note = $4, status = 'draft', updated_at = now()
        WHERE id = $1 AND status IN ('draft', 'returned') RETURNING id`,
      [id, fields.value, fields.text, fields.note],
    );
    return rows.length === 1;
  },

  /**
   * Moves an observation from one status to another only if it is still in `from`: two approvers racing
   * on the same value cannot both succeed.
   */
  async transition(
    db: Queryable,
    id: string,
    from: readonly ObservationStatus[],
    to: ObservationStatus,
    by: string,
    reason: string | null,
  ): Promise<boolean> {
    const rows = await db.query(
      `UPDATE observations SET status = $3, updated_at = now(),
              submitted_by = CASE WHEN $3 = 'submitted' THEN $4::uuid ELSE submitted_by END,
              submitted_at = CASE WHEN $3 = 'submitted' THEN now() ELSE submitted_at END,
              approved_by = CASE WHEN $3 = 'approved' THEN $4::uuid ELSE approved_by END,
              approved_at = CASE WHEN $3 = 'approved' THEN now() ELSE approved_at END,
              returned_by = CASE WHEN $3 = 'returned' THEN $4::uuid ELSE returned_by END,
              return_reason = CASE WHEN $3 = 'returned' THEN $5 ELSE return_reason END
        WHERE id = $1 AND status = ANY($2::text[]) RETURNING id`,
      [id, [...from], to, by, reason],
    );
    return rows.length === 1;
  },

  async listForIndicator(db: Queryable, indicatorId: string): Promise<WorkflowObservation[]> {
    const rows = await db.query<WorkflowRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE o.indicator_id = $1 ORDER BY o.period, o.kind, o.version`,
      [indicatorId],
    );
    return rows.map(present);
  },

  /** Every value and version of a plan's indicators (or of the given ones), in table order. */
  async listForPlan(
    db: Queryable,
    planId: string,
    indicatorIds: readonly string[] | null,
  ): Promise<WorkflowObservation[]> {
    const rows = await db.query<WorkflowRow>(
      `SELECT ${COLUMNS} FROM ${FROM} JOIN indicators i ON i.id = o.indicator_id
        WHERE i.plan_id = $1 AND ($2::uuid[] IS NULL OR o.indicator_id = ANY($2::uuid[]))
        ORDER BY i.position, o.period, o.kind, o.version`,
      [planId, indicatorIds === null ? null : [...indicatorIds]],
    );
    return rows.map(present);
  },

  /** Approved annual values of an indicator, oldest first (for outlier checks). */
  async approvedHistory(
    db: Queryable,
    indicatorId: string,
    kind: ObservationKind,
    beforeYear: number,
  ): Promise<number[]> {
    const rows = await db.query<{ value: number }>(
      `SELECT DISTINCT ON (period) value FROM observations
        WHERE indicator_id = $1 AND kind = $2 AND status = 'approved' AND value IS NOT NULL
          AND region_id IS NULL AND year < $3 AND period ~ '^[0-9]{4}$'
        ORDER BY period, version DESC`,
      [indicatorId, kind, beforeYear],
    );
    return rows.map((r) => r.value);
  },
};
