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

export const rateLimitRepository = {
  /** Counts one hit in the current fixed window; returns the hits so far in it. */
  async hit(db: Queryable, key: string, windowSeconds: number): Promise<number> {
    const rows = await db.query<{ hits: number }>(
      `INSERT INTO rate_limits (key, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
       RETURNING hits`,
      [key, windowSeconds],
    );
    return rows[0]?.hits ?? 1;
  },

  async prune(db: Queryable): Promise<void> {
    await db.query(`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
  },
};
