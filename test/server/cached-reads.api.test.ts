import { describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs } from '../support/session.ts';

interface Indicator {
  id: string;
  code: string;
  departments: { code: string; role: string }[];
}

describe.each(testDatabases)('reads cached per data version on $kind', ({ create }) => {
  const s = seededSuite(create);

  const indicator = async (code: string) =>
    (await getJson<{ items: Indicator[] }>(s.app, `/api/plans/${s.planId}/indicators`)).body.items.find(
      (i) => i.code === code,
    )!;

  it('shows a changed assignment in the indicator list at once', async () => {
    const before = await indicator('T2-13');
    expect(before.departments.map((d) => d.code)).toEqual(['KJJ']);
    const admin = await loginAs(s.app, s.db, 'admin');
    expect(
      (await admin.request('PUT', '/api/assignments', { indicatorId: before.id, lead: 'KJJ', co: ['TJJ'] }))
        .status,
    ).toBe(200);
    expect((await indicator('T2-13')).departments.map((d) => [d.code, d.role])).toEqual([
      ['KJJ', 'lead'],
      ['TJJ', 'co'],
    ]);
  });

  it('answers a repeated evaluation identically, and differently once a value is approved', async () => {
    const url = `/api/plans/${s.planId}/evaluation?year=2021`;
    const first = await s.app.request(url);
    const firstBody = await first.text();
    const second = await s.app.request(url);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));

    const hitech = await indicator('T2-13');
    const dept = await loginAs(s.app, s.db, 'department', ['KJJ']);
    const admin = await loginAs(s.app, s.db, 'admin');
    const created = await dept.request('POST', '/api/observations', {
      indicatorId: hitech.id,
      period: '2021',
      value: 2600,
    });
    await dept.request('POST', `/api/observations/${created.body.observation.id}/submit`);
    expect(await (await s.app.request(url)).text()).toBe(firstBody);
    await admin.request('POST', `/api/observations/${created.body.observation.id}/approve`);
    const after = (await (await s.app.request(url)).json()) as {
      indicators: { code: string; verdict: string; actual: number | null }[];
    };
    expect(after.indicators.find((i) => i.code === 'T2-13')).toMatchObject({ actual: 2600 });
  });
});
