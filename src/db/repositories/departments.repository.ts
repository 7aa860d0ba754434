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

  /** Inserts one department; null when the code is taken. */
  async insert(
    db: Queryable,
    d: { code: string; name: string; nameEn: string | null },
  ): Promise<DepartmentRow | null> {
    const rows = await db.query<DepartmentRow>(
      `INSERT INTO departments (code, name, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING
       RETURNING id, code, name, name_en AS "nameEn"`,
      [d.code, d.name, d.nameEn],
    );
    return rows[0] ?? null;
  },

  async findByCode(db: Queryable, code: string): Promise<DepartmentRow | null> {
    const rows = await db.query<DepartmentRow>(
      'SELECT id, code, name, name_en AS "nameEn" FROM departments WHERE code = $1',
      [code],
    );
    return rows[0] ?? null;
  },

  async list(db: Queryable): Promise<DepartmentRow[]> {
    return db.query<DepartmentRow>(
      'SELECT id, code, name, name_en AS "nameEn" FROM departments ORDER BY code',
    );
  },
};
