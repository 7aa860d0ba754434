import type { Queryable } from '../db.types.ts';
import { insertRows } from '../insert-rows.ts';
import type { ObservationKind, ObservationStatus } from '../../domain/observation.ts';

export interface NewObservation {
  indicatorId: string;
  period: string;
  year: number;
  kind: ObservationKind;
  value: number | null;
  text: string | null;
  status: ObservationStatus;
  note: string | null;
}

export interface ObservationRow extends NewObservation {
  id: string;
  version: number;
  createdAt: Date;
}

export const observationsRepository = {
  async insertMany(db: Queryable, rows: readonly NewObservation[]): Promise<void> {
    await insertRows(
      db,
      'observations',
      ['indicator_id', 'period', 'year', 'kind', 'value', 'text', 'status', 'note', 'approved_at'],
      rows.map((o) => [
        o.indicatorId,
        o.period,
        o.year,
        o.kind,
        o.value,
        o.text,
        o.status,
        o.note,
        o.status === 'approved' ? new Date() : null,
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
};

export interface ApprovedValueRow {
  code: string;
  year: number;
  period: string;
  kind: ObservationKind;
  value: number | null;
  text: string | null;
  version: number;
}

/** The approved values of a plan's indicators, latest version per indicator, period and kind (region totals only). */
export async function listApprovedValues(db: Queryable, planId: string): Promise<ApprovedValueRow[]> {
  return db.query<ApprovedValueRow>(
    `SELECT DISTINCT ON (o.indicator_id, o.period, o.kind)
            i.code, o.year, o.period, o.kind, o.value, o.text, o.version
       FROM observations o JOIN indicators i ON i.id = o.indicator_id
      WHERE i.plan_id = $1 AND o.status = 'approved' AND o.region_id IS NULL
      ORDER BY o.indicator_id, o.period, o.kind, o.version DESC`,
    [planId],
  );
}
