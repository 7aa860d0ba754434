import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { enterValue } from '../support/observations.ts';
import { loginAs, type Client } from '../support/session.ts';

async function sheet(rows: (string | number)[][]): Promise<FormData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度计划');
  for (const r of rows) ws.addRow(r);
  const f = new FormData();
  f.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'annual-plan.xlsx'));
  return f;
}

interface Row {
  code: string;
  annualTarget: number | null;
  actual: number | null;
  completionRate: number | null;
  verdict: string;
  differsFromPath: boolean;
  note: string | null;
}

describe.each(testDatabases)('annual plan on $kind', ({ create }) => {
  const s = seededSuite(create);
  let admin: Client;
  let jfj: Client;
  let gdp: { id: string };

  const table = async (year: number) =>
    (await getJson<{ rows: Row[] }>(s.app, `/api/plans/${s.planId}/annual-plan?year=${year}`)).body.rows;

  beforeAll(async () => {
    admin = await loginAs(s.app, s.db, 'admin');
    jfj = await loginAs(s.app, s.db, 'department', ['JFJ']);
    const inds = await getJson<{ items: { id: string; code: string }[] }>(
      s.app,
      `/api/plans/${s.planId}/indicators`,
    );
    gdp = inds.body.items.find((i) => i.code === 'T2-02')!; // 单位面积GDP 10.4 → 14.5, led by JFJ
  });

  it('the office sets an annual target; the execution table judges the approved value against it', async () => {
    expect(
      (await jfj.request('PUT', `/api/indicators/${gdp.id}/annual-targets/2023`, { value: 12 })).status,
    ).toBe(403);
    expect(
      (await admin.request('PUT', `/api/indicators/${gdp.id}/annual-targets/2031`, { value: 12 })).status,
    ).toBe(422);
    const set = await admin.request('PUT', `/api/indicators/${gdp.id}/annual-targets/2023`, {
      value: 12.8,
      note: '年度计划',
    });
    expect(set.status).toBe(204);
    expect((await table(2023)).find((r) => r.code === 'T2-02')).toMatchObject({
      annualTarget: 12.8,
      actual: null,
      verdict: 'no_data',
      differsFromPath: false, // the path gives 12.86 in 2023
    });
    const obs = await enterValue(jfj, {
      indicatorId: gdp.id,
      period: '2023',
      value: 12.3,
      note: '受外部需求影响',
    });
    expect(obs.status, JSON.stringify(obs.body)).toBe(201);
    const id = obs.body.observation.id as string;
    const sub = await jfj.request('POST', `/api/observations/${id}/submit`);
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect((await admin.request('POST', `/api/observations/${id}/approve`)).status).toBe(200);
    expect((await table(2023)).find((r) => r.code === 'T2-02')).toMatchObject({
      actual: 12.3,
      completionRate: 0.961,
      verdict: 'nearly',
    });
    const audit = await admin.request('GET', `/api/audit?entity=annual_target&entityId=${gdp.id}:2023`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['set']);
  });

  it('reads the annual plan’s indicator table from .xlsx, all rows or none', async () => {
    const bad = await sheet([
      ['编码', '指标名称', '全年预期目标', '备注'],
      ['T2-02', '单位面积GDP', 12.9, '高于规划路径'],
      ['T9-99', '不存在', 1, ''],
    ]);
    const refused = await s.app.request(`/api/plans/${s.planId}/annual-targets/upload?year=2024`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: bad,
    });
    const report = (await refused.json()) as {
      ok: boolean;
      rows: { code: string; status: string; message: string; messages?: { zh: string; en: string } }[];
    };
    expect(report.ok).toBe(false);
    expect(report.rows.map((r) => [r.code, r.status])).toEqual([
      ['T2-02', 'saved'],
      ['T9-99', 'error'],
    ]);
    // each language on its own (issue 17 bug 8 leftover: one "English 中文" string per row before)
    expect(report.rows.map((r) => r.messages)).toEqual([
      { zh: '其他行有误，未保存', en: 'not saved' },
      { zh: '未知指标编码', en: 'Unknown indicator code T9-99' },
    ]);
    expect(report.rows[1]!.message).toBe('Unknown indicator code T9-99 未知指标编码');
    expect((await table(2024)).find((r) => r.code === 'T2-02')!.annualTarget).toBeNull();

    const good = await sheet([
      ['苏州工业园区2024年国民经济和社会发展计划主要指标'],
      ['编码', '指标名称', '全年预期目标', '备注'],
      ['T2-02', '单位面积GDP', 12.9, '高于规划路径'],
    ]);
    const saved = await s.app.request(`/api/plans/${s.planId}/annual-targets/upload?year=2024`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: good,
    });
    expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);
    expect((await table(2024)).find((r) => r.code === 'T2-02')).toMatchObject({
      annualTarget: 12.9,
      note: '高于规划路径',
      differsFromPath: true, // the path gives 13.68 in 2024
    });
  });
});
