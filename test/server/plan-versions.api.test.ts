import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignmentsRepository } from '../../src/db/repositories/assignments.repository.ts';
import { type PlanIndicator, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { sharedFiles } from '../support/shared-files.ts';
import { importOutline } from '../support/upload.ts';
import { approvedValue } from '../support/observations.ts';

const {
  paths: [OUTLINE_URL = ''],
  present: HAVE_OUTLINE,
  skipped,
} = sharedFiles('plans/sip-14th-fyp-outline.txt');
// ids, the chart renderer's counters and the comment form's one-time challenge
const UUIDS =
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|zr\d+-c(ls-)?\d+|name="challenge" value="[^"]*"/g;

interface Plan {
  id: string;
  key: string;
  version: number;
  status: string;
  label: string;
}
interface Order {
  subjectType: string;
  subjectTitle: string;
  title: string;
  status: string;
}
/** Importing the SIP outline again as a new version, then publishing it (issue 15 §5, done-when). */
describe.skipIf(!HAVE_OUTLINE).each(testDatabases)(
  `plan versions that keep the work on $kind${skipped}`,
  ({ create }) => {
    const s = seededSuite(create);
    let admin: Client;
    let dept: Client;
    let v1: string;
    let v2: string;
    let taskId: string;
    let before: Awaited<ReturnType<typeof seen>>;

    const upload = (query: string, bytes: Uint8Array) => importOutline(s.app, admin, query, bytes);

    /** What a department user and the public see of the published SIP 14th plan, ids left out. */
    async function seen() {
      const plans = (await dept.request('GET', '/api/plans')).body.items as Plan[];
      const plan = plans.find((p) => p.key === 'sip-14th')!;
      const indicators = (await dept.request('GET', `/api/plans/${plan.id}/indicators`)).body
        .items as PlanIndicator[];
      const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
      const values = (
        (await dept.request('GET', `/api/plans/${plan.id}/observations`)).body.items as {
          indicatorId: string;
          period: string;
          kind: string;
          value: number | null;
          status: string;
          version: number;
        }[]
      )
        .map((o) => `${codeOf.get(o.indicatorId)}@${o.period}:${o.kind}=${o.value}/${o.status}/v${o.version}`)
        .sort();
      const t213 = indicators.find((i) => i.code === 'T2-13')!;
      const orders = async (query: string) =>
        ((await dept.request('GET', `/api/supervision?${query}`)).body.items as Order[]).map(
          (o) => `${o.subjectType} ${o.subjectTitle} ${o.title} ${o.status}`,
        );
      const portal = async (path: string) => (await (await s.app.request(path)).text()).replace(UUIDS, 'ID');
      const publicProjects = (await (await s.app.request('/api/public/projects')).json()) as {
        items: { code: string; name: string }[];
      };
      const tasks = await s.db.query<{ id: string; title: string }>(
        `SELECT n.id, n.title FROM plan_nodes n JOIN assignments a ON a.node_id = n.id WHERE n.plan_id = $1
        ORDER BY n.position`,
        [plan.id],
      );
      const task = tasks.find((t) => t.title === taskTitle)!;
      const work = (await dept.request('GET', `/api/tasks/${task.id}/work`)).body as {
        workPlans: { year: number; summary: string }[];
        reports: { year: number; percent: number; text: string }[];
      };
      return {
        plan,
        planIds: plans.map((p) => `${p.key} ${p.status}`).sort(),
        assignments: indicators.map(
          (i) => `${i.code}:${i.departments.map((d) => `${d.code}/${d.role}`).join(',')}`,
        ),
        values,
        projects: publicProjects.items.map((p) => `${p.code} ${p.name}`),
        publicIndicators: (await (await s.app.request('/api/public/indicators')).text()).replace(UUIDS, 'ID'),
        portal: await portal('/public/'),
        portalProjects: await portal('/public/projects'),
        work: {
          plans: work.workPlans.map((w) => `${w.year} ${w.summary}`),
          reports: work.reports.map((r) => `${r.year} ${r.percent} ${r.text}`),
        },
        // the 督办 the department works on (its 待办 and the indicator page), and the office's settings
        orders: await orders(`planId=${plan.id}`),
        indicatorOrders: await orders(`subjectType=indicator&subjectId=${t213.id}`),
        rules: (
          (await dept.request('GET', `/api/plans/${plan.id}/warning-rules`)).body.items as {
            kind: string;
            enabled: boolean;
            yellow: number;
            red: number;
          }[]
        ).map((r) => `${r.kind} ${r.enabled} ${r.yellow} ${r.red}`),
        supervisionSettings: (await dept.request('GET', `/api/plans/${plan.id}/supervision-settings`)).body,
        portalIndicator: await portal(`/public/indicators/${t213.id}`),
        inbox: ((await dept.request('GET', '/api/inbox?asOf=2024-02-15')).body.items as { code: string }[])
          .map((i) => i.code)
          .sort(),
      };
    }
    let taskTitle = '';

    beforeAll(async () => {
      v1 = s.planId;
      admin = await loginAs(s.app, s.db, 'admin');
      // the first task gets T2-13's lead department; its work plan and progress report are the work to keep
      const indicators = (await admin.request('GET', `/api/plans/${v1}/indicators`)).body
        .items as PlanIndicator[];
      const t213 = indicators.find((i) => i.code === 'T2-13')!;
      const deptCode = t213.departments[0]!.code;
      const task = (
        await s.db.query<{ id: string; title: string }>(
          `SELECT id, title FROM plan_nodes WHERE plan_id = $1 AND kind = 'task' ORDER BY position LIMIT 1`,
          [v1],
        )
      )[0]!;
      taskId = task.id;
      taskTitle = task.title;
      const deptId = (
        await s.db.query<{ id: string }>('SELECT id FROM departments WHERE code = $1', [deptCode])
      )[0]!.id;
      await assignmentsRepository.insertMany(s.db, [
        { planId: v1, nodeId: taskId, indicatorId: null, departmentId: deptId, role: 'lead' },
      ]);
      dept = await loginAs(s.app, s.db, 'department', [deptCode]);
      expect(
        (
          await dept.request('PUT', `/api/tasks/${taskId}/work-plans/2024`, {
            summary: '年度推进计划',
            milestones: [{ title: '完成方案编制', dueDate: '2024-06-30' }],
          })
        ).status,
      ).toBe(200);
      const report = { year: 2024, status: 'in_progress', percent: 40, text: '完成方案编制' };
      expect((await dept.request('POST', `/api/tasks/${taskId}/reports`, report)).status).toBe(201);
      // an approved value and a draft
      await approvedValue(dept, admin, { indicatorId: t213.id, period: '2022', value: 640 });
      await dept.request('POST', '/api/observations', { indicatorId: t213.id, period: '2023', value: 660 });
      // the office's 督办 on the version in use: an order on T2-13, a rule switched off, measures made public
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const order = await admin.request('POST', '/api/supervision', {
        subjectType: 'indicator',
        subjectId: t213.id,
        title: '研发机构建设督办',
        requirement: '提交整改计划',
        planDue: day(10),
        deadline: day(30),
      });
      expect(order.status).toBe(201);
      const rules = { rules: [{ kind: 'reply_overdue', enabled: false, yellow: 3, red: 9 }] };
      expect((await admin.request('PUT', `/api/plans/${v1}/warning-rules`, rules)).status).toBe(200);
      const settings = { publicMeasures: true };
      expect((await admin.request('PUT', `/api/plans/${v1}/supervision-settings`, settings)).status).toBe(
        200,
      );
      before = await seen();
      expect(before.orders).toHaveLength(1);
      expect(before.indicatorOrders).toHaveLength(1);
    });

    it('imports the outline as a draft version and says what will carry over', async () => {
      const preview = await upload(`filename=outline.txt&planId=${v1}`, readFileSync(OUTLINE_URL));
      expect(preview.status).toBe(200);
      const body = (await preview.json()) as {
        saved: boolean;
        versionDiff: {
          unchanged: boolean;
          carried: Record<string, number>;
          orphaned: { name: string }[];
          carriedItems: { type: string; code: string | null }[];
        };
      };
      expect(body.saved).toBe(false);
      const d = body.versionDiff;
      expect(d.unchanged).toBe(false);
      expect(d.carried.indicators).toBe(76);
      expect(d.carried.projects).toBe(23);
      expect(d.carried.assignments).toBeGreaterThan(76);
      expect(d.carried.observations).toBeGreaterThanOrEqual(34);
      expect(d.carried.workPlans).toBe(1);
      expect(d.carried.taskReports).toBe(1);
      expect(d.carried.supervision).toBe(1);
      expect(d.carriedItems.some((i) => i.type === 'indicator' && i.code === 'T2-13')).toBe(true);

      const saved = await upload(
        `filename=outline.txt&planId=${v1}&preview=false`,
        readFileSync(OUTLINE_URL),
      );
      const s = (await saved.json()) as { saved: boolean; version: number; planId: string };
      expect(s).toMatchObject({ saved: true, version: 2 });
      v2 = s.planId;

      // the plan picker labels the versions for the planning office
      const versions = (await admin.request('GET', `/api/plans/${v1}/versions`)).body.items as Plan[];
      expect(versions.map((p) => p.label.split(' · ').slice(0, 2).join(' · '))).toEqual([
        '第2版 · 草稿',
        '第1版 · 已发布',
      ]);
      // no second 13th plan
      const all = (await admin.request('GET', '/api/plans')).body.items as Plan[];
      expect(all.filter((p) => p.key !== 'sip-14th').map((p) => p.key)).toEqual(['sip-13th']);
    });

    it('changes nothing departments or the public see before publishing', async () => {
      expect(await seen()).toEqual(before);
      expect((await dept.request('GET', `/api/plans/${v2}/indicators`)).status).toBe(404);
      expect((await s.app.request(`/api/plans/${v2}/tree`)).status).toBe(404);
      expect((await s.app.request(`/api/public/indicators?planId=${v2}`)).status).toBe(404);
      expect((await admin.request('GET', `/api/plans/${v2}/indicators`)).status).toBe(200);
      expect((await dept.request('POST', `/api/plans/${v2}/publish`)).status).toBe(404);
      expect((await dept.request('POST', `/api/plans/${v1}/publish`)).status).toBe(403);
    });

    it('re-importing the same outline is a no-op', async () => {
      const again = await upload(
        `filename=outline.txt&planId=${v1}&preview=false`,
        readFileSync(OUTLINE_URL),
      );
      const body = (await again.json()) as {
        saved: boolean;
        planId: string;
        version: number;
        changes: string[];
      };
      expect(body).toMatchObject({ saved: false, planId: v2, version: 2, changes: ['no changes 无变化'] });
    });

    it('publishing keeps assignments, approved values, projects, task reports and the portal as they were', async () => {
      const published = await admin.request('POST', `/api/plans/${v2}/publish`);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ planId: v2, version: 2, previousId: v1 });
      const after = await seen();
      expect(after.plan.id).toBe(v2);
      expect(after.planIds).toEqual(before.planIds);
      expect(after.assignments).toEqual(before.assignments);
      expect(after.values).toEqual(before.values);
      expect(after.projects).toEqual(before.projects);
      expect(after.work).toEqual(before.work);
      expect(after.work.reports).toEqual(['2024 40 完成方案编制']);
      expect(after.inbox).toEqual(before.inbox);
      expect(after.orders).toEqual(before.orders);
      expect(after.indicatorOrders).toEqual(before.indicatorOrders);
      expect(after.rules).toEqual(before.rules);
      expect(after.supervisionSettings).toEqual(before.supervisionSettings);
      expect(after.portalIndicator).toEqual(before.portalIndicator);
      expect(after.publicIndicators).toEqual(before.publicIndicators);
      expect(after.portalProjects).toEqual(before.portalProjects);
      expect(after.portal).toEqual(before.portal);

      // one audited action; the old version is superseded and still readable by the office
      const audit = (await admin.request('GET', '/api/audit?entity=plan')).body.items as {
        action: string;
        entityId: string;
      }[];
      expect(audit.filter((a) => a.action === 'publish' && a.entityId === v2)).toHaveLength(1);
      const versions = (await admin.request('GET', `/api/plans/${v2}/versions`)).body.items as Plan[];
      expect(versions.map((p) => p.status)).toEqual(['published', 'superseded']);
      expect((await admin.request('GET', `/api/plans/${v1}/indicators`)).status).toBe(200);
      expect((await admin.request('POST', `/api/plans/${v2}/publish`)).status).toBe(409);

      // and the same outline once more changes nothing
      const again = await upload(
        `filename=outline.txt&planId=${v2}&preview=false`,
        readFileSync(OUTLINE_URL),
      );
      expect(await again.json()).toMatchObject({ saved: false, planId: v2, version: 2 });
    });
  },
);
