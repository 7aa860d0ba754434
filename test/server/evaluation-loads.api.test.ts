import { beforeAll, describe, expect, it } from 'vitest';
import { dataChanged } from '../../src/server/cache/data-version.ts';
import { getJson, testApp, type PlanIndicator, appSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { reads, withQueryLog, type LoggedQuery } from '../support/query-log.ts';
import { loginAs, type Client } from '../support/session.ts';

/** The plan's indicator list (indicatorsRepository.listByPlan). */
const indicatorLists = (log: readonly LoggedQuery[]) =>
  reads(log, 'indicators').filter((q) =>
    /FROM indicators WHERE plan_id = \$1 ORDER BY position/.test(q.text),
  );
/** The plan's approved values (listApprovedValues). */
const approvedValueLoads = (log: readonly LoggedQuery[]) =>
  log.filter((q) => /SELECT DISTINCT ON \(o\.indicator_id, o\.period, o\.kind\)/.test(q.text));

/**
 * One loader of evaluation inputs (issue 13 point 5): each read below loads the plan's indicators and approved
 * values once, counted on the real database through a statement log; submitting one value reads that
 * indicator's values only.
 */
describe.each(testDatabases)('evaluation inputs are loaded once on $kind', ({ create }) => {
  let logged: ReturnType<typeof withQueryLog>;
  const s = appSuite(create, {
    seed: true,
    app: (raw) => {
      logged = withQueryLog(raw);
      return testApp(logged.db);
    },
  });
  let planId: string;
  let indicators: PlanIndicator[];
  let admin: Client;

  beforeAll(async () => {
    const plans = await getJson<{ items: { id: string; key: string }[] }>(s.app, '/api/plans');
    planId = plans.body.items.find((p) => p.key === 'sip-14th')!.id;
    indicators = (await getJson<{ items: PlanIndicator[] }>(s.app, `/api/plans/${planId}/indicators`)).body
      .items;
    admin = await loginAs(s.app, s.db, 'admin');
  });

  /** A request on a fresh data version (nothing cached), with the statements it ran. */
  async function count(path: string): Promise<LoggedQuery[]> {
    await dataChanged(s.db);
    logged.reset();
    const res = await s.app.request(path);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    return [...logged.log];
  }

  it.each([
    ['the public indicator list', () => `/api/public/indicators?planId=${planId}`],
    ['one public indicator’s values', () => `/api/public/indicators/${indicators[0]!.id}/values`],
    ['one indicator’s values as CSV', () => `/api/public/indicators/${indicators[0]!.id}/values.csv`],
    ['the portal’s overview page', () => `/public`],
    ['the portal’s indicator page', () => `/public/indicators/${indicators[0]!.id}`],
    ['the live report', () => `/api/plans/${planId}/report.md?kind=annual&year=2021`],
  ])('%s reads the indicators and the approved values once', async (_what, path) => {
    const log = await count(path());
    expect(indicatorLists(log)).toHaveLength(1);
    expect(approvedValueLoads(log)).toHaveLength(1);
  });

  it('a snapshot reads the indicators, the values, the plan tree and the task reports once', async () => {
    logged.reset();
    const res = await admin.request('POST', '/api/evaluations', {
      planId,
      year: 2021,
      method: 'time',
      kind: 'annual',
    });
    expect(res.status).toBe(201);
    const log = [...logged.log];
    expect(indicatorLists(log)).toHaveLength(1);
    expect(approvedValueLoads(log)).toHaveLength(1);
    expect(log.filter((q) => /FROM plan_nodes WHERE plan_id/.test(q.text))).toHaveLength(1);
    expect(log.filter((q) => /FROM task_reports r JOIN plan_nodes/.test(q.text))).toHaveLength(1);
  });

  it('submitting one value judges that indicator on its own values, not the whole plan', async () => {
    // T2-13 省级以上研发机构总数 (a level, compared with no other indicator); others have approved values
    const ind = indicators.find((i) => i.code === 'T2-13')!;
    const withValues = new Set(
      approvedValueLoads(await count(`/api/public/indicators?planId=${planId}`)).flatMap((q) =>
        q.rows.map((r) => (r as { code: string }).code),
      ),
    );
    expect([...withValues].filter((c) => c !== ind.code).length).toBeGreaterThan(3);
    const dept = await loginAs(s.app, s.db, 'department', [ind.departments[0]!.code]);
    const created = await dept.request('POST', '/api/observations', {
      indicatorId: ind.id,
      period: '2022',
      value: 100, // far below the path 560 → 750: the lagging rule runs its evaluation
    });
    expect(created.status).toBe(201);
    logged.reset();
    const submit = await dept.request('POST', `/api/observations/${created.body.observation.id}/submit`);
    expect(submit.status).toBe(422); // lagging without a note
    const loads = approvedValueLoads(logged.log);
    expect(loads).toHaveLength(1);
    expect(loads[0]!.params).toContainEqual([ind.code]);
    const codes = new Set(loads.flatMap((q) => q.rows.map((r) => (r as { code: string }).code)));
    expect([...codes].filter((c) => c !== ind.code)).toEqual([]);
  });

  it('the task roll-up is keyed by node id', async () => {
    const res = await getJson<{ nodes: { key: string; nodeId: string; children: unknown[] }[] }>(
      s.app,
      `/api/plans/${planId}/progress`,
    );
    expect(res.status).toBe(200);
    expect(res.body.nodes.length).toBeGreaterThan(3);
    for (const n of res.body.nodes) expect(n.key).toBe(n.nodeId);
  });
});
