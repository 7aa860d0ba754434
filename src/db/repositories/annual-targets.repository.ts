import type { Queryable } from '../db.types.ts';

export interface AnnualTargetRow {
  indicatorId: string;
  year: number;
  value: number;
  note: string | null;
  source: 'manual' | 'upload';
  setAt: Date;
}

export const annualTargetsRepository = {
  /** The plan an indicator belongs to, and its code (null when no such indicator). */
  async indicatorPlan(db: Queryable, indicatorId: string): Promise<{ planId: string; code: string } | null> {
    const rows = await db.query<{ planId: string; code: string }>(
      'SELECT plan_id AS "planId", code FROM indicators WHERE id = $1',
      [indicatorId],
    );
    return rows[0] ?? null;
  },

  async listByPlan(db: Queryable, planId: string, year: number | null): Promise<AnnualTargetRow[]> {
    return db.query<AnnualTargetRow>(
      `SELECT t.indicator_id AS "indicatorId", t.year, t.value, t.note, t.source, t.set_at AS "setAt"
         FROM annual_targets t JOIN indicators i ON i.id = t.indicator_id
        WHERE i.plan_id = $1 AND ($2::int IS NULL OR t.year = $2) ORDER BY i.position, t.year`,
      [planId, year],
    );
  },

  async find(db: Queryable, indicatorId: string, year: number): Promise<AnnualTargetRow | null> {
    const rows = await db.query<AnnualTargetRow>(
      `SELECT indicator_id AS "indicatorId", year, value, note, source, set_at AS "setAt"
         FROM annual_targets WHERE indicator_id = $1 AND year = $2`,
      [indicatorId, year],
    );
    return rows[0] ?? null;
  },

  async upsert(
    db: Queryable,
    t: {
      indicatorId: string;
      year: number;
      value: number;
      note: string | null;
      source: 'manual' | 'upload';
      by: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO annual_targets (indicator_id, year, value, note, source, set_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (indicator_id, year) DO UPDATE
         SET value = EXCLUDED.value, note = EXCLUDED.note, source = EXCLUDED.source, set_by = EXCLUDED.set_by, set_at = now()`,
      [t.indicatorId, t.year, t.value, t.note, t.source, t.by],
    );
  },

  async delete(db: Queryable, indicatorId: string, year: number): Promise<boolean> {
    const rows = await db.query(
      'DELETE FROM annual_targets WHERE indicator_id = $1 AND year = $2 RETURNING year',
      [indicatorId, year],
    );
    return rows.length > 0;
  },
};
