import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Indicator {
  id: string;
  code: string;
  kind: string;
  baseline: { value: number | null } | null;
  departments: { code: string }[];
}

describe.each(testDatabases)('concurrent writes on $kind', ({ create }) => {
  const s = seededSuite(create);
  let indicators: Indicator[];
  let dept: Client;

  beforeAll(async () => {
    // Indicators the dataset already holds published (approved) figures for would need a correction reason.
    const published = new Set(
      (await s.db.query<{ indicator_id: string }>('SELECT DISTINCT indicator_id FROM observations')).map(
        (r) => r.indicator_id,
      ),
    );
    indicators = (
      await getJson<{ items: Indicator[] }>(s.app, `/api/plans/${s.planId}/indicators`)
    ).body.items.filter(
      (i) => !published.has(i.id) && i.departments.some((d) => ['JFJ', 'KJJ'].includes(d.code)),
    );
    dept = await loginAs(s.app, s.db, 'department', ['JFJ', 'KJJ']);
  });

  it('50 parallel submissions (50 indicator/periods) → exactly 50 rows, no duplicates', async () => {
    const chosen = indicators.slice(0, 10);
    expect(chosen).toHaveLength(10);
    const jobs = chosen.flatMap((ind) =>
      ['2021', '2022', '2023', '2024', '2025'].map((period) => async () => {
        const created = await dept.request('POST', '/api/observations', {
          indicatorId: ind.id,
          period,
          value: ind.baseline?.value ?? 1,
          note: 'parallel',
        });
        if (created.status !== 201) return created.status;
        return (await dept.request('POST', `/api/observations/${created.body.observation.id}/submit`)).status;
      }),
    );
    expect(jobs).toHaveLength(50);
    const statuses = await Promise.all(jobs.map((j) => j()));
    expect(statuses).toEqual(Array(50).fill(200));
    const ids = chosen.map((i) => i.id);
    const [counts] = await s.db.query<{ n: number; keys: number; submitted: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT (indicator_id, period))::int AS keys,
              count(*) FILTER (WHERE status = 'submitted')::int AS submitted
         FROM observations WHERE indicator_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(counts).toEqual({ n: 50, keys: 50, submitted: 50 });
  });

  it('10 parallel creates of the same indicator and period → one 201, nine 409, one row', async () => {
    const ind = indicators[10]!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        dept.request('POST', '/api/observations', {
          indicatorId: ind.id,
          period: '2023',
          value: (ind.baseline?.value ?? 1) + k,
          note: 'race',
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'conflict')).toBe(true);
    const rows = await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM observations WHERE indicator_id = $1 AND period = '2023'`,
      [ind.id],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
