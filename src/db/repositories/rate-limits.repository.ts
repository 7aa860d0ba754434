import type { Queryable } from '../db.types.ts';

/** Fixed-window hit counters (comment floods, login attempts), shared by every app node. */
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
