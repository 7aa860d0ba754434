import type { Queryable } from '../db.types.ts';

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export const departmentsRepository = {
  /** Inserts new departments, keeps existing ones; returns code → id for all given codes. */
  async upsertMany(
    db: Queryable,
    departments: readonly { code: string; name: string; nameEn: string | null }[],
  ): Promise<Map<string, string>> {
    for (const d of departments) {
      await db.query(
        `INSERT INTO departments (code, name, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [d.code, d.name, d.nameEn],
      );
    }
    const rows = await db.query<{ id: string; code: string }>('SELECT id, code FROM departments');
    return new Map(rows.map((r) => [r.code, r.id]));
  },

  async list(db: Queryable): Promise<DepartmentRow[]> {
    return db.query<DepartmentRow>(
      'SELECT id, code, name, name_en AS "nameEn" FROM departments ORDER BY code',
    );
  },
};
