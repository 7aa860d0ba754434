import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, parseDataset } from '../../src/server/modules/datasets/dataset.service.ts';
import { numberQuantity } from '../../src/domain/quantity.ts';
import { appSuite } from '../support/app.ts';
import { tableIndicator, testPlan } from '../support/dataset.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';

/**
 * The 考核 fixture (issue 16 §6 Done-when): two departments and a known year of events, scored with the
 * default weights (reporting 20, returned 10, verdicts 30, milestones 15, replies 15, 督办 10; binding ×2),
 * as of 2024-06-30 for the year 2023.
 *
 * 甲局 (KA) leads K1 (expected, on track), K2 (binding, lagging) and a task:
 *   reporting: K1 2023 submitted 2024-03-01, K2 2023 on 2024-05-10 (due 2024-03-31: 90 days, 29 February not counted) → 2 items, 1 late: 10
 *   returned: K1 not, K2 sent back once → 2 items, 1 returned: 5
 *   verdicts: K1 on track (×1), K2 lagging (×2) → 30 × 1/3: 10
 *   milestones: due 06-30 done 06-20, due 09-30 done 10-15 → 7.5
 *   replies: due 2023-05-10, replied 05-08 → 15
 *   督办: deadline 2023-11-30, still open → 0                                              base 47.5
 * 乙局 (KB) leads K3 (achieved, reported on time); a comment due 2023-08-01 never answered → 0; no tasks, no
 *   督办 (full points)                                                                     base 85
 */
const DATASET = {
  formatVersion: 1,
  departments: [
    { code: 'KA', name: '甲局', nameEn: 'Bureau A' },
    { code: 'KB', name: '乙局', nameEn: 'Bureau B' },
  ],
  spatialUnits: [],
  projects: [],
  plans: [
    testPlan({
      key: 'kaohe-test',
      title: '考核测试区国民经济和社会发展第十四个五年规划纲要',
      shortTitle: '考核测试规划',
      nodes: [
        {
          kind: 'chapter',
          number: '第一章',
          title: '发展目标',
          body: null,
          source: null,
          children: [
            { kind: 'task', number: null, title: '建设创新平台', body: null, source: null, children: [] },
          ],
        },
      ],
      indicators: (
        [
          ['K1', '创新平台数', 'expected', 100, 150, 'KA'],
          ['K2', '单位产值能耗下降', 'binding', 100, 150, 'KA'],
          ['K3', '绿地面积', 'expected', 10, 20, 'KB'],
        ] as const
      ).map(([code, name, attribute, base, target, dept], i) =>
        tableIndicator(i + 1, {
          code,
          name,
          unit: '个',
          attribute,
          baseline: base,
          target: numberQuantity(target),
          departments: [dept],
        }),
      ),
    }),
  ],
};

describe.each(testDatabases)('department assessment (考核) on $kind', ({ create }) => {
  const s = appSuite(create);
  let admin: Client;
  let assessor: Client;
  let ka: Client;
  let planId: string;
  const url = () => `/api/plans/${planId}/assessment?year=2023&asOf=2024-06-30`;

  beforeAll(async () => {
    planId = (await loadDataset(s.db, parseDataset(DATASET), { actor: 'test' }))[0]!.id;
    admin = await loginAs(s.app, s.db, 'admin');
    assessor = await loginAs(s.app, s.db, 'assessor');
    ka = await loginAs(s.app, s.db, 'department', ['KA']);
    const ids = Object.fromEntries(
      (
        await s.db.query<{ code: string; id: string }>(
          `SELECT code, id FROM indicators WHERE plan_id = $1
            UNION ALL SELECT code, id FROM departments WHERE code IN ('KA', 'KB')`,
          [planId],
        )
      ).map((r) => [r.code, r.id]),
    ) as Record<'K1' | 'K2' | 'K3' | 'KA' | 'KB', string>;
    const [{ id: userId }] = (await s.db.query<{ id: string }>('SELECT id FROM users LIMIT 1')) as [
      { id: string },
    ];
    const value = (code: 'K1' | 'K2' | 'K3', v: number, submitted: string, returned: string | null) =>
      s.db.query(
        `INSERT INTO observations (indicator_id, period, year, value, status, submitted_at, approved_at,
                                   returned_by, return_reason)
         VALUES ($1, '2023', 2023, $2, 'approved', $3, $3::timestamptz + interval '2 days', $4, $5)`,
        [ids[code], v, submitted, returned ? userId : null, returned],
      );
    await value('K1', 130, '2024-03-01T04:00:00Z', null);
    await value('K2', 105, '2024-05-10T04:00:00Z', '口径有误');
    await value('K3', 21, '2024-02-01T04:00:00Z', null);

    const [{ id: nodeId }] = (await s.db.query<{ id: string }>(
      `SELECT id FROM plan_nodes WHERE plan_id = $1 AND kind = 'task'`,
      [planId],
    )) as [{ id: string }];
    await s.db.query(
      `INSERT INTO assignments (plan_id, node_id, department_id, role) VALUES ($1, $2, $3, 'lead')`,
      [planId, nodeId, ids.KA],
    );
    const [{ id: workPlan }] = (await s.db.query<{ id: string }>(
      `INSERT INTO task_work_plans (node_id, year) VALUES ($1, 2023) RETURNING id`,
      [nodeId],
    )) as [{ id: string }];
    await s.db.query(
      `INSERT INTO task_milestones (work_plan_id, position, title, due_date, completed_on)
       VALUES ($1, 1, '选址', '2023-06-30', '2023-06-20'), ($1, 2, '开工', '2023-09-30', '2023-10-15')`,
      [workPlan],
    );

    const comment = async (dept: 'KA' | 'KB', due: string, replied: string | null) => {
      const [{ id }] = (await s.db.query<{ id: string }>(
        `INSERT INTO feedback (target_type, target_id, plan_id, body, public_body, client_hash, status,
                               department_id, reply_due_at)
         VALUES ('indicator', $1, $2, '建议加快', '建议加快', 'c', 'published', $3, $4) RETURNING id`,
        [ids[dept === 'KA' ? 'K1' : 'K3'], planId, ids[dept], due],
      )) as [{ id: string }];
      if (replied)
        await s.db.query(
          `INSERT INTO feedback_replies (feedback_id, department_id, user_id, body, created_at)
           VALUES ($1, $2, $3, '已采纳', $4)`,
          [id, ids[dept], userId, replied],
        );
    };
    await comment('KA', '2023-05-10T15:59:00Z', '2023-05-08T02:00:00Z');
    await comment('KB', '2023-08-01T15:59:00Z', null);

    await s.db.query(
      `INSERT INTO supervision_orders (plan_id, subject_type, subject_id, subject_title, department_id, title,
                                       requirement, plan_due, deadline, status, step_due)
       VALUES ($1, 'indicator', $2, 'K2 单位产值能耗下降', $3, '能耗督办', '提交整改计划', '2023-10-31',
               '2023-11-30', 'in_progress', '2023-11-30')`,
      [planId, ids.K2, ids.KA],
    );
  });

  interface Score {
    department: { code: string };
    rank: number;
    base: number;
    adjustment: number;
    score: number;
    criteria: {
      criterion: string;
      applicable: boolean;
      items: number;
      met: number;
      points: number;
      lost: number;
      losses: { title: string; lost: number; reason: { zh: string } }[];
    }[];
  }
  const breakdown = (s: Score) => Object.fromEntries(s.criteria.map((c) => [c.criterion, c.points]));

  it('scores the two departments with the expected breakdown and the items behind every point lost', async () => {
    const res = await admin.request('GET', url());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [kb, ka] = res.body.departments as [Score, Score];
    expect([kb, ka].map((d) => [d.department.code, d.rank, d.base, d.score])).toEqual([
      ['KB', 1, 85, 85],
      ['KA', 2, 47.5, 47.5],
    ]);
    expect(breakdown(ka)).toEqual({
      reporting_on_time: 10,
      values_returned: 5,
      indicator_verdicts: 10,
      milestones_on_time: 7.5,
      replies_on_time: 15,
      supervision_on_time: 0,
    });
    expect(breakdown(kb)).toEqual({
      reporting_on_time: 20,
      values_returned: 10,
      indicator_verdicts: 30,
      milestones_on_time: 15,
      replies_on_time: 0,
      supervision_on_time: 10,
    });
    const lossesOf = (s: Score) =>
      s.criteria.flatMap((c) => c.losses.map((l) => [c.criterion, l.title, l.lost, l.reason.zh]));
    expect(lossesOf(ka)).toEqual([
      ['reporting_on_time', 'K2 单位产值能耗下降 2023', 10, '逾期40天报送（期限2024-03-31）'],
      ['values_returned', 'K2 单位产值能耗下降 2023', 5, '退回修改：口径有误'],
      ['indicator_verdicts', 'K2 单位产值能耗下降（约束性）', 20, '滞后'],
      ['milestones_on_time', '建设创新平台：开工', 7.5, '逾期15天完成（期限2023-09-30）'],
      ['supervision_on_time', '能耗督办（K2 单位产值能耗下降）', 10, '逾期213天未销号（期限2023-11-30）'],
    ]);
    expect(lossesOf(kb)).toEqual([
      ['replies_on_time', 'K3 绿地面积', 15, '逾期334天未答复（期限2023-08-01）'],
    ]);
    expect(kb.criteria.filter((c) => !c.applicable).map((c) => c.criterion)).toEqual([
      'milestones_on_time',
      'supervision_on_time',
    ]);
  });

  it('shows a department its own score only', async () => {
    const res = await ka.request('GET', url());
    expect(res.status).toBe(200);
    expect((res.body.departments as Score[]).map((d) => d.department.code)).toEqual(['KA']);
  });

  it('lets the assessment team adjust a score with a recorded reason, not the office; audited', async () => {
    const body = { department: 'KA', points: 2.5, reason: '承担临时性重点任务' };
    const path = `/api/plans/${planId}/assessment/2023/adjustments`;
    expect((await admin.request('POST', path, body)).status).toBe(403);
    expect((await ka.request('POST', path, body)).status).toBe(403);
    expect((await assessor.request('POST', path, { ...body, reason: ' ' })).status).toBe(422);
    const ok = await assessor.request('POST', path, body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ base: 47.5, adjustment: 2.5, score: 50 });
    expect(ok.body.adjustments).toMatchObject([
      { points: 2.5, reason: '承担临时性重点任务', by: assessor.email },
    ]);
    const audit = await s.db.query<{ actor: string }>(
      `SELECT actor FROM audit_log WHERE entity = 'assessment_adjustment'`,
    );
    expect(audit.map((a) => a.actor)).toEqual([assessor.email]);
  });

  it('exports the scores and the points lost as .xlsx', async () => {
    const res = await s.app.request(`/api/plans/${planId}/assessment.xlsx?year=2023&asOf=2024-06-30`, {
      headers: { cookie: admin.cookie },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('考核得分').slice(2)).toEqual([
      [1, 'KB', '乙局', 20, 10, 30, 15, 0, 10, 85, 0, 85],
      [2, 'KA', '甲局', 10, 5, 10, 7.5, 15, 0, 47.5, 2.5, 50],
    ]);
    expect(rows('扣分明细')).toHaveLength(1 + 1 + 5 + 1);
  });

  it('takes new weights from the office only, adding up to 100', async () => {
    const path = `/api/plans/${planId}/assessment-criteria`;
    const weights = {
      reporting_on_time: 30,
      values_returned: 10,
      indicator_verdicts: 30,
      milestones_on_time: 10,
      replies_on_time: 10,
      supervision_on_time: 10,
    };
    expect((await assessor.request('PUT', path, { weights, bindingWeight: 1 })).status).toBe(403);
    expect(
      (await admin.request('PUT', path, { weights: { ...weights, values_returned: 20 }, bindingWeight: 1 }))
        .status,
    ).toBe(422);
    expect((await admin.request('PUT', path, { weights, bindingWeight: 1 })).status).toBe(200);
    const [kb, ka] = (await admin.request('GET', url())).body.departments as [Score, Score];
    // KA: 15 + 5 + 15 (K2 counts once now) + 5 + 10 + 0 = 50, + 2.5; KB: 30 + 10 + 30 + 10 + 0 + 10 = 90
    expect([ka.base, ka.score, kb.base]).toEqual([50, 52.5, 90]);
  });
});
