import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { enterValue } from '../support/observations.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Indicator {
  id: string;
  code: string;
  unit: string | null;
  departments: { code: string }[];
}

/** Issue 17, bug 1: the approver must see what they approve (the inbox sent no value). */
describe.each(testDatabases)('the approver’s inbox on $kind', ({ create }) => {
  const s = seededSuite(create);
  let labs: Indicator; // T2-13 省级以上研发机构总数 (家, 560 in 2020, no published value)
  let dept: Client;
  let admin: Client;

  beforeAll(async () => {
    const inds = await getJson<{ items: Indicator[] }>(s.app, `/api/plans/${s.planId}/indicators`);
    labs = inds.body.items.find((i) => i.code === 'T2-13')!;
    dept = await loginAs(s.app, s.db, 'department', [labs.departments[0]!.code]);
    admin = await loginAs(s.app, s.db, 'admin');
  });

  async function report(period: string, value: number, note: string | null = null): Promise<string> {
    const r = await enterValue(dept, { indicatorId: labs.id, period, value, note });
    expect(r.status).toBe(201);
    const id = r.body.observation.id as string;
    expect((await dept.request('POST', `/api/observations/${id}/submit`)).status).toBe(200);
    return id;
  }

  it('an item to approve carries the value, its unit, the note, the previous year, the change and the warnings', async () => {
    const first = await report('2021', 700);
    expect((await admin.request('POST', `/api/observations/${first}/approve`)).status).toBe(200);
    // A typo: one digit too many.
    const typo = await report('2022', 7000, '据科技局统计');

    const inbox = await admin.request('GET', '/api/inbox?asOf=2023-02-01');
    const item = inbox.body.items.find((i: { observationId?: string }) => i.observationId === typo);
    expect(item).toMatchObject({
      type: 'approve',
      code: 'T2-13',
      period: '2022',
      value: 7000,
      unit: labs.unit,
      note: '据科技局统计',
      previous: { year: 2021, value: 700 },
      change: { absolute: 6300, relative: 9 },
    });
    expect(item.warnings.map((w: { zh: string }) => w.zh).join('；')).toMatch(/较上期700变化超过50%/);
  });

  it('without an approved earlier year, the previous value is the baseline (67.6 % in 2020)', async () => {
    const inbox = await admin.request('GET', '/api/inbox?asOf=2023-02-01');
    const other = inbox.body.items.find((i: { code: string }) => i.code === 'T2-13');
    expect(other).toBeDefined();
    const approved = await admin.request('POST', `/api/observations/${other.observationId}/approve`);
    expect(approved.status).toBe(200);
    const fresh = await admin.request('GET', `/api/plans/${s.planId}/indicators`);
    const share = fresh.body.items.find((i: Indicator) => i.code === 'T2-19') as Indicator;
    const deptJfj = await loginAs(s.app, s.db, 'department', [share.departments[0]!.code]);
    const r = await enterValue(deptJfj, { indicatorId: share.id, period: '2021', value: 68.5, note: '说明' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const sub = await deptJfj.request('POST', `/api/observations/${r.body.observation.id}/submit`);
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    const after = await admin.request('GET', '/api/inbox?asOf=2023-02-01');
    const item = after.body.items.find((i: { code: string }) => i.code === 'T2-19');
    expect(item).toMatchObject({ value: 68.5, unit: '%', previous: { year: 2020, value: 67.6 } });
    expect(item.change.relative).toBeCloseTo(0.9 / 67.6, 5);
  });
});
