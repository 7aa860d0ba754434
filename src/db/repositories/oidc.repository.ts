import type { Queryable } from '../db.types.ts';
import type { Role } from '../../domain/user.ts';

/** Government sign-on (统一身份认证): pending redirects, subject links, provisioned accounts awaiting a role. */

export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

export interface SsoAccount {
  id: string;
  email: string;
  role: Role;
  oidcSubject: string | null;
  disabledAt: Date | null;
}

export interface PendingAccount {
  id: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  displayName: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const ACCOUNT = `id, email, role, oidc_subject AS "oidcSubject", disabled_at AS "disabledAt"`;
const PENDING = `id, subject, email, email_verified AS "emailVerified", display_name AS "displayName",
  first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"`;

export const oidcRepository = {
  async insertLogin(db: Queryable, l: PendingLogin & { stateHash: string; expiresAt: Date }): Promise<void> {
    await db.query(`DELETE FROM oidc_logins WHERE expires_at <= now()`);
    await db.query(
      `INSERT INTO oidc_logins (state_hash, code_verifier, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [l.stateHash, l.codeVerifier, l.nonce, l.returnTo, l.expiresAt],
    );
  },

  /** Single use: the row is gone whether or not the callback then succeeds. */
  async takeLogin(db: Queryable, stateHash: string): Promise<PendingLogin | null> {
    const rows = await db.query<PendingLogin & { live: boolean }>(
      `DELETE FROM oidc_logins WHERE state_hash = $1
       RETURNING code_verifier AS "codeVerifier", nonce, return_to AS "returnTo", expires_at > now() AS live`,
      [stateHash],
    );
    const row = rows[0];
    return row?.live ? { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo } : null;
  },

  async findBySubject(db: Queryable, subject: string): Promise<SsoAccount | null> {
    const rows = await db.query<SsoAccount>(`SELECT ${ACCOUNT} FROM users WHERE oidc_subject = $1`, [
      subject,
    ]);
    return rows[0] ?? null;
  },

  async findByEmail(db: Queryable, email: string): Promise<SsoAccount | null> {
    const rows = await db.query<SsoAccount>(`SELECT ${ACCOUNT} FROM users WHERE email = $1`, [email]);
    return rows[0] ?? null;
  },

  async linkSubject(db: Queryable, userId: string, subject: string): Promise<void> {
    await db.query(`UPDATE users SET oidc_subject = $2 WHERE id = $1`, [userId, subject]);
  },

  async setRole(db: Queryable, userId: string, role: Role): Promise<void> {
    await db.query(`UPDATE users SET role = $2 WHERE id = $1`, [userId, role]);
  },

  async setDepartments(db: Queryable, userId: string, departmentIds: readonly string[]): Promise<void> {
    await db.query(`DELETE FROM user_departments WHERE user_id = $1`, [userId]);
    if (departmentIds.length > 0)
      await db.query(`INSERT INTO user_departments (user_id, department_id) SELECT $1, unnest($2::uuid[])`, [
        userId,
        departmentIds,
      ]);
  },

  async departmentIds(db: Queryable, userId: string): Promise<string[]> {
    const rows = await db.query<{ id: string }>(
      `SELECT department_id AS id FROM user_departments WHERE user_id = $1 ORDER BY department_id`,
      [userId],
    );
    return rows.map((r) => r.id);
  },

  /** Records (or refreshes) an account provisioned from the identity service; it has no role yet. */
  async upsertPending(
    db: Queryable,
    p: { subject: string; email: string | null; emailVerified: boolean; displayName: string | null },
  ): Promise<{ id: string; created: boolean }> {
    const rows = await db.query<{ id: string; created: boolean }>(
      `INSERT INTO oidc_pending_accounts AS p (subject, email, email_verified, display_name)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject) DO UPDATE SET email = EXCLUDED.email, email_verified = EXCLUDED.email_verified,
         display_name = EXCLUDED.display_name, last_seen_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [p.subject, p.email, p.emailVerified, p.displayName],
    );
    return rows[0]!;
  },

  async listPending(db: Queryable): Promise<PendingAccount[]> {
    return db.query<PendingAccount>(`SELECT ${PENDING} FROM oidc_pending_accounts ORDER BY first_seen_at`);
  },

  async takePending(db: Queryable, id: string): Promise<PendingAccount | null> {
    const rows = await db.query<PendingAccount>(
      `DELETE FROM oidc_pending_accounts WHERE id = $1 RETURNING ${PENDING}`,
      [id],
    );
    return rows[0] ?? null;
  },

  async sessionIdToken(
    db: Queryable,
    tokenHash: string,
  ): Promise<{ method: string; idToken: string | null } | null> {
    const rows = await db.query<{ method: string; idToken: string | null }>(
      `SELECT auth_method AS method, id_token AS "idToken" FROM sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  },

  async markSession(db: Queryable, tokenHash: string, idToken: string | null): Promise<void> {
    await db.query(`UPDATE sessions SET auth_method = 'oidc', id_token = $2 WHERE token_hash = $1`, [
      tokenHash,
      idToken,
    ]);
  },
};
