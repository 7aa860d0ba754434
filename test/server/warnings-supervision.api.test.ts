import { beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '../../src/db/repositories/users.repository.ts';
import { bulletin } from '../../src/server/modules/supervision/supervision.reminders.ts';
import { sweepPlanWarnings } from '../../src/server/modules/warnings/warnings.service.ts';
import { getJson, indicatorsOf, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { approvedValue } from '../support/observations.ts';
import { officeAndDepartments, type Client } from '../support/session.ts';

interface Warning {
  id: string;
  kind: string;
  level: string;
  subjectId: string;
  active: boolean;
  clearedAt: string | null;
  department: { code: string } | null;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testDatabases)('early warning and 督办 on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let kjj: Client;
  let swj: Client;
  let plan: { id: string; periodStart: number; periodEnd: number };
  let rd: { id: string }; // T2-13 省级以上研发机构总数 560 → 750, led by KJJ, no published value
  const now = new Date('2026-12-01T02:00:00Z');

  const approve = async (period: string, value: number) => {
    await approvedValue(kjj, admin, { indicatorId: rd.id, period, value, note: '受项目进度影响' });
  };
  const warningsOf = async (c: Client, state = 'active') =>
    (
      await c.request(
        'GET',
        `/api/plans/${plan.id}/warnings?state=${state}&subjectType=indicator&subjectId=${rd.id}`,
      )
    ).body.items as Warning[];

  beforeAll(async () => {
    ({ admin, kjj, swj } = await officeAndDepartments(s.app, s.db));
    const plans = await getJson<{
      items: { id: string; key: string; periodStart: number; periodEnd: number }[];
    }>(s.app, '/api/plans');
    plan = plans.body.items.find((p) => p.key === 'sip-14th')!;
    rd = (await indicatorsOf<{ id: string; code: string }>(s.app, plan.id)).find((i) => i.code === 'T2-13')!;
  });

  it('has default rules; the office changes one, yellow above red is refused, departments may not', async () => {
    const rules = (await kjj.request('GET', `/api/plans/${plan.id}/warning-rules`)).body.items as {
      kind: string;
      yellow: number;
      red: number;
    }[];
    expect(rules).toHaveLength(8);
    expect(rules.find((r) => r.kind === 'schedule_gap')).toMatchObject({ yellow: 5, red: 15 });
    const put = (c: Client, yellow: number, red: number) =>
      c.request('PUT', `/api/plans/${plan.id}/warning-rules`, {
        rules: [{ kind: 'schedule_gap', enabled: true, yellow, red }],
      });
    expect((await put(kjj, 10, 20)).status).toBe(403);
    expect((await put(admin, 30, 20)).status).toBe(422);
    const ok = await put(admin, 10, 40);
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((r: { kind: string }) => r.kind === 'schedule_gap')).toMatchObject({
      yellow: 10,
      red: 40,
    });
  });

  it('on the seed, a sweep raises what matters: no value is overdue that fell due before the plan came into lantu', async () => {
    // the seed loads the 14th plan in its sixth year: before the fix every indicator without a 2021–2025
    // value (36 of them) raised a red 'not reported' warning, 1,700 days overdue
    const out = await sweepPlanWarnings(s.db, plan, new Date());
    const all = (await admin.request('GET', `/api/plans/${plan.id}/warnings`)).body.items as Warning[];
    expect(all.filter((w) => w.kind === 'value_unreported')).toEqual([]);
    expect(all).toHaveLength(out!.raised);
    expect([...new Set(all.map((w) => w.kind))].sort()).toEqual(['indicator_lagging', 'schedule_gap']);
    expect(all.length).toBeLessThan(15);
  });

  it('raises a warning when the indicator lags, tells the lead department and the office, clears it when it recovers', async () => {
    // from here the plan has been in lantu since the period began, so its past due dates count
    await s.db.query(`UPDATE plans SET created_at = '2021-01-01T00:00:00Z' WHERE key = 'sip-14th'`);
    await approve('2023', 560); // no progress after 60 % of the time
    const first = await sweepPlanWarnings(s.db, plan, now);
    expect(first!.raised).toBeGreaterThan(0);
    // 2021, 2022 and 2025 have no value long after their due dates
    expect((await warningsOf(kjj)).find((w) => w.kind === 'value_unreported')).toMatchObject({
      level: 'red',
    });
    const off = await admin.request('PUT', `/api/plans/${plan.id}/warning-rules`, {
      rules: [{ kind: 'value_unreported', enabled: false, yellow: 1, red: 30 }],
    });
    expect(off.status).toBe(200);
    const refreshed = await admin.request('POST', `/api/plans/${plan.id}/warnings/refresh`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.cleared).toBeGreaterThan(0);
    const standing = await warningsOf(kjj);
    expect(standing.map((w) => [w.kind, w.level]).sort()).toEqual([
      ['indicator_lagging', 'yellow'],
      ['schedule_gap', 'red'], // 60 points behind, red from 40
    ]);
    expect(standing.every((w) => w.department?.code === 'KJJ')).toBe(true);
    expect(await warningsOf(swj)).toEqual([]); // another department sees none of KJJ's
    const notes = (await kjj.request('GET', '/api/notifications')).body.items as {
      event: string;
      title: string;
    }[];
    expect(notes.filter((n) => n.event === 'warning_raised' && n.title.includes('T2-13'))).toHaveLength(3);
    const office = await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.email = $1 AND n.event = 'warning_raised' AND n.params->>'item' LIKE 'T2-13%'`,
      [admin.email],
    );
    expect(office[0]!.n).toBe(3);

    // a second sweep on another node changes nothing and tells nobody again
    const again = await sweepPlanWarnings(s.db, plan, now);
    expect(again).toMatchObject({ raised: 0, cleared: 0 });
    expect(
      ((await kjj.request('GET', '/api/notifications')).body.items as { event: string }[]).filter(
        (n) => n.event === 'warning_raised',
      ).length,
    ).toBe(notes.filter((n) => n.event === 'warning_raised').length);

    await approve('2024', 750); // target reached early
    const after = await sweepPlanWarnings(s.db, plan, now);
    expect(after!.cleared).toBeGreaterThanOrEqual(2);
    expect(await warningsOf(kjj)).toEqual([]);
    const history = await warningsOf(kjj, 'cleared');
    expect(history.map((w) => w.kind).sort()).toEqual([
      'indicator_lagging',
      'schedule_gap',
      'value_unreported',
    ]);
    expect(history.every((w) => !w.active && w.clearedAt !== null)).toBe(true);
  });

  it('runs a 督办单 from a warning: 交办 → 签收 → 整改计划 → 进展 → 销号, every step audited', async () => {
    const warning = (await warningsOf(kjj, 'cleared')).find((w) => w.kind === 'indicator_lagging');
    const input = {
      warningId: warning!.id,
      title: '研发机构建设滞后',
      requirement: '说明原因并提出整改措施',
      planDue: day(10),
      deadline: day(90),
    };
    expect((await kjj.request('POST', '/api/supervision', input)).status).toBe(403);
    const opened = await admin.request('POST', '/api/supervision', input);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body).toMatchObject({
      subjectType: 'indicator',
      subjectId: rd.id,
      department: { code: 'KJJ' },
      status: 'assigned',
      actions: [],
    });
    const assigned = (await kjj.request('GET', '/api/notifications')).body.items as { event: string }[];
    expect(assigned.some((n) => n.event === 'supervision_opened')).toBe(true);

    expect((await swj.request('GET', `/api/supervision/${id}`)).status).toBe(403);
    expect((await swj.request('POST', `/api/supervision/${id}/acknowledge`, {})).status).toBe(403);
    expect((await admin.request('POST', `/api/supervision/${id}/close`, { body: '早' })).status).toBe(409);
    expect((await kjj.request('POST', `/api/supervision/${id}/plan`, { measures: [] })).status).toBe(422);

    const ack = await kjj.request('POST', `/api/supervision/${id}/acknowledge`, {});
    expect(ack.body).toMatchObject({ status: 'acknowledged', actions: ['submit_plan'] });
    const planned = await kjj.request('POST', `/api/supervision/${id}/plan`, {
      body: '制定专项方案',
      measures: [
        { title: '新建省级研发机构20家', milestone: '一季度完成认定申报', dueDate: day(40) },
        { title: '推动企业研发机构升级', dueDate: day(80) },
      ],
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body.status).toBe('in_progress');
    expect(planned.body.measures).toHaveLength(2);
    const progress = await kjj.request('POST', `/api/supervision/${id}/progress`, {
      body: '已完成申报',
      doneMeasureIds: [planned.body.measures[0].id],
    });
    expect(progress.body.measures[0].doneOn).not.toBeNull();
    const back = await admin.request('POST', `/api/supervision/${id}/return`, { body: '措施需量化' });
    expect(back.body.status).toBe('returned');
    await kjj.request('POST', `/api/supervision/${id}/plan`, {
      measures: [{ title: '新建省级研发机构20家，年底前认定', dueDate: day(60) }],
    });
    const closed = await admin.request('POST', `/api/supervision/${id}/close`, {
      body: '核查属实，予以销号',
    });
    expect(closed.body).toMatchObject({ status: 'closed', light: 'done', stepDue: null });
    const steps = ['open', 'acknowledge', 'submit_plan', 'report', 'return', 'submit_plan', 'close'];
    expect(closed.body.steps.map((s: { action: string }) => s.action)).toEqual(steps);

    const audit = await admin.request('GET', `/api/audit?entity=supervision&entityId=${id}`);
    expect((audit.body.items as { action: string }[]).map((a) => a.action).reverse()).toEqual(steps);
    const onIndicator = await kjj.request('GET', `/api/supervision?subjectType=indicator&subjectId=${rd.id}`);
    expect(onIndicator.body.items.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([
      [id, 'closed'],
    ]);
    expect(
      (await swj.request('GET', `/api/supervision?subjectType=indicator&subjectId=${rd.id}`)).body.items,
    ).toEqual([]);
  });

  it('escalates an overdue step: red light, the 通报 lists the unit, the sweep raises a 督办 warning', async () => {
    const opened = await admin.request('POST', '/api/supervision', {
      subjectType: 'indicator',
      subjectId: rd.id,
      title: '逾期测试',
      requirement: '请签收',
      planDue: day(5),
      deadline: day(30),
    });
    expect(opened.status).toBe(201);
    const late = new Date(Date.now() + 8 * 86_400_000);
    const me = (await usersRepository.findByEmail(s.db, admin.email))!;
    const sessionAdmin = (await usersRepository.sessionUsers(s.db, [me.id]))[0]!;
    const b = await bulletin(s.db, sessionAdmin, plan.id, late);
    expect(b.units.map((u) => [u.department.code, u.count])).toEqual([['KJJ', 1]]);
    expect(b.units[0]!.orders[0]).toMatchObject({ title: '逾期测试', waitingFor: { zh: '签收' } });
    await sweepPlanWarnings(s.db, plan, late);
    const w = (await admin.request('GET', `/api/plans/${plan.id}/warnings?subjectType=supervision`)).body
      .items as Warning[];
    expect(w.map((x) => [x.kind, x.subjectId, x.level])).toEqual([
      ['supervision_overdue', opened.body.id, 'red'],
    ]);
    expect((await kjj.request('GET', '/api/supervision/bulletin')).status).toBe(403);
  });
});
