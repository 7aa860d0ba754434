import { beforeAll, describe, expect, it } from 'vitest';
import { seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Criterion {
  criterion: string;
  items: number;
  met: number;
  losses: { title: string; reason: { zh: string } }[];
}

/**
 * Issue 17 (leftover of bugs 4/5/8): the seeded SIP values all counted as reported late (数据按时报送 0/20) —
 * the dataset load approves them "now", years after each deadline. A figure loaded with the plan's data was
 * never reported by its department, so punctuality does not judge it; periods nobody reported stay overdue and
 * a value a department submits is judged as before.
 */
describe.each(testDatabases)('punctuality of loaded values on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let seeded: Set<string>; // "code 2023" of every figure the dataset loaded for 2023
  const reporting = async () => {
    const res = await admin.request('GET', `/api/plans/${s.planId}/assessment?year=2023&asOf=2026-12-02`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.departments as { criteria: Criterion[] }[]).map((d) =>
      d.criteria.find((c) => c.criterion === 'reporting_on_time')!,
    );
  };

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    const rows = await s.db.query<{ code: string }>(
      `SELECT i.code FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE i.plan_id = $1 AND o.period = '2023'`,
      [s.planId],
    );
    seeded = new Set(rows.map((r) => r.code));
    expect(seeded.size).toBeGreaterThanOrEqual(10);
  });

  it('a figure loaded with the plan’s data is neither on time nor late', async () => {
    const criteria = await reporting();
    const titles = criteria.flatMap((c) => c.losses.map((l) => l.title));
    const loadedLate = titles.filter((t) => seeded.has(t.split(' ')[0]!) && t.endsWith(' 2023'));
    expect(loadedLate).toEqual([]);
    // what is still counted: periods nobody reported, overdue
    expect(criteria.reduce((n, c) => n + c.items, 0)).toBe(titles.length);
    expect(criteria.flatMap((c) => c.losses.map((l) => l.reason.zh))).not.toContainEqual(
      expect.stringMatching(/天报送/),
    );
  });

  it('a value a department submits is still judged by its deadline', async () => {
    const before = await reporting();
    const overdue = before.flatMap((c) => c.losses).find((l) => /未报送/.test(l.reason.zh))!;
    const code = overdue.title.split(' ')[0]!;
    const [ind] = await s.db.query<{ id: string; dept: string }>(
      `SELECT i.id, d.code AS dept FROM indicators i
         JOIN assignments a ON a.indicator_id = i.id AND a.role = 'lead'
         JOIN departments d ON d.id = a.department_id
        WHERE i.plan_id = $1 AND i.code = $2`,
      [s.planId, code],
    );
    const dept = await loginAs(s.app, s.db, 'department', [ind!.dept]);
    const made = await dept.request('POST', '/api/observations', {
      indicatorId: ind!.id,
      period: '2023',
      value: 1,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const sent = await dept.request('POST', `/api/observations/${made.body.observation.id}/submit`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const after = (await reporting()).flatMap((c) => c.losses).find((l) => l.title === overdue.title)!;
    expect(after.reason.zh).toMatch(/^逾期\d+天报送/);
  });
});
