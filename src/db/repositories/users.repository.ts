import type { Queryable } from '../db.types.ts';
import type { Role, SessionUser } from '../../domain/user.ts';

export interface UserRow {
  id: string;
  email: string;
  displayName: string | null;
  passwordHash: string;
  role: Role;
  locale: string;
  failedLogins: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
}

const USER_COLUMNS = `id, email, display_name AS "displayName", password_hash AS "passwordHash", role, locale,
  failed_logins AS "failedLogins", locked_until AS "lockedUntil", disabled_at AS "disabledAt"`;

async function departmentsOf(
  db: Queryable,
  userIds: string[],
): Promise<Map<string, SessionUser['departments']>> {
  const rows = await db.query<{ userId: string; id: string; code: string; name: string }>(
    `SELECT ud.user_id AS "userId", d.id, d.code, d.name
       FROM user_departments ud JOIN departments d ON d.id = ud.department_id
      WHERE ud.user_id = ANY($1::uuid[]) ORDER BY d.code`,
    [userIds],
  );
  const map = new Map<string, SessionUser['departments']>();
  for (const r of rows)
    map.set(r.userId, [...(map.get(r.userId) ?? []), { id: r.id, code: r.code, name: r.name }]);
  return map;
}

export const usersRepository = {
  async findByEmail(db: Queryable, email: string): Promise<UserRow | null> {
    const rows = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
    return rows[0] ?? null;
  },

  async insert(
    db: Queryable,
    u: {
      email: string;
      displayName: string | null;
      passwordHash: string;
      role: Role;
      departmentIds: string[];
    },
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [u.email, u.displayName, u.passwordHash, u.role],
    );
    const id = rows[0]!.id;
    for (const d of u.departmentIds) {
      await db.query('INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2)', [id, d]);
    }
    return id;
  },

  async countAdmins(db: Queryable): Promise<number> {
    const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
    return rows[0]?.n ?? 0;
  },

  async recordFailure(db: Queryable, id: string, lockAfter: number, lockMinutes: number): Promise<void> {
    await db.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [id, lockAfter, lockMinutes],
    );
  },

  async setLocale(db: Queryable, id: string, locale: string): Promise<void> {
    await db.query('UPDATE users SET locale = $2 WHERE id = $1', [id, locale]);
  },

  async clearFailures(db: Queryable, id: string): Promise<void> {
    await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
  },

  async sessionUsers(db: Queryable, ids: string[]): Promise<SessionUser[]> {
    if (ids.length === 0) return [];
    const rows = await db.query<Omit<SessionUser, 'departments'>>(
      `SELECT id, email, display_name AS "displayName", role, locale FROM users WHERE id = ANY($1::uuid[]) ORDER BY email`,
      [ids],
    );
    const deps = await departmentsOf(db, ids);
    return rows.map((r) => ({ ...r, departments: deps.get(r.id) ?? [] }));
  },

  async list(db: Queryable): Promise<SessionUser[]> {
    const ids = (await db.query<{ id: string }>('SELECT id FROM users')).map((r) => r.id);
    return usersRepository.sessionUsers(db, ids);
  },
};
