import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { leadOtherAndOffice, type Client } from '../support/session.ts';
interface Series {
  years: number[];
  items: { code: string; indicatorId: string; points: { year: number; actual: number | null }[] }[];
}
interface Evaluation {
  indicators: { code: string; dataYear: number | null; actual: number | null }[];
}

/** The reads the web workspace draws from: a plan's series in one request, a plan's values in one list. */
describe.each(testDatabases)('series and plan value lists on $kind', ({ create }) => {
  const suite = seededSuite(create);
  let hitech: PlanIndicator; // T2-11, one department
  let dept: Client;
  let otherDept: Client;
  let admin: Client;

  beforeAll(async () => {
    const inds = await indicatorsOf<PlanIndicator>(suite.app, suite.planId);
    hitech = inds.find((i) => i.code === 'T2-11')!;
    ({ dept, otherDept, admin } = await leadOtherAndOffice(suite.app, suite.db, hitech, inds));
  });

  it('the series holds, for every year, what that year’s evaluation judged on its own data', async () => {
    const s = await getJson<Series>(suite.app, `/api/plans/${suite.planId}/series?to=2023&scope=all`);
    expect(s.status).toBe(200);
    expect(s.body.years).toEqual([2021, 2022, 2023]);
    expect(s.body.items.length).toBeGreaterThan(30);
    for (const year of s.body.years) {
      const ev = await getJson<Evaluation>(
        suite.app,
        `/api/plans/${suite.planId}/evaluation?year=${year}&method=time&scope=all`,
      );
      for (const ind of ev.body.indicators) {
        const point = s.body.items.find((i) => i.code === ind.code)!.points.find((p) => p.year === year)!;
        expect(point.actual, `${ind.code} ${year}`).toBe(ind.dataYear === year ? ind.actual : null);
      }
    }
  });

  it('a series past the plan end stops at the last year; an unknown plan is a 404', async () => {
    const s = await getJson<Series>(suite.app, `/api/plans/${suite.planId}/series?to=2030`);
    expect(s.body.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    const missing = await getJson(
      suite.app,
      `/api/plans/00000000-0000-4000-8000-000000000000/series?to=2024`,
    );
    expect(missing.status).toBe(404);
  });

  it('lists a plan’s values in one read: own drafts to their department only', async () => {
    const created = await dept.request('POST', '/api/observations', {
      indicatorId: hitech.id,
      period: '2021',
      value: 2600,
    });
    expect(created.status).toBe(201);
    const mine = await dept.request('GET', `/api/plans/${suite.planId}/observations?mine=true`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((o: { indicatorId: string }) => o.indicatorId)).toContain(hitech.id);
    const drafts = await dept.request('GET', `/api/plans/${suite.planId}/observations?status=draft`);
    expect(drafts.body.items).toEqual([expect.objectContaining({ value: 2600, status: 'draft' })]);
    const others = await otherDept.request('GET', `/api/plans/${suite.planId}/observations`);
    expect(others.body.items.filter((o: { status: string }) => o.status !== 'approved')).toEqual([]);
    const all = await admin.request('GET', `/api/plans/${suite.planId}/observations?status=draft`);
    expect(all.body.items.map((o: { value: number }) => o.value)).toEqual([2600]);
    expect((await getJson(suite.app, `/api/plans/${suite.planId}/observations`)).status).toBe(401);
  });

  it('a plan’s value list carries each value’s provenance, as the indicator’s list does', async () => {
    const plan = await admin.request('GET', `/api/plans/${suite.planId}/observations`);
    const own = await admin.request('GET', `/api/indicators/${hitech.id}/observations`);
    expect(own.body.items.length).toBeGreaterThan(0);
    const inPlan = plan.body.items.filter((o: { indicatorId: string }) => o.indicatorId === hitech.id);
    expect(inPlan).toEqual(own.body.items);
    for (const o of plan.body.items as { provenance: { kind: string }; sourceKind?: unknown }[]) {
      expect(o.provenance.kind).toMatch(/^[a-z_]+$/);
      expect(o).not.toHaveProperty('sourceKind');
    }
  });
});
