import type { Db } from '../../src/db/db.types.ts';
import type { Role } from '../../src/domain/user.ts';
import { createUser } from '../../src/server/modules/users/users.service.ts';
import type { PlanIndicator, TestApp } from './app.ts';

export const TEST_PASSWORD = 'correct horse battery';

export interface Client {
  email: string;
  csrf: string;
  cookie: string;
  request(
    method: string,
    path: string,
    body?: unknown,
    opts?: { csrf?: string | null },
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are asserted field by field
}

let counter = 0;

/** Creates a user and logs in through the real login route; returns a client that sends cookie and CSRF token. */
export async function loginAs(app: TestApp, db: Db, role: Role, departments: string[] = []): Promise<Client> {
  const email = `${role}${++counter}-${Date.now()}@test.example`;
  await createUser(db, { email, password: TEST_PASSWORD, role, departments }, { id: null, label: 'test' });
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    email,
    csrf: csrfToken,
    cookie,
    async request(method, path, body, opts = {}) {
      const headers: Record<string, string> = { cookie };
      const csrf = opts.csrf === undefined ? csrfToken : opts.csrf;
      if (csrf !== null) headers['x-csrf-token'] = csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}

/** The planning office and two departments, signed in in that order: KJJ (leads T2-11, T2-13) and SWJ. */
export async function officeAndDepartments(
  app: TestApp,
  db: Db,
): Promise<{ admin: Client; kjj: Client; swj: Client }> {
  const admin = await loginAs(app, db, 'admin');
  const kjj = await loginAs(app, db, 'department', ['KJJ']);
  const swj = await loginAs(app, db, 'department', ['SWJ']);
  return { admin, kjj, swj };
}

/**
 * Signs in, in this order, the department that leads `indicator` (its first), a department with no part in it
 * (the first such among the plan's `indicators`) and the planning office.
 */
export async function leadOtherAndOffice(
  app: TestApp,
  db: Db,
  indicator: PlanIndicator,
  indicators: PlanIndicator[],
): Promise<{ dept: Client; otherDept: Client; admin: Client }> {
  const own = indicator.departments[0]!.code;
  const other = indicators
    .flatMap((i) => i.departments.map((d) => d.code))
    .find((c) => !indicator.departments.some((d) => d.code === c))!;
  const dept = await loginAs(app, db, 'department', [own]);
  const otherDept = await loginAs(app, db, 'department', [other]);
  const admin = await loginAs(app, db, 'admin');
  return { dept, otherDept, admin };
}
