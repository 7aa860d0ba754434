import type { Queryable } from '../db.types.ts';
import type { Role } from '../../domain/user.ts';

export interface AccountRow {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  failedLogins: number;
}

export interface AccountState {
  id: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  passwordChangedAt: Date | null;
  lastLoginAt: Date | null;
}

/** Account administration (issue 16 §7): passwords, reset links, disabling, unlocking. */
export const accountsRepository = {
  async find(db: Queryable, id: string): Promise<AccountRow | null> {
    const rows = await db.query<AccountRow>(
      `SELECT id, email, role, password_hash AS "passwordHash", disabled_at AS "disabledAt",
              locked_until AS "lockedUntil", failed_logins AS "failedLogins"
         FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  },

  async states(db: Queryable): Promise<AccountState[]> {
    return db.query<AccountState>(
      `SELECT u.id, u.disabled_at AS "disabledAt",
              (SELECT max(t) FROM (
                 SELECT u.locked_until AS t WHERE u.locked_until > now()
                 UNION ALL SELECT lt.locked_until FROM login_throttle lt
                  WHERE starts_with(lt.key, 'acct:' || u.email || '|') AND lt.locked_until > now()) l) AS "lockedUntil",
              u.password_changed_at AS "passwordChangedAt",
              (SELECT max(at) FROM audit_log a WHERE a.actor_id = u.id AND a.action = 'login') AS "lastLoginAt"
         FROM users u`,
    );
  },

  async setPassword(db: Queryable, id: string, passwordHash: string): Promise<void> {
    await db.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), failed_logins = 0, locked_until = NULL
        WHERE id = $1`,
      [id, passwordHash],
    );
  },

  /** Ends the user's sessions, all of them or all but one (the one changing its password). */
  async endSessions(db: Queryable, id: string, exceptTokenHash: string | null = null): Promise<number> {
    const rows = await db.query(
      `DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2) RETURNING user_id`,
      [id, exceptTokenHash],
    );
    return rows.length;
  },

  async setDisabled(db: Queryable, id: string, disabled: boolean): Promise<void> {
    await db.query(
      `UPDATE users SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, now()) ELSE NULL END WHERE id = $1`,
      [id, disabled],
    );
  },

  async countActiveAdmins(db: Queryable): Promise<number> {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`,
    );
    return rows[0]?.n ?? 0;
  },

  /** Clears the account's lock and failure counts, and the login throttle of the account from every client. */
  async unlock(db: Queryable, id: string, email: string): Promise<void> {
    await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
    await db.query(`DELETE FROM login_throttle WHERE starts_with(key, $1)`, [`acct:${email}|`]);
  },

  /** A new reset link; earlier unused links of the user stop working. */
  async insertReset(
    db: Queryable,
    r: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date },
  ): Promise<void> {
    await db.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      r.userId,
    ]);
    await db.query(
      `INSERT INTO password_resets (token_hash, user_id, created_by, expires_at) VALUES ($1, $2, $3, $4)`,
      [r.tokenHash, r.userId, r.createdBy, r.expiresAt],
    );
  },

  /** Uses a reset link: the user it belongs to, or null when it is unknown, used or expired. */
  async consumeReset(db: Queryable, tokenHash: string): Promise<string | null> {
    const rows = await db.query<{ userId: string }>(
      `UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id AS "userId"`,
      [tokenHash],
    );
    return rows[0]?.userId ?? null;
  },

  async resetIsValid(db: Queryable, tokenHash: string): Promise<boolean> {
    const rows = await db.query(
      `SELECT 1 FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return rows.length > 0;
  },
};
