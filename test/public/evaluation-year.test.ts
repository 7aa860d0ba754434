import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluationYear } from '../../src/domain/evaluation-year.ts';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';

/**
 * Issue 17, bug 5: the workspace and the portal judge the same year. The workspace opens at evaluationYear
 * (web/modules/workspace); the portal judged the latest year with any approved value instead (2024 for the
 * seeded plan while the workspace showed 2025). Now both follow the domain's rule, and the portal's cached
 * pages turn over with the calendar, not only when data changes.
 */
describe.each(testDatabases)('one evaluation year for workspace and portal on $kind', ({ create }) => {
  const s = seededSuite(create);
  const plan = { periodStart: 2021, periodEnd: 2025 };

  afterEach(() => vi.useRealTimers());

  const at = (iso: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
  };
  const publicYear = async () =>
    (await getJson<{ year: number }>(s.app, `/api/public/evaluations/latest?planId=${s.planId}`)).body.year;

  it('after the plan’s end both judge its final year, though the approved values stop at 2024', async () => {
    const plans = await getJson<{ items: { id: string; periodStart: number; periodEnd: number }[] }>(
      s.app,
      '/api/plans',
    );
    expect(plans.body.items.find((p) => p.id === s.planId)).toMatchObject(plan);
    at('2026-12-02T01:00:00Z');
    expect(evaluationYear(plan)).toBe(2025); // what the workspace opens at
    expect(await publicYear()).toBe(2025);
    const overview = await (await s.app.request('/public?lang=zh')).text();
    expect(overview).toMatch(/<dd>2025<\/dd>/);
    const reports = await (await s.app.request('/public/reports?lang=zh')).text();
    expect([...reports.matchAll(/<tr><td>(\d{4})<\/td>/g)].map((m) => Number(m[1]))[0]).toBe(2025);
  });

  it('during the plan, the last full year in the office’s zone — also from the cache', async () => {
    at('2024-06-01T00:00:00Z');
    expect(await publicYear()).toBe(evaluationYear(plan));
    expect(await publicYear()).toBe(2023);
    at('2024-12-31T16:30:00Z'); // 2025-01-01 00:30 in Beijing: no data changed, the year did
    expect(await publicYear()).toBe(2024);
    expect(evaluationYear(plan)).toBe(2024);
  });
});
