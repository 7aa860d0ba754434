import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { approvedValue } from '../support/observations.ts';
import { loginAs, type Client } from '../support/session.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The plan setting publicMeasures (issue 16 §4): the portal shows a lagging indicator's corrective measures
 * only when it is on, and every change of the setting or of the measures reaches the cached portal page.
 */
describe.each(testDatabases)('corrective measures on the portal on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let kjj: Client;
  let rd: string; // T2-13, led by KJJ, no published value: lagging after 2023 = 560 (its baseline)
  let onTrack: string; // an indicator judged on track or better on the portal
  let onTrackDept: Client;

  const page = async (id: string) => (await s.app.request(`/public/indicators/${id}`)).text();
  const setting = (on: boolean) =>
    admin.request('PUT', `/api/plans/${s.planId}/supervision-settings`, { publicMeasures: on });

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    const inds = (
      await getJson<{ items: { id: string; code: string; departments: { code: string }[] }[] }>(
        s.app,
        `/api/plans/${s.planId}/indicators`,
      )
    ).body.items;
    rd = inds.find((i) => i.code === 'T2-13')!.id;
    const judged = (
      await getJson<{ items: { id: string; verdict: string }[] }>(
        s.app,
        `/api/public/indicators?planId=${s.planId}`,
      )
    ).body.items;
    const good = judged.find((j) => ['achieved', 'ahead', 'on_track'].includes(j.verdict))!;
    onTrack = good.id;
    const lead = inds.find((i) => i.id === good.id)!.departments[0]!.code;
    onTrackDept = lead === 'KJJ' ? kjj : await loginAs(s.app, s.db, 'department', [lead]);
    await approvedValue(kjj, admin, { indicatorId: rd, period: '2023', value: 560, note: '受项目进度影响' });
  });

  it('shows the measures under the lagging indicator only with the setting on, fresh after each change', async () => {
    const open = async (subjectId: string, dept: Client) => {
      const r = await admin.request('POST', '/api/supervision', {
        subjectType: 'indicator',
        subjectId,
        title: '研发机构建设督办',
        requirement: '提交整改计划',
        planDue: day(10),
        deadline: day(90),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const id = r.body.id as string;
      expect((await dept.request('POST', `/api/supervision/${id}/acknowledge`, {})).status).toBe(200);
      const planned = await dept.request('POST', `/api/supervision/${id}/plan`, {
        measures: [
          { title: '新建省级研发机构<b>20家</b>', milestone: '一季度完成认定申报', dueDate: day(40) },
          { title: '推动企业研发机构升级', dueDate: day(80) },
        ],
      });
      expect(planned.status, JSON.stringify(planned.body)).toBe(200);
      return { id, measures: planned.body.measures as { id: string }[] };
    };
    const order = await open(rd, kjj);
    await open(onTrack, onTrackDept);

    // the page is cached before the setting goes on: it must not be served stale afterwards
    expect(await page(rd)).toContain('滞后');
    expect(await page(rd)).not.toContain('整改措施');

    expect((await setting(true)).status).toBe(200);
    const shown = await page(rd);
    expect(shown).toContain('<h2 id="measures">整改措施</h2>');
    expect(shown).toContain('新建省级研发机构&lt;b&gt;20家&lt;/b&gt;');
    expect(shown).toContain('一季度完成认定申报');
    expect(shown.match(/推进中/g)).toHaveLength(2);
    expect(await page(onTrack)).not.toContain('整改措施'); // not behind: its measures stay in the workspace

    const progress = await kjj.request('POST', `/api/supervision/${order.id}/progress`, {
      body: '已完成申报',
      doneMeasureIds: [order.measures[0]!.id],
    });
    expect(progress.status).toBe(200);
    const after = await page(rd);
    expect(after).toContain(`已完成 ${day(0)}`);
    expect(after.match(/推进中/g)).toHaveLength(1);

    expect(
      (await admin.request('POST', `/api/supervision/${order.id}/return`, { body: '措施需量化' })).status,
    ).toBe(200);
    expect(await page(rd)).not.toContain('整改措施'); // a returned order's plan is being redone

    expect((await setting(false)).status).toBe(200);
    expect(await page(rd)).not.toContain('整改措施');
  });
});
