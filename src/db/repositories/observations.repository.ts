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
