import type { Queryable } from '../db.types.ts';

export const sessionsRepository = {
  async insert(
    db: Queryable,
    s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
  ): Promise<void> {
    await db.query(
      'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)',
      [s.tokenHash, s.userId, s.csrfToken, s.expiresAt],
    );
  },

  async findValid(db: Queryable, tokenHash: string): Promise<{ userId: string; csrfToken: string } | null> {
    const rows = await db.query<{ userId: string; csrfToken: string }>(
      `SELECT user_id AS "userId", csrf_token AS "csrfToken" FROM sessions WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ?? null;
  },

  async delete(db: Queryable, tokenHash: string): Promise<void> {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  },

  async deleteExpired(db: Queryable): Promise<void> {
    await db.query('DELETE FROM sessions WHERE expires_at <= now()');
  },
};

export const loginThrottleRepository = {
  /** Counts a failure for `key` within a sliding window; locks the key once `limit` is reached. */
  async fail(
    db: Queryable,
    key: string,
    limit: number,
    windowMinutes: number,
    lockMinutes: number,
  ): Promise<void> {
    await db.query(
      `INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_start < now() - make_interval(mins => $3) THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN t.window_start < now() - make_interval(mins => $3) THEN now() ELSE t.window_start END,
         locked_until = CASE
           WHEN t.window_start >= now() - make_interval(mins => $3) AND t.failures + 1 >= $2
           THEN now() + make_interval(mins => $4) ELSE t.locked_until END`,
      [key, limit, windowMinutes, lockMinutes],
    );
  },

  async lockedUntil(db: Queryable, key: string): Promise<Date | null> {
    const rows = await db.query<{ lockedUntil: Date | null }>(
      `SELECT locked_until AS "lockedUntil" FROM login_throttle WHERE key = $1 AND locked_until > now()`,
      [key],
    );
    return rows[0]?.lockedUntil ?? null;
  },

  async clear(db: Queryable, key: string): Promise<void> {
    await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
  },
};
