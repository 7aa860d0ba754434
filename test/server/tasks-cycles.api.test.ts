import { beforeAll, describe, expect, it } from 'vitest';
import { assignmentsRepository } from '../../src/db/repositories/assignments.repository.ts';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import type { Dataset } from '../../src/domain/dataset.ts';
import { ENGINE_VERSION } from '../../src/domain/evaluation/version.ts';
import { loadDataset } from '../../src/server/modules/datasets/dataset.service.ts';
import { getJson, indicatorsOf, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { approvedValue } from '../support/observations.ts';

interface Indicator {
  id: string;
  code: string;
  name: string;
  attribute: string;
  departments: { code: string; name: string; role: string }[];
}

describe.each(testDatabases)(
  'task work plans, evaluation cycles and plan coherence on $kind',
  ({ create }) => {
    const s = seededSuite(create);
    let taskId: string;
    let otherTaskId: string;
    let indicators: Indicator[];
    let admin: Client;
    let dept: Client;
    let otherDept: Client;
    let assessor: Client;
    let deptCode: string;
    let otherCode: string;

    beforeAll(async () => {
      indicators = await indicatorsOf<Indicator>(s.app, s.planId);
      const tasks = await s.db.query<{ id: string }>(
        `SELECT id FROM plan_nodes WHERE plan_id = $1 AND kind = 'task' ORDER BY position LIMIT 2`,
        [s.planId],
      );
      [taskId, otherTaskId] = [tasks[0]!.id, tasks[1]!.id];
      const codes = await s.db.query<{ id: string; code: string }>(
        'SELECT id, code FROM departments ORDER BY code',
      );
      const hitech = indicators.find((i) => i.code === 'T2-11')!;
      deptCode = hitech.departments[0]!.code;
      otherCode = codes.find((d) => !hitech.departments.some((h) => h.code === d.code))!.code;
      const deptId = codes.find((d) => d.code === deptCode)!.id;
      // The first task is the department's alone; the second task has no department (whatever the seed says).
      await s.db.query('DELETE FROM assignments WHERE node_id = ANY($1::uuid[])', [[taskId, otherTaskId]]);
      await assignmentsRepository.insertMany(s.db, [
        { planId: s.planId, nodeId: taskId, indicatorId: null, departmentId: deptId, role: 'lead' },
      ]);
      admin = await loginAs(s.app, s.db, 'admin');
      dept = await loginAs(s.app, s.db, 'department', [deptCode]);
      otherDept = await loginAs(s.app, s.db, 'department', [otherCode]);
      assessor = await loginAs(s.app, s.db, 'assessor');
    });

    it('the SIP dataset has departments, assignments for every indicator, and the named projects', async () => {
      const departments = (await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM departments'))[0]!
        .n;
      expect(departments).toBeGreaterThanOrEqual(10);
      expect(indicators.length).toBeGreaterThan(50);
      for (const i of indicators) expect(i.departments.length, i.code).toBeGreaterThan(0);
      const names = (
        await s.db.query<{ name: string }>('SELECT name FROM projects WHERE plan_id = $1', [s.planId])
      ).map((r) => r.name);
      for (const n of [
        '中新生物技术创新岛',
        '北部市民中心',
        '独墅湖第二通道',
        '独墅湖医院二期',
        '星塘医院',
        '星海医院改建',
        '500kV车坊变超规模扩建',
      ])
        expect(names, n).toContain(n);
    });

    it('keeps annual work plans with milestones; only the task’s departments and admins write them', async () => {
      const plan = {
        summary: '年度推进计划',
        milestones: [
          { title: '完成方案编制', dueDate: '2020-03-31' },
          { title: '完成招标', dueDate: '2099-06-30' },
        ],
      };
      expect((await otherDept.request('PUT', `/api/tasks/${taskId}/work-plans/2024`, plan)).status).toBe(403);
      expect((await assessor.request('PUT', `/api/tasks/${taskId}/work-plans/2024`, plan)).status).toBe(403);
      const anon = await s.app.request(`/api/tasks/${taskId}/work-plans/2024`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(plan),
      });
      expect(anon.status).toBe(401);
      expect(
        (
          await dept.request('PUT', `/api/tasks/${taskId}/work-plans/2024`, {
            milestones: [{ title: 'x', dueDate: '2024-13-01' }],
          })
        ).status,
      ).toBe(422);
      const saved = await dept.request('PUT', `/api/tasks/${taskId}/work-plans/2024`, plan);
      expect(saved.status).toBe(200);
      expect(saved.body.workPlans).toMatchObject([
        {
          year: 2024,
          summary: '年度推进计划',
          milestones: [
            { title: '完成方案编制', dueDate: '2020-03-31', completedOn: null, overdue: true },
            { title: '完成招标', dueDate: '2099-06-30', overdue: false },
          ],
        },
      ]);
      // admins may write any task's plan; replacing keeps one plan per year
      const replaced = await admin.request('PUT', `/api/tasks/${taskId}/work-plans/2024`, {
        milestones: plan.milestones,
      });
      expect(replaced.body.workPlans).toHaveLength(1);
      expect(replaced.body.workPlans[0].summary).toBe('年度推进计划');
      expect((await dept.request('PUT', `/api/tasks/${otherTaskId}/work-plans/2024`, plan)).status).toBe(403);
      const audit = await auditRepository.list(s.db, { entity: 'work_plan' });
      expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    });

    it('lists overdue milestones per department and clears them when done', async () => {
      const mine = await dept.request('GET', '/api/milestones/overdue');
      expect(mine.status).toBe(200);
      expect(mine.body.items).toMatchObject([
        { title: '完成方案编制', departmentCode: deptCode, role: 'lead', nodeId: taskId },
      ]);
      expect(mine.body.items[0].daysOverdue).toBeGreaterThan(365);
      // issue 17, bug 8: the 待办 showed the department's code (KJJ), not its name
      expect(mine.body.items[0].departmentName).toBe(
        indicators.find((i) => i.code === 'T2-11')!.departments[0]!.name,
      );
      expect((await otherDept.request('GET', `/api/milestones/overdue?department=${deptCode}`)).status).toBe(
        403,
      );
      expect((await otherDept.request('GET', '/api/milestones/overdue')).body.items).toEqual([]);
      expect(
        (await admin.request('GET', `/api/milestones/overdue?department=${deptCode}`)).body.items,
      ).toHaveLength(1);
      expect((await s.app.request('/api/milestones/overdue')).status).toBe(401);
      const id = mine.body.items[0].id as string;
      expect(
        (await otherDept.request('PATCH', `/api/milestones/${id}`, { completedOn: '2020-04-02' })).status,
      ).toBe(403);
      expect(
        (await dept.request('PATCH', `/api/milestones/${id}`, { completedOn: '2020-04-02' })).status,
      ).toBe(200);
      expect((await dept.request('GET', '/api/milestones/overdue')).body.items).toEqual([]);
    });

    it('takes progress reports with evidence files, served back as safe downloads', async () => {
      const report = { year: 2024, status: 'in_progress', percent: 40, text: '完成方案编制' };
      expect((await otherDept.request('POST', `/api/tasks/${taskId}/reports`, report)).status).toBe(403);
      expect(
        (await dept.request('POST', `/api/tasks/${taskId}/reports`, { ...report, status: 'paused' })).status,
      ).toBe(422);
      expect(
        (await dept.request('POST', `/api/tasks/${taskId}/reports`, { ...report, percent: 140 })).status,
      ).toBe(422);
      const saved = await dept.request('POST', `/api/tasks/${taskId}/reports`, report);
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({
        status: 'in_progress',
        percent: 40,
        byEmail: dept.email,
        evidence: [],
      });
      const reportId = saved.body.id as string;

      const upload = (client: Client | null, file: Blob, name: string) => {
        const form = new FormData();
        form.append('file', file, name);
        const headers: Record<string, string> = client
          ? { cookie: client.cookie, 'x-csrf-token': client.csrf }
          : {};
        return s.app.request(`/api/task-reports/${reportId}/evidence`, {
          method: 'POST',
          headers,
          body: form,
        });
      };
      const html = new Blob(['<script>alert(1)</script>'], { type: 'text/html' });
      expect((await upload(otherDept, html, 'x.html')).status).toBe(403);
      expect((await upload(null, html, 'x.html')).status).toBe(401);
      const stored = await upload(dept, html, '../../进展说明.html');
      expect(stored.status).toBe(201);
      const meta = (await stored.json()) as {
        id: string;
        filename: string;
        contentType: string;
        size: number;
      };
      expect(meta).toMatchObject({
        filename: '进展说明.html',
        contentType: 'application/octet-stream',
        size: 25,
      });

      const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff]);
      const pdf = await upload(dept, new Blob([pdfBytes], { type: 'application/pdf' }), 'evidence.pdf');
      const pdfMeta = (await pdf.json()) as { id: string };
      const res = await s.app.request(`/api/evidence/${pdfMeta.id}`, {
        headers: { cookie: assessor.cookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence.pdf"/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdfBytes);
      const htmlRes = await s.app.request(`/api/evidence/${meta.id}`, { headers: { cookie: dept.cookie } });
      expect(htmlRes.headers.get('content-type')).toBe('application/octet-stream');
      expect(htmlRes.headers.get('content-disposition')).toContain("filename*=UTF-8''%E8%BF%9B");
      expect((await s.app.request(`/api/evidence/${meta.id}`)).status).toBe(401);

      const tooBig = await upload(dept, new Blob([new Uint8Array(20 * 1024 * 1024 + 1)]), 'big.bin');
      expect(tooBig.status).toBe(413);
      const work = await dept.request('GET', `/api/tasks/${taskId}/work`);
      expect(work.body.reports[0].evidence.map((e: { filename: string }) => e.filename)).toEqual([
        '进展说明.html',
        'evidence.pdf',
      ]);
      expect((await auditRepository.list(s.db, { entity: 'evidence' })).length).toBe(2);
    });

    it('rolls task progress up the plan', async () => {
      await admin.request('POST', `/api/tasks/${otherTaskId}/reports`, {
        year: 2024,
        status: 'completed',
        percent: 10,
        text: '已完成',
      });
      const res = await getJson<{
        percent: number;
        counts: Record<string, number>;
        unreported: number;
        nodes: { nodeId: string; percent: number | null; children: unknown[] }[];
      }>(s.app, `/api/plans/${s.planId}/progress`);
      expect(res.status).toBe(200);
      expect(res.body.counts).toMatchObject({ in_progress: 1, completed: 1 });
      expect(res.body.unreported).toBeGreaterThan(100);
      expect(res.body.percent).toBe(70); // (40 + 100) / 2, unreported left out
      const strict = await getJson<{ percent: number }>(
        s.app,
        `/api/plans/${s.planId}/progress?unreportedAsZero=true`,
      );
      expect(strict.body.percent).toBeLessThan(10);
      const before = await getJson<{ counts: Record<string, number> }>(
        s.app,
        `/api/plans/${s.planId}/progress?year=2023`,
      );
      expect(before.body.counts.completed).toBe(0);
    });

    it('freezes evaluations with the engine version; later approvals do not change a snapshot', async () => {
      const body = { planId: s.planId, year: 2021, method: 'time', kind: 'annual' };
      expect((await dept.request('POST', '/api/evaluations', body)).status).toBe(403);
      const anon = await s.app.request('/api/evaluations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(anon.status).toBe(401);
      expect((await admin.request('POST', '/api/evaluations', { ...body, kind: 'weekly' })).status).toBe(422);
      const snap = await assessor.request('POST', '/api/evaluations', body);
      expect(snap.status).toBe(201);
      expect(snap.body).toMatchObject({
        planId: s.planId,
        year: 2021,
        kind: 'annual',
        engineVersion: ENGINE_VERSION,
        assessments: [],
      });
      const frozen = snap.body.result;
      const hitech = indicators.find((i) => i.code === 'T2-11')!;
      expect(
        frozen.evaluation.indicators.find((i: { code: string }) => i.code === 'T2-11').actual,
      ).toBeNull();

      // a value approved afterwards changes the live evaluation, not the snapshot
      await approvedValue(dept, admin, { indicatorId: hitech.id, period: '2021', value: 2600 });
      const live = await getJson<{ indicators: { code: string; actual: number | null }[] }>(
        s.app,
        `/api/plans/${s.planId}/evaluation?year=2021`,
      );
      expect(live.body.indicators.find((i) => i.code === 'T2-11')!.actual).toBe(2600);
      const again = await dept.request('GET', `/api/evaluations/${snap.body.id}`);
      expect(again.status).toBe(200);
      expect(again.body.result).toEqual(frozen);
      const second = await admin.request('POST', '/api/evaluations', body);
      expect(
        second.body.result.evaluation.indicators.find((i: { code: string }) => i.code === 'T2-11').actual,
      ).toBe(2600);
      const list = await dept.request('GET', `/api/evaluations?planId=${s.planId}`);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([second.body.id, snap.body.id]);
      expect((await s.app.request(`/api/evaluations/${snap.body.id}`)).status).toBe(401);
      expect((await auditRepository.list(s.db, { entity: 'evaluation_snapshot' })).length).toBe(2);
    });

    it('records self-assessments by the responsible department and third-party assessments by assessors', async () => {
      const snap = (
        await admin.request('POST', '/api/evaluations', {
          planId: s.planId,
          year: 2022,
          method: 'time',
          kind: 'midterm',
        })
      ).body;
      const hitech = indicators.find((i) => i.code === 'T2-11')!;
      const a = { indicatorId: hitech.id, score: 85, verdict: '基本符合预期', comment: '进展顺利' };
      expect((await otherDept.request('POST', `/api/evaluations/${snap.id}/assessments`, a)).status).toBe(
        403,
      );
      expect((await admin.request('POST', `/api/evaluations/${snap.id}/assessments`, a)).status).toBe(403);
      expect(
        (await dept.request('POST', `/api/evaluations/${snap.id}/assessments`, { ...a, nodeId: taskId }))
          .status,
      ).toBe(422);
      expect(
        (await dept.request('POST', `/api/evaluations/${snap.id}/assessments`, { ...a, score: 101 })).status,
      ).toBe(422);
      const self = await dept.request('POST', `/api/evaluations/${snap.id}/assessments`, a);
      expect(self.status).toBe(201);
      expect(self.body).toMatchObject({
        source: 'self',
        indicatorCode: 'T2-11',
        score: 85,
        byEmail: dept.email,
      });
      const task = await dept.request('POST', `/api/evaluations/${snap.id}/assessments`, {
        nodeId: taskId,
        verdict: '推进中',
      });
      expect(task.body).toMatchObject({ source: 'self', nodeId: taskId, score: null });
      expect(
        (
          await dept.request('POST', `/api/evaluations/${snap.id}/assessments`, {
            nodeId: otherTaskId,
            verdict: 'x',
          })
        ).status,
      ).toBe(403);
      const third = await assessor.request('POST', `/api/evaluations/${snap.id}/assessments`, {
        ...a,
        score: 70,
        verdict: '滞后',
      });
      expect(third.body.source).toBe('third_party');
      const got = await assessor.request('GET', `/api/evaluations/${snap.id}`);
      expect(got.body.assessments.map((x: { source: string }) => x.source)).toEqual([
        'self',
        'self',
        'third_party',
      ]);
      expect((await auditRepository.list(s.db, { entity: 'assessment' })).length).toBe(3);
    });

    it('reports binding indicators a child plan sets weaker or for another year', async () => {
      // SIP binding targets: T2-22 城镇登记失业率 ≤ 2 (decrease), T2-28 能耗降低 (assigned by the city), T2-31 Ⅲ类水比例 100
      const full = await s.db.query<{
        code: string;
        name: string;
        target: { value: number | null } | null;
        target_year: number | null;
        direction: string;
        unit: string | null;
      }>(
        `SELECT code, name, target, target_year, direction, unit FROM indicators WHERE plan_id = $1 AND code = ANY($2::text[]) ORDER BY code`,
        [s.planId, ['T2-22', 'T2-28', 'T2-31']],
      );
      const [weak, year, same] = full;
      expect(weak).toMatchObject({ code: 'T2-22', direction: 'decrease' });
      const q = (value: number | null) =>
        value === null
          ? { raw: '完成市下达任务', value: null, comparator: 'text' as const, low: null, high: null }
          : { raw: String(value), value, comparator: 'eq' as const, low: value, high: value };
      const spec = (
        code: string,
        name: string,
        unit: string | null,
        dir: string,
        value: number | null,
        targetYear: number,
      ) => ({
        code,
        name,
        unit,
        category: null,
        attribute: 'binding' as const,
        kind: 'level' as const,
        direction: dir as 'increase' | 'decrease' | 'none',
        baselineYear: null,
        baseline: null,
        targetYear,
        target: q(value),
        tolerance: null,
        relatedCode: null,
        departments: [],
        frequency: 'annual' as const,
        dataSource: null,
        origin: 'table' as const,
        kindRule: null,
        nodePath: null,
        tableNumber: 1,
        rowNumber: 1,
      });
      const child: Dataset = {
        formatVersion: 1,
        departments: [],
        spatialUnits: [],
        projects: [],
        plans: [
          {
            key: 'sip-dsh-area',
            title: '独墅湖科教创新区片区规划',
            shortTitle: null,
            issuer: null,
            periodStart: 2021,
            periodEnd: 2025,
            visionYear: null,
            parentKey: 'sip-14th',
            predecessorKey: null,
            nodes: [],
            observations: [],
            indicators: [
              spec('D-1', weak!.name, weak!.unit, 'decrease', 2.5, 2025),
              spec(
                year!.code,
                `${year!.name}（片区）`,
                year!.unit,
                year!.direction,
                year!.target!.value,
                (year!.target_year ?? 2025) - 1,
              ),
              spec(
                same!.code,
                same!.name,
                same!.unit,
                same!.direction,
                same!.target!.value,
                same!.target_year ?? 2025,
              ),
            ],
          },
        ],
      };
      await loadDataset(s.db, child, { actor: 'test' });
      const res = await getJson<{
        coherent: boolean;
        pairs: { child: { key: string }; findings: { issue: string; code: string; childCode: string }[] }[];
      }>(s.app, `/api/plans/${s.planId}/coherence`);
      expect(res.status).toBe(200);
      expect(res.body.coherent).toBe(false);
      const pair = res.body.pairs.find((p) => p.child.key === 'sip-dsh-area')!;
      expect(pair.findings.map((f) => [f.issue, f.code, f.childCode])).toEqual([
        ['weaker', weak!.code, 'D-1'], // matched by name
        ['other_year', year!.code, year!.code], // matched by code
      ]);
      const childId = (
        await s.db.query<{ id: string }>(`SELECT id FROM plans WHERE key = 'sip-dsh-area'`)
      )[0]!.id;
      const fromChild = await getJson<{ pairs: { master: { id: string }; findings: unknown[] }[] }>(
        s.app,
        `/api/plans/${childId}/coherence?missing=true`,
      );
      expect(fromChild.body.pairs[0]!.master.id).toBe(s.planId);
      expect(fromChild.body.pairs[0]!.findings.length).toBeGreaterThan(2); // + binding indicators the child omits
    });
  },
);
