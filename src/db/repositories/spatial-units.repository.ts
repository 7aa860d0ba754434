import type { Queryable } from '../db.types.ts';

export interface SpatialUnitRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  description: string | null;
}

export const spatialUnitsRepository = {
  /** Inserts units in order (parents first), keeps existing ones; returns code → id. */
  async upsertMany(
    db: Queryable,
    units: readonly {
      code: string;
      name: string;
      kind: string;
      parentCode: string | null;
      description: string | null;
    }[],
  ): Promise<Map<string, string>> {
    for (const u of units) {
      await db.query(
        `INSERT INTO spatial_units (code, name, kind, parent_id, description)
         VALUES ($1, $2, $3, (SELECT id FROM spatial_units WHERE code = $4), $5)
         ON CONFLICT (code) DO NOTHING`,
        [u.code, u.name, u.kind, u.parentCode, u.description],
      );
    }
    const rows = await db.query<{ id: string; code: string }>('SELECT id, code FROM spatial_units');
    return new Map(rows.map((r) => [r.code, r.id]));
  },

  async list(db: Queryable): Promise<SpatialUnitRow[]> {
    return db.query<SpatialUnitRow>(
      `SELECT id, code, name, kind, parent_id AS "parentId", description FROM spatial_units ORDER BY code`,
    );
  },
};
