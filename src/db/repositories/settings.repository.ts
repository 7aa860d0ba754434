import type { Queryable } from '../db.types.ts';

export const settingsRepository = {
  async get(db: Queryable, key: string): Promise<string | null> {
    const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value ?? null;
  },

  /** Sets the value unless one exists; returns the stored value (so concurrent nodes agree). */
  async getOrInit(db: Queryable, key: string, value: string): Promise<string> {
    await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      value,
    ]);
    return (await settingsRepository.get(db, key)) ?? value;
  },

  async bump(db: Queryable, key: string): Promise<void> {
    await db.query(
      `INSERT INTO settings (key, value) VALUES ($1, '1')
       ON CONFLICT (key) DO UPDATE SET value = (settings.value::bigint + 1)::text`,
      [key],
    );
  },
};
