import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishPlanVersion } from '../../src/server/modules/plan-versions/plan-versions.service.ts';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import {
  DEFAULT_DATASET_PATH,
  loadDataset,
  readDatasetFile,
} from '../../src/server/modules/datasets/dataset.service.ts';
import { getJson, indicatorsOf, type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { enterValue } from '../support/observations.ts';
import { loginAs, type Client } from '../support/session.ts';
import { uploadFile } from '../support/upload.ts';

async function sheet(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分工');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(testDatabases)('departments, assignments, inbox and audit on $kind', ({ create }) => {
  const s = seededSuite(create);
  let indicators: PlanIndicator[];
  let admin: Client;
  let assessor: Client;
  let kjj: Client;
  let swj: Client;

  const ind = (code: string) => indicators.find((i) => i.code === code)!;

  beforeAll(async () => {
    indicators = await indicatorsOf<PlanIndicator>(s.app, s.planId);
    admin = await loginAs(s.app, s.db, 'admin');
    assessor = await loginAs(s.app, s.db, 'assessor');
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    swj = await loginAs(s.app, s.db, 'department', ['SWJ']);
  });

  describe('departments', () => {
    it('lists departments to any logged-in user, not to the anonymous', async () => {
      expect((await s.app.request('/api/departments')).status).toBe(401);
      const list = await kjj.request('GET', '/api/departments');
      expect(list.status).toBe(200);
      expect(list.body.items.map((d: { code: string }) => d.code)).toContain('KJJ');
    });

    it('lets the admin create one, once, with an audit entry', async () => {
      const created = await admin.request('POST', '/api/departments', {
        code: 'SJJ',
        name: '审计局',
        nameEn: 'Audit Bureau',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'SJJ', name: '审计局', nameEn: 'Audit Bureau' });
      expect((await admin.request('POST', '/api/departments', { code: 'SJJ', name: '又一个' })).status).toBe(
        409,
      );
      expect((await admin.request('POST', '/api/departments', { code: 'no spaces', name: 'x' })).status).toBe(
        422,
      );
      expect((await kjj.request('POST', '/api/departments', { code: 'X1', name: 'x' })).status).toBe(403);
      const audit = await auditRepository.list(s.db, { entity: 'department', entityId: created.body.id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', actor: admin.email });
    });
  });

  describe('assignments', () => {
    it('replaces the lead and co-departments of an indicator', async () => {
      const t = ind('T2-12');
      const put = await admin.request('PUT', '/api/assignments', {
        indicatorId: t.id,
        lead: 'KJJ',
        co: ['JFJ', 'SJJ'],
      });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({
        indicatorId: t.id,
        nodeId: null,
        code: 'T2-12',
        lead: { code: 'KJJ' },
        co: [{ code: 'JFJ' }, { code: 'SJJ' }],
      });
      const again = await admin.request('PUT', '/api/assignments', {
        indicatorId: t.id,
        lead: 'SJJ',
        co: [],
      });
      expect(again.body).toMatchObject({ lead: { code: 'SJJ' }, co: [] });
      const list = await kjj.request('GET', `/api/plans/${s.planId}/assignments`);
      expect(list.status).toBe(200);
      const row = list.body.items.find((i: { code: string }) => i.code === 'T2-12');
      expect(row).toMatchObject({ lead: { code: 'SJJ' }, co: [] });
      const audit = await auditRepository.list(s.db, { entity: 'indicator', entityId: t.id });
      expect(audit.map((a) => a.after)).toEqual([
        { lead: 'SJJ', co: [] },
        { lead: 'KJJ', co: ['JFJ', 'SJJ'] },
      ]);
      // an explicit PUT is audited even when it changes nothing
      await admin.request('PUT', '/api/assignments', { indicatorId: t.id, lead: 'SJJ', co: [] });
      expect(await auditRepository.list(s.db, { entity: 'indicator', entityId: t.id })).toHaveLength(3);
      await admin.request('PUT', '/api/assignments', { indicatorId: t.id, lead: 'KJJ', co: [] });
    });

    it('assigns a task (plan node)', async () => {
      const tree = await getJson<{ nodes: { id: string; kind: string; children: unknown[] }[] }>(
        s.app,
        `/api/plans/${s.planId}/tree`,
      );
      const nodeId = tree.body.nodes[0]!.id;
      const put = await admin.request('PUT', '/api/assignments', { nodeId, lead: 'JFJ', co: ['KJJ'] });
      expect(put.status).toBe(200);
      const list = await admin.request('GET', `/api/plans/${s.planId}/assignments`);
      expect(list.body.items.find((i: { nodeId: string | null }) => i.nodeId === nodeId)).toMatchObject({
        lead: { code: 'JFJ' },
        co: [{ code: 'KJJ' }],
      });
    });

    it('refuses nonsense', async () => {
      const t = ind('T2-12');
      const nodeId = '00000000-0000-4000-8000-000000000000';
      expect(
        (await admin.request('PUT', '/api/assignments', { indicatorId: t.id, nodeId, lead: 'KJJ' })).status,
      ).toBe(422);
      expect((await admin.request('PUT', '/api/assignments', { lead: 'KJJ' })).status).toBe(422);
      expect(
        (await admin.request('PUT', '/api/assignments', { indicatorId: t.id, lead: 'NOPE' })).status,
      ).toBe(422);
      expect(
        (await admin.request('PUT', '/api/assignments', { indicatorId: t.id, lead: 'KJJ', co: ['KJJ'] }))
          .status,
      ).toBe(422);
      expect(
        (await admin.request('PUT', '/api/assignments', { indicatorId: nodeId, lead: 'KJJ' })).status,
      ).toBe(404);
      expect((await kjj.request('PUT', '/api/assignments', { indicatorId: t.id, lead: 'KJJ' })).status).toBe(
        403,
      );
      expect((await s.app.request(`/api/plans/${s.planId}/assignments`)).status).toBe(401);
    });

    it('rejects a bad sheet with row numbers and saves nothing', async () => {
      const bytes = await sheet([
        ['编码 code', '牵头部门 lead', '配合部门 co'],
        ['T2-13', 'JFJ', 'KJJ'],
        ['T9-99', 'JFJ', ''],
        ['T2-15', 'NOPE', 'KJJ、WHO'],
        ['T2-13', 'KJJ', ''],
        ['T2-10', '', ''],
      ]);
      const res = await uploadFile(s.app, admin, `/api/assignments/upload?planId=${s.planId}`, bytes);
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(false);
      const byRow = new Map(res.body.rows.map((r: { row: number }) => [r.row, r]));
      expect(byRow.get(2)).toMatchObject({ code: 'T2-13', status: 'unchanged' });
      expect(byRow.get(3)).toMatchObject({ code: 'T9-99', status: 'error' });
      expect(byRow.get(4)).toMatchObject({ code: 'T2-15', status: 'error' });
      expect((byRow.get(4) as { message: string }).message).toContain('NOPE');
      expect((byRow.get(5) as { message: string }).message).toContain('row 2');
      expect(byRow.get(6)).toMatchObject({ code: 'T2-10', status: 'error' });
      // each language on its own (issue 17 bug 8 leftover: one "English 中文" string per row before)
      expect(byRow.get(2)).toMatchObject({
        messages: { zh: '其他行有误，未保存', en: 'Valid, not saved: other rows have errors' },
      });
      expect(byRow.get(3)).toMatchObject({
        message: 'No indicator or task T9-99 in this plan 编码不存在',
        messages: { zh: '编码不存在', en: 'No indicator or task T9-99 in this plan' },
      });
      expect(byRow.get(6)).toMatchObject({
        messages: { zh: '缺少牵头部门', en: 'No lead department' },
      });
      const list = await admin.request('GET', `/api/plans/${s.planId}/assignments`);
      expect(list.body.items.find((i: { code: string }) => i.code === 'T2-13').lead.code).toBe('KJJ');
    });

    it('applies a good sheet in one go', async () => {
      const bytes = await sheet([
        ['说明：批量分解'],
        ['code', 'lead', 'co'],
        ['T2-13', 'JFJ', 'KJJ, SJJ'],
        ['T2-15', 'KJJ', ''],
      ]);
      const res = await uploadFile(s.app, admin, `/api/assignments/upload?planId=${s.planId}`, bytes);
      expect(res.body).toEqual({
        ok: true,
        rows: [
          { row: 3, code: 'T2-13', status: 'saved', message: '' },
          { row: 4, code: 'T2-15', status: 'unchanged', message: '' },
        ],
      });
      const list = await admin.request('GET', `/api/plans/${s.planId}/assignments`);
      expect(list.body.items.find((i: { code: string }) => i.code === 'T2-13')).toMatchObject({
        lead: { code: 'JFJ' },
        co: [{ code: 'KJJ' }, { code: 'SJJ' }],
      });
      expect((await auditRepository.list(s.db, { entity: 'assignments' }))[0]).toMatchObject({
        action: 'upload',
      });
      await admin.request('PUT', '/api/assignments', { indicatorId: ind('T2-13').id, lead: 'KJJ', co: [] });
    });

    it('refuses uploads that are not .xlsx, and non-admins', async () => {
      const text = new TextEncoder().encode('code,lead\nT2-13,JFJ\n');
      const asCsv = await uploadFile(s.app, admin, `/api/assignments/upload?planId=${s.planId}`, text, {
        name: 'a.csv',
      });
      expect(asCsv.status).toBe(415);
      const disguised = await uploadFile(s.app, admin, `/api/assignments/upload?planId=${s.planId}`, text);
      expect(disguised.status).toBe(415);
      expect(disguised.body.error.code).toBe('unsupported_input');
      const good = await sheet([
        ['code', 'lead'],
        ['T2-13', 'KJJ'],
      ]);
      expect((await uploadFile(s.app, kjj, `/api/assignments/upload?planId=${s.planId}`, good)).status).toBe(
        403,
      );
    });
  });

  describe('inbox', () => {
    const items = async (c: Client, asOf: string) => {
      const res = await c.request('GET', `/api/inbox?asOf=${asOf}`);
      expect(res.status).toBe(200);
      return res.body.items as {
        type: string;
        code: string;
        period: string;
        due: string;
        overdue: boolean;
        observationId?: string;
      }[];
    };

    it('lists periods to fill for the department, overdue first, current plans only', async () => {
      const got = await items(kjj, '2023-02-15');
      const hitech = got.filter((i) => i.code === 'T2-13');
      expect(hitech.map((i) => [i.type, i.period, i.due, i.overdue])).toEqual([
        ['fill', '2021', '2022-03-31', true],
        ['fill', '2022', '2023-03-31', false],
      ]);
      const firstLate = got.findIndex((i) => !i.overdue);
      expect(got.slice(firstLate).every((i) => !i.overdue)).toBe(true);
      // only KJJ's indicators, and nothing of the finished 13th plan
      const kjjCodes = new Set(
        indicators.filter((i) => i.departments.some((d) => d.code === 'KJJ')).map((i) => i.code),
      );
      expect(got.every((i) => kjjCodes.has(i.code))).toBe(true);
      expect(got.every((i) => Number(i.period) >= 2021)).toBe(true);
    });

    it('follows a value through submit, approve and return', async () => {
      const hitech = ind('T2-13');
      const created = await enterValue(kjj, {
        indicatorId: hitech.id,
        period: '2021',
        value: 2400,
        note: 'n',
      });
      expect(created.status).toBe(201);
      const id = created.body.observation.id as string;
      let mine = (await items(kjj, '2023-02-15')).filter((i) => i.code === 'T2-13');
      expect(mine.map((i) => [i.type, i.period])).toEqual([
        ['submit', '2021'],
        ['fill', '2022'],
      ]);
      expect(mine[0]!.observationId).toBe(id);

      await kjj.request('POST', `/api/observations/${id}/submit`);
      mine = (await items(kjj, '2023-02-15')).filter((i) => i.code === 'T2-13');
      expect(mine.map((i) => i.type)).toEqual(['fill']);
      const approvals = await items(assessor, '2023-02-15');
      expect(approvals).toContainEqual(
        expect.objectContaining({ type: 'approve', code: 'T2-13', period: '2021', observationId: id }),
      );
      expect(await items(swj, '2023-02-15')).not.toContainEqual(
        expect.objectContaining({ observationId: id }),
      );

      await admin.request('POST', `/api/observations/${id}/return`, { reason: '请核实' });
      mine = (await items(kjj, '2023-02-15')).filter((i) => i.code === 'T2-13');
      expect(mine[0]).toMatchObject({ type: 'returned', period: '2021', observationId: id, overdue: true });
      expect(await items(admin, '2023-02-15')).not.toContainEqual(
        expect.objectContaining({ observationId: id }),
      );
    });

    it('refuses a bad asOf and the anonymous', async () => {
      expect((await kjj.request('GET', '/api/inbox?asOf=2023-02-30')).status).toBe(422);
      expect((await kjj.request('GET', '/api/inbox?asOf=soon')).status).toBe(422);
      expect((await s.app.request('/api/inbox')).status).toBe(401);
      expect((await kjj.request('GET', '/api/inbox')).status).toBe(200);
    });
  });

  describe('inbox across plan versions', () => {
    it('follows the published version of each plan: a new version is a draft until published, then carries the work', async () => {
      const items = async () =>
        (await kjj.request('GET', '/api/inbox?asOf=2023-02-15')).body.items as {
          planId: string;
          type: string;
          code: string;
          period: string;
        }[];
      const work = (list: Awaited<ReturnType<typeof items>>) =>
        list.map((i) => `${i.type} ${i.code} ${i.period}`).sort();
      const before = await items();
      const loaded = await loadDataset(s.db, readDatasetFile(DEFAULT_DATASET_PATH), {
        actor: 'test',
        asNewVersion: true,
      });
      const v2 = loaded.find((p) => p.key === 'sip-14th')!;
      expect(v2.version).toBe(2);
      // a draft: departments go on working on version 1 (issue 15 §5; the inbox switched at once before)
      expect(await items()).toEqual(before);
      await publishPlanVersion(s.db, v2.id, { id: null, name: 'test' });
      const after = await items();
      expect([...new Set(after.map((i) => i.planId))]).toEqual([v2.id]);
      // the drafts and returned values sent to version 1 are still asked for, now on version 2
      expect(work(after)).toEqual(work(before));
      expect(after.some((i) => i.type !== 'fill')).toBe(true);
    });
  });

  describe('audit API', () => {
    it('is read by admins and assessors only, filtered', async () => {
      expect((await s.app.request('/api/audit')).status).toBe(401);
      expect((await kjj.request('GET', '/api/audit')).status).toBe(403);
      const all = await assessor.request('GET', '/api/audit?limit=5');
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(5);
      const deps = await admin.request('GET', '/api/audit?entity=department');
      expect(deps.body.items.length).toBeGreaterThan(0);
      expect(deps.body.items.every((e: { entity: string }) => e.entity === 'department')).toBe(true);
      expect((await admin.request('GET', '/api/audit?limit=5000')).status).toBe(422);
    });

    it('has no route that writes it', () => {
      const writes = s.app.routes.filter(
        (r) => r.path.startsWith('/api/audit') && r.method !== 'GET' && r.method !== 'ALL',
      );
      expect(writes).toEqual([]);
    });
  });
});
