import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

interface Indicator {
  id: string;
  code: string;
  departments: { code: string }[];
}

/** Issue 17: approve a selection at once — each value still approved and audited one by one. */
describe.each(testDatabases)('bulk approve on $kind', ({ create }) => {
  const s = seededSuite(create);
  let target: Indicator; // KJJ's T2-12, no approved or published value in the dataset
  let dept: Client;
  let admin: Client;

  beforeAll(async () => {
    const inds = await getJson<{ items: Indicator[] }>(s.app, `/api/plans/${s.planId}/indicators`);
    target = inds.body.items.find((i) => i.code === 'T2-12')!;
    dept = await loginAs(s.app, s.db, 'department', [target.departments[0]!.code]);
    admin = await loginAs(s.app, s.db, 'admin');
  });

  async function submitted(period: string, value: number): Promise<string> {
    const r = await dept.request('POST', '/api/observations', {
      indicatorId: target.id,
      period,
      value,
      note: '批量审核测试',
    });
    expect(r.status).toBe(201);
    const id = r.body.observation.id as string;
    expect((await dept.request('POST', `/api/observations/${id}/submit`)).status).toBe(200);
    return id;
  }

  it('approves five values in one request, audits each, and reports one that cannot be approved', async () => {
    const ids: string[] = [];
    for (const [k, year] of [2021, 2022, 2023, 2024, 2025].entries())
      ids.push(await submitted(String(year), 60 + k));
    const draft = await dept.request('POST', '/api/observations', {
      indicatorId: target.id,
      period: '2021Q1',
      value: 1,
      note: 'draft',
    });
    const draftId = draft.body.observation?.id as string | undefined;

    expect((await dept.request('POST', '/api/observations/approve', { ids })).status).toBe(403);
    const r = await admin.request('POST', '/api/observations/approve', {
      ids: draftId ? [...ids, draftId] : ids,
    });
    expect(r.status).toBe(200);
    expect(r.body.approved).toBe(5);
    const byId = new Map((r.body.items as { id: string; status: string }[]).map((i) => [i.id, i.status]));
    for (const id of ids) expect(byId.get(id)).toBe('approved');
    if (draftId) expect(byId.get(draftId)).toBe('refused');

    const values = await admin.request('GET', `/api/indicators/${target.id}/observations`);
    const approved = (values.body.items as { id: string; status: string }[]).filter((o) =>
      ids.includes(o.id),
    );
    expect(approved.map((o) => o.status)).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'approved',
    ]);

    for (const id of ids) {
      const audit = await admin.request('GET', `/api/audit?entity=observation&entityId=${id}`);
      const actions = (audit.body.items as { action: string }[]).map((a) => a.action);
      expect(actions.filter((a) => a === 'approve')).toHaveLength(1);
    }
  });

  it('refuses an empty selection', async () => {
    expect((await admin.request('POST', '/api/observations/approve', { ids: [] })).status).toBe(422);
  });
});
