import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/domain/evaluation/version.ts';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { readDocx } from './read-docx.ts';

describe.each(testDatabases)('report API on $kind', ({ create }) => {
  const s = seededSuite(create);

  it('writes the 13th plan final report as .docx from its approved results, the snapshot in header and footer', async () => {
    const res = await s.app.request(
      `/api/plans/${s.planIds.get('sip-13th')}/report.docx?year=2020&kind=final`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sip-13th-final-2020.docx"');
    const id = res.headers.get('x-lantu-snapshot') ?? '';
    expect(id).toMatch(/^live-[0-9a-f]{12}$/);
    const doc = await readDocx(new Uint8Array(await res.arrayBuffer()));
    expect(doc.footers.some((f) => f.includes(id) && f.includes(ENGINE_VERSION))).toBe(true);
    const table = doc.tables.find((t) => t[0]?.[0] === '类别' && t[0][8] === '判断');
    expect(table?.slice(1)).toHaveLength(22);
    expect(table?.slice(1).find((r) => r[1]?.startsWith('文化产业增加值占地区生产总值比重'))?.[8]).toBe(
      '未完成',
    );
  });

  it('gives the same snapshot id for the same figures, in .md and .xlsx too', async () => {
    const url = (f: string) => `/api/plans/${s.planIds.get('sip-13th')}/report.${f}?year=2020&kind=final`;
    const md = await s.app.request(url('md'));
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await md.text();
    expect(text).toContain('## 二、主要指标完成情况');
    const xlsx = await s.app.request(url('xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('x-lantu-snapshot')).toBe(md.headers.get('x-lantu-snapshot'));
    expect(text).toContain(md.headers.get('x-lantu-snapshot') ?? 'missing');
  });

  it('refuses a final report before the last year, a bad kind, and an unknown plan', async () => {
    const id = s.planIds.get('sip-14th') ?? '';
    const early = await getJson<{ error: { code: string } }>(
      s.app,
      `/api/plans/${id}/report.md?year=2023&kind=final`,
    );
    expect([early.status, early.body.error.code]).toEqual([400, 'bad_request']);
    const bad = await getJson<{ error: { code: string } }>(
      s.app,
      `/api/plans/${id}/report.md?year=2023&kind=weekly`,
    );
    expect([bad.status, bad.body.error.code]).toEqual([422, 'validation_failed']);
    const missing = await getJson<{ error: { code: string } }>(
      s.app,
      '/api/plans/00000000-0000-4000-8000-000000000000/report.md?year=2023',
    );
    expect(missing.status).toBe(404);
  });

  it('documents the three report routes in the OpenAPI document', async () => {
    const { body } = await getJson<{ paths: Record<string, unknown> }>(s.app, '/api/openapi.json');
    for (const f of ['docx', 'xlsx', 'md'])
      expect(Object.keys(body.paths)).toContain(`/api/plans/{id}/report.${f}`);
  });
});

describe.each(testDatabases)('snapshot reports and database progress on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let dept: Client;
  let hitechId: string;
  let project: { id: string; code: string; name: string };
  let laterProject: { id: string; code: string; name: string };
  let task: { id: string; title: string };
  let laterTask: { id: string; title: string };

  const download = (path: string, who?: Client) =>
    s.app.request(path, { headers: who ? { cookie: who.cookie } : {} });
  async function approve(period: string, value: number): Promise<void> {
    const created = await dept.request('POST', '/api/observations', {
      indicatorId: hitechId,
      period,
      value,
      note: '测试数据',
    });
    expect(created.status).toBe(201);
    const oid = created.body.observation.id as string;
    expect((await dept.request('POST', `/api/observations/${oid}/submit`)).status).toBe(200);
    expect((await admin.request('POST', `/api/observations/${oid}/approve`)).status).toBe(200);
  }

  beforeAll(async () => {
    const indicators = (
      await getJson<{ items: { id: string; code: string; departments: { code: string }[] }[] }>(
        s.app,
        `/api/plans/${s.planId}/indicators`,
      )
    ).body.items;
    const hitech = indicators.find((i) => i.code === 'T2-13')!;
    hitechId = hitech.id;
    admin = await loginAs(s.app, s.db, 'admin');
    dept = await loginAs(s.app, s.db, 'department', [hitech.departments[0]!.code]);
    const projects = await getJson<{ items: { id: string; code: string; name: string }[] }>(
      s.app,
      `/api/projects?planId=${s.planId}`,
    );
    project = projects.body.items[0]!;
    laterProject = projects.body.items[1]!;
    const tasks = await s.db.query<{ id: string; title: string }>(
      `SELECT id, title FROM plan_nodes WHERE plan_id = $1 AND kind = 'task' ORDER BY position LIMIT 2`,
      [s.planId],
    );
    task = tasks[0]!;
    laterTask = tasks[1]!;
    // Both tests read this state; whatever a test writes later goes to other items, so they run in any order.
    const report = {
      year: 2023,
      status: 'delayed',
      percent: 35,
      text: '一期工程完成土建。二期尚未开工。设备采购延后。',
    };
    expect((await admin.request('POST', `/api/tasks/${task.id}/reports`, report)).status).toBe(201);
    const items = [
      { year: 2022, planned: 10, completed: 4 },
      { year: 2023, planned: 10, completed: 5 },
    ];
    expect((await admin.request('POST', `/api/projects/${project.id}/investments`, { items })).status).toBe(
      200,
    );
  });

  it('fills the task and project sections of the live report from the database (no report texts: it is public)', async () => {
    const md = await (await download(`/api/plans/${s.planId}/report.md?year=2023&kind=midterm`)).text();
    const tasks = section(md, '三、');
    expect(tasks).toContain('滞后');
    expect(tasks).toContain(task.title);
    expect(tasks).not.toContain('一期工程完成土建');
    const projects = section(md, '四、');
    expect(projects).toContain(project.name);
    expect(projects).toMatch(/\| 9(\.0+)? \|/); // invested to date: 4 + 5
  });

  it('renders a stored snapshot: its figures after later approvals, its id and engine version in the footer, its kind', async () => {
    await approve('2022', 2613);
    const snap = await admin.request('POST', '/api/evaluations', {
      planId: s.planId,
      year: 2023,
      method: 'time',
      kind: 'midterm',
    });
    expect(snap.status).toBe(201);
    const id = snap.body.id as string;
    // Afterwards: another approved value, another task report, more investment.
    await approve('2023', 98765);
    expect(
      (
        await admin.request('POST', `/api/tasks/${laterTask.id}/reports`, {
          year: 2023,
          status: 'completed',
          percent: 100,
          text: '全部完成。',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.request('POST', `/api/projects/${laterProject.id}/investments`, {
          items: [{ year: 2023, completed: 50 }],
        })
      ).status,
    ).toBe(200);

    const live = await (await download(`/api/plans/${s.planId}/report.md?year=2023&kind=midterm`)).text();
    expect(live).toMatch(/98,?765/);
    expect(section(live, '四、')).toContain(laterProject.name);

    const res = await download(`/api/evaluations/${id}/report.md`, dept);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-lantu-snapshot')).toBe(id);
    expect(res.headers.get('content-disposition')).toContain('midterm-2023');
    const md = await res.text();
    expect(md).toContain('中期评估');
    expect(md).toMatch(/2,?613/);
    expect(md).not.toMatch(/98,?765/);
    expect(section(md, '三、')).toContain('一期工程完成土建。二期尚未开工。'); // the highlight, frozen
    expect(section(md, '三、')).not.toContain('全部完成');
    expect(section(md, '四、')).toMatch(/\| 9(\.0+)? \|/);
    expect(section(md, '四、')).not.toContain(laterProject.name);
    expect(md.trimEnd().split('\n').at(-1)).toContain(id);
    expect(md.trimEnd().split('\n').at(-1)).toContain(ENGINE_VERSION);

    const docx = await download(`/api/evaluations/${id}/report.docx?lang=en`, dept);
    expect(docx.status).toBe(200);
    const doc = await readDocx(new Uint8Array(await docx.arrayBuffer()));
    expect(doc.footers.length).toBeGreaterThan(0);
    for (const f of doc.footers) expect(f).toContain(id);
    expect(doc.footers.some((f) => f.includes(ENGINE_VERSION))).toBe(true);
    const xlsx = await download(`/api/evaluations/${id}/report.xlsx`, dept);
    expect([xlsx.status, xlsx.headers.get('x-lantu-snapshot')]).toEqual([200, id]);
  });

  it('needs a login like the snapshot itself; unknown snapshots are 404, snapshots without report data 409', async () => {
    const snap = await admin.request('POST', '/api/evaluations', {
      planId: s.planId,
      year: 2022,
      method: 'time',
      kind: 'annual',
    });
    expect((await download(`/api/evaluations/${snap.body.id}/report.md`)).status).toBe(401);
    expect(
      (await download('/api/evaluations/00000000-0000-4000-8000-000000000000/report.md', dept)).status,
    ).toBe(404);
    expect((await download(`/api/evaluations/${snap.body.id}/report.md?lang=fr`, dept)).status).toBe(422);
    await s.db.query(`UPDATE evaluation_snapshots SET result = result - 'report' WHERE id = $1`, [
      snap.body.id,
    ]);
    const old = await download(`/api/evaluations/${snap.body.id}/report.md`, dept);
    expect(old.status).toBe(409);
    const { body } = await getJson<{ paths: Record<string, unknown> }>(s.app, '/api/openapi.json');
    for (const f of ['docx', 'xlsx', 'md'])
      expect(Object.keys(body.paths)).toContain(`/api/evaluations/{id}/report.${f}`);
  });
});

/** The lines of a Markdown report from the heading starting with `prefix` to the next level-2 heading. */
function section(md: string, prefix: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${prefix}`));
  if (start < 0) return '';
  const end = lines.findIndex((l, k) => k > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}
