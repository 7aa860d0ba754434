import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { tasksInOrder, type TreeNode } from '../support/plan-tree.ts';
import { loginAs, type Client } from '../support/session.ts';

/** Issue 17, bulk actions: 提交全部草稿 and 批量分配 — each item still moved and audited one by one. */
describe.each(testDatabases)('bulk actions on $kind', ({ create }) => {
  const s = seededSuite(create);
  let indicators: PlanIndicator[];
  let kjj: Client;
  let swj: Client;
  let admin: Client;
  const ind = (code: string) => indicators.find((i) => i.code === code)!;

  beforeAll(async () => {
    indicators = await indicatorsOf<PlanIndicator>(s.app, s.planId);
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    swj = await loginAs(s.app, s.db, 'department', ['SWJ']);
    admin = await loginAs(s.app, s.db, 'admin');
  });

  async function draft(client: Client, code: string, period: string, value: number, note: string | null) {
    const r = await client.request('POST', '/api/observations', {
      indicatorId: ind(code).id,
      period,
      value,
      note,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.observation.id as string;
  }

  const auditActions = async (id: string) =>
    (
      (await admin.request('GET', `/api/audit?entity=observation&entityId=${id}`)).body.items as {
        action: string;
        actor: string;
      }[]
    ).map((a) => a.action);

  it('submits every draft of the caller’s own indicators in one action, each audited, others untouched', async () => {
    // KJJ leads T2-11 (国家高新技术企业数; 2022 and 2023 published) and T2-12; SWJ leads T2-05.
    const mine = [
      await draft(kjj, 'T2-11', '2021', 2500, '科技局统计'),
      await draft(kjj, 'T2-12', '2022', 35, '上市公司数'),
      await draft(kjj, 'T2-12', '2021', 30, '上市公司数'),
    ];
    const other = await draft(swj, 'T2-05', '2021', 60, '商务局');

    const r = await kjj.request('POST', '/api/observations/submit-drafts', { planId: s.planId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.submitted).toBe(3);
    expect((r.body.items as { id: string; status: string }[]).map((i) => [i.id, i.status]).sort()).toEqual(
      mine.map((id) => [id, 'submitted']).sort(),
    );
    for (const id of mine) expect((await auditActions(id)).filter((a) => a === 'submit')).toHaveLength(1);
    // SWJ's draft is not KJJ's to submit.
    const swjValues = await swj.request('GET', `/api/indicators/${ind('T2-05').id}/observations`);
    expect(swjValues.body.items.find((o: { id: string }) => o.id === other).status).toBe('draft');
    expect(await auditActions(other)).toEqual(['create']);

    // Nothing left to submit: an empty answer, not an error.
    const again = await kjj.request('POST', '/api/observations/submit-drafts', { planId: s.planId });
    expect(again.body).toEqual({ submitted: 0, items: [] });
  });

  it('keeps to one period when asked, and reports a draft the submit step refuses while the rest go', async () => {
    const y2023 = await draft(kjj, 'T2-12', '2023', 38, '统计');
    // 1 国家高新技术企业 in 2025 (2,800 in 2023) makes T2-11 lag; without a note it cannot be submitted.
    const lagging = await draft(kjj, 'T2-11', '2025', 1, null);
    const y2024 = await draft(kjj, 'T2-12', '2024', 40, '统计');

    const only2023 = await kjj.request('POST', '/api/observations/submit-drafts', {
      planId: s.planId,
      period: '2023',
    });
    expect(only2023.body.items.map((i: { id: string }) => i.id)).toEqual([y2023]);

    const rest = await kjj.request('POST', '/api/observations/submit-drafts', { planId: s.planId });
    const byId = new Map(
      (rest.body.items as { id: string; status: string; error: { code: string } | null }[]).map((i) => [
        i.id,
        i,
      ]),
    );
    expect(byId.get(y2024)?.status).toBe('submitted');
    expect(byId.get(lagging)).toMatchObject({ status: 'refused', error: { code: 'validation_failed' } });
    expect(rest.body.submitted).toBe(1);
    expect(await auditActions(lagging)).toEqual(['create']);
  });

  it('is for department users, needs a known plan and a valid body', async () => {
    expect(
      (await admin.request('POST', '/api/observations/submit-drafts', { planId: s.planId })).status,
    ).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await kjj.request('POST', '/api/observations/submit-drafts', { planId: unknown })).status).toBe(
      404,
    );
    expect((await kjj.request('POST', '/api/observations/submit-drafts', { planId: 'x' })).status).toBe(422);
  });

  it('assigns several indicators and tasks at once, each audited, in one transaction', async () => {
    const tree = await getJson<{ nodes: TreeNode[] }>(s.app, `/api/plans/${s.planId}/tree`);
    const tasks = tasksInOrder(tree.body.nodes)
      .slice(0, 2)
      .map((n) => n.id);
    expect(tasks).toHaveLength(2);
    const items = [
      { indicatorId: ind('T2-11').id },
      { indicatorId: ind('T2-12').id },
      ...tasks.map((nodeId) => ({ nodeId })),
    ];

    expect((await kjj.request('PUT', '/api/assignments/bulk', { items, lead: 'KJJ', co: [] })).status).toBe(
      403,
    );
    const r = await admin.request('PUT', '/api/assignments/bulk', { items, lead: 'SWJ', co: ['KJJ', 'TJJ'] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(
      (r.body.items as { lead: { code: string }; co: { code: string }[] }[]).map((a) => [
        a.lead.code,
        a.co.map((d) => d.code).sort(),
      ]),
    ).toEqual(Array(4).fill(['SWJ', ['KJJ', 'TJJ']]));

    const list = await admin.request('GET', `/api/plans/${s.planId}/assignments`);
    const t211 = list.body.items.find((a: { code: string }) => a.code === 'T2-11');
    expect(t211.lead.code).toBe('SWJ');
    for (const [entity, id] of [
      ['indicator', ind('T2-11').id],
      ['indicator', ind('T2-12').id],
      ['node', tasks[0]],
      ['node', tasks[1]],
    ] as const) {
      const audit = await admin.request('GET', `/api/audit?entity=${entity}&entityId=${id}`);
      const assign = (audit.body.items as { action: string; after: { lead: string } }[]).filter(
        (a) => a.action === 'assign',
      );
      expect(assign.length, `${entity} ${id}`).toBe(1);
      expect(assign[0]!.after.lead).toBe('SWJ');
    }
  });

  it('writes nothing when one item is unknown or a department is wrong', async () => {
    const before = (await admin.request('GET', `/api/plans/${s.planId}/assignments`)).body.items.find(
      (a: { code: string }) => a.code === 'T2-05',
    );
    const unknown = { indicatorId: '00000000-0000-4000-8000-000000000000' };
    const r = await admin.request('PUT', '/api/assignments/bulk', {
      items: [{ indicatorId: ind('T2-05').id }, unknown],
      lead: 'KJJ',
      co: [],
    });
    expect(r.status).toBe(404);
    const bad = await admin.request('PUT', '/api/assignments/bulk', {
      items: [{ indicatorId: ind('T2-05').id }],
      lead: 'KJJ',
      co: ['KJJ'],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('牵头部门不能同时为配合部门');
    const after = (await admin.request('GET', `/api/plans/${s.planId}/assignments`)).body.items.find(
      (a: { code: string }) => a.code === 'T2-05',
    );
    expect(after).toEqual(before);
    expect((await admin.request('PUT', '/api/assignments/bulk', { items: [], lead: 'KJJ' })).status).toBe(
      422,
    );
  });
});
