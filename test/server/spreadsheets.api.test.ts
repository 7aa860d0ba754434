import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/repositories/audit.repository.ts';
import { publishPlanVersion } from '../../src/server/modules/plan-versions/plan-versions.service.ts';
import {
  DEFAULT_DATASET_PATH,
  loadDataset,
  readDatasetFile,
} from '../../src/server/modules/datasets/dataset.service.ts';
import { getJson, seededSuite } from '../support/app.ts';
import { testDatabases } from '../support/databases.ts';
import { loginAs, type Client } from '../support/session.ts';
import { download, uploadFile } from '../support/upload.ts';

interface Indicator {
  id: string;
  code: string;
  kind: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATA = '填报 Data';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

/** Every value cell (row ≥ 3, column ≥ 4) of the data sheet, keyed by address. */
function valueCells(wb: ExcelJS.Workbook): Map<string, unknown> {
  const ws = wb.getWorksheet(DATA)!;
  const out = new Map<string, unknown>();
  ws.eachRow((row, r) => {
    if (r < 3) return;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c >= 4) out.set(cell.address, cell.value ?? null);
    });
  });
  return out;
}

function findRow(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === code) return r;
  throw new Error(`no row for ${code}`);
}

function yearColumn(ws: ExcelJS.Worksheet, year: string): number {
  let col = 0;
  ws.getRow(2).eachCell((cell, c) => {
    if (cell.value === year) col = c;
  });
  if (!col) throw new Error(`no column for ${year}`);
  return col;
}

describe.each(testDatabases)('spreadsheet round trip on $kind', ({ create }) => {
  const s = seededSuite(create);
  let indicators: Indicator[];
  let swj: Client;
  let kjj: Client;
  let admin: Client;

  const ind = (code: string) => indicators.find((i) => i.code === code)!;
  const values = async (code: string) =>
    (await swj.request('GET', `/api/indicators/${ind(code).id}/observations`)).body.items as {
      period: string;
      value: number | null;
      status: string;
      version: number;
    }[];

  /** SWJ enters a value (note "n") and submits it; its observation id. */
  const submittedValue = async (code: string, period: string, value: number) => {
    const created = await swj.request('POST', '/api/observations', {
      indicatorId: ind(code).id,
      period,
      value,
      note: 'n',
    });
    await swj.request('POST', `/api/observations/${created.body.observation.id}/submit`);
    return created.body.observation.id as string;
  };

  beforeAll(async () => {
    indicators = (await getJson<{ items: Indicator[] }>(s.app, `/api/plans/${s.planId}/indicators`)).body
      .items;
    swj = await loginAs(s.app, s.db, 'department', ['SWJ']);
    kjj = await loginAs(s.app, s.db, 'department', ['KJJ']);
    admin = await loginAs(s.app, s.db, 'admin');
  });

  it('gives a department its own template only; admins any', async () => {
    expect((await download(s.app, null, '/api/templates/SWJ.xlsx')).status).toBe(401);
    expect((await download(s.app, kjj, '/api/templates/SWJ.xlsx')).status).toBe(403);
    expect((await download(s.app, admin, '/api/templates/NOPE.xlsx')).status).toBe(404);
    expect((await download(s.app, admin, '/api/templates/SWJ.csv')).status).toBe(422);
    const mine = await download(s.app, swj, '/api/templates/SWJ.xlsx');
    expect(mine.status).toBe(200);
    expect(mine.type).toBe(XLSX);
    expect((await download(s.app, admin, '/api/templates/KJJ.xlsx')).status).toBe(200);
  });

  it('lays the template out: locked frozen headers, validated value cells, current values', async () => {
    const draft = await swj.request('POST', '/api/observations', {
      indicatorId: ind('T2-05').id,
      period: '2021',
      value: 1234.5,
    });
    expect(draft.status).toBe(201);
    const wb = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const ws = wb.getWorksheet(DATA)!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '编码 code',
      '指标 indicator',
      '单位 unit',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '说明/更正原因 note / reason',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 2 });
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const codes: string[] = [];
    for (let r = 3; r <= ws.rowCount; r++) codes.push(ws.getRow(r).getCell(1).text);
    expect(codes).toEqual(['T2-05', 'T2-06', 'T2-07', 'T2-08', 'X-005', 'X-026', 'X-027']);
    const r05 = findRow(ws, 'T2-05');
    const c2021 = yearColumn(ws, '2021');
    expect(ws.getRow(r05).getCell(c2021).value).toBe(1234.5);
    expect(ws.getRow(r05).getCell(c2021).protection).toMatchObject({ locked: false });
    expect(ws.getRow(r05).getCell(1).protection?.locked).not.toBe(false);
    const share = ws.getRow(findRow(ws, 'T2-06')).getCell(c2021);
    expect(share.dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(ws.getRow(r05).getCell(c2021).dataValidation).toMatchObject({ type: 'decimal' });
  });

  it('gives back what was uploaded, cell by cell', async () => {
    const wb = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const ws = wb.getWorksheet(DATA)!;
    const c2021 = yearColumn(ws, '2021');
    const c2022 = yearColumn(ws, '2022');
    ws.getRow(findRow(ws, 'T2-05')).getCell(c2021).value = 1300.25; // edits a draft
    ws.getRow(findRow(ws, 'T2-05')).getCell(c2022).value = 1400; // new value
    ws.getRow(findRow(ws, 'T2-06')).getCell(c2021).value = 55.5;
    ws.getRow(findRow(ws, 'T2-08')).getCell(c2021).value = '1,020'; // a number typed as text (T2-07@2021 is a published, approved figure)
    ws.getRow(findRow(ws, 'X-005')).getCell(c2022).value = '已完成阶段目标'; // a text value
    const res = await uploadFile(s.app, swj, '/api/uploads', await save(wb));
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    const saved = res.body.rows.filter((r: { status: string }) => r.status === 'saved');
    expect(saved.map((r: { code: string; period: string }) => `${r.code}@${r.period}`).sort()).toEqual([
      'T2-05@2021',
      'T2-05@2022',
      'T2-06@2021',
      'T2-08@2021',
      'X-005@2022',
    ]);
    expect(saved.every((r: { row: number }) => r.row >= 3)).toBe(true);

    const again = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const expected = valueCells(wb);
    expected.set(again.getWorksheet(DATA)!.getRow(findRow(ws, 'T2-08')).getCell(c2021).address, 1020);
    expect(valueCells(again)).toEqual(expected);

    // the same sheet again changes nothing
    const same = await uploadFile(s.app, swj, '/api/uploads', await save(again));
    expect(same.body.ok).toBe(true);
    expect(same.body.rows.every((r: { status: string }) => r.status === 'unchanged')).toBe(true);
    // saved as drafts through the observation service, with its audit entries
    expect(
      (await values('T2-05')).filter((o) => o.status === 'draft').map((o) => [o.period, o.value, o.status]),
    ).toEqual([
      ['2021', 1300.25, 'draft'],
      ['2022', 1400, 'draft'],
    ]);
    const audit = await auditRepository.list(s.db, { entity: 'observations' });
    expect(audit[0]).toMatchObject({ action: 'upload', actor: swj.email });
  });

  it('rejects a bad sheet with row numbers and saves nothing, unless told to keep the valid rows', async () => {
    const wb = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const ws = wb.getWorksheet(DATA)!;
    const c2023 = yearColumn(ws, '2023');
    const shareRow = findRow(ws, 'T2-06');
    const goodRow = findRow(ws, 'T2-08');
    ws.getRow(shareRow).getCell(c2023).value = 130; // a share above 100
    ws.getRow(goodRow).getCell(c2023).value = 77;
    const extra = ws.rowCount + 1;
    ws.getRow(extra).getCell(1).value = 'T2-11'; // KJJ's indicator, not SWJ's
    ws.getRow(extra).getCell(c2023).value = 5;
    const bytes = await save(wb);

    const res = await uploadFile(s.app, swj, '/api/uploads', bytes);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const errors = res.body.rows.filter((r: { status: string }) => r.status === 'error');
    expect(errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [shareRow, 'T2-06'],
      [extra, 'T2-11'],
    ]);
    expect(errors[0].period).toBe('2023');
    expect(errors[0].message).toContain('100');
    expect(
      res.body.rows.find((r: { code: string; period: string }) => r.code === 'T2-08' && r.period === '2023'),
    ).toMatchObject({
      status: 'unchanged',
    });
    expect((await values('T2-08')).some((o) => o.period === '2023')).toBe(false);

    const kept = await uploadFile(s.app, swj, '/api/uploads?keepValid=true', bytes);
    expect(kept.body.ok).toBe(false);
    expect(
      kept.body.rows.find((r: { code: string; period: string }) => r.code === 'T2-08' && r.period === '2023'),
    ).toMatchObject({
      status: 'saved',
    });
    expect((await values('T2-08')).find((o) => o.period === '2023')).toMatchObject({
      value: 77,
      status: 'draft',
    });
    expect((await values('T2-06')).some((o) => o.period === '2023')).toBe(false);
  });

  it('reports locked values as row errors: submitted and approved values are not overwritten', async () => {
    const submitted = await submittedValue('T2-08', '2024', 80);
    const wb = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const ws = wb.getWorksheet(DATA)!;
    ws.getRow(findRow(ws, 'T2-08')).getCell(yearColumn(ws, '2024')).value = 81;
    const res = await uploadFile(s.app, swj, '/api/uploads', await save(wb));
    expect(res.body.ok).toBe(false);
    expect(res.body.rows.find((r: { status: string }) => r.status === 'error')).toMatchObject({
      code: 'T2-08',
      period: '2024',
    });
    // approved: a correction needs a reason, which a sheet cannot give
    expect((await admin.request('POST', `/api/observations/${submitted}/approve`)).status).toBe(200);
    const approved = await uploadFile(s.app, swj, '/api/uploads', await save(wb));
    expect(approved.body.ok).toBe(false);
    expect(approved.body.rows.find((r: { status: string }) => r.status === 'error').message).toContain(
      'reason',
    );
    expect(
      (await values('T2-08')).filter((o) => o.period === '2024').map((o) => [o.value, o.status]),
    ).toEqual([[80, 'approved']]);
  });

  it('refuses text in a numeric cell as a row error, keeps status texts (issue 17, bug 2)', async () => {
    const wb = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const ws = wb.getWorksheet(DATA)!;
    const c2025 = yearColumn(ws, '2025');
    ws.getRow(findRow(ws, 'T2-05')).getCell(c2025).value = '约12';
    ws.getRow(findRow(ws, 'T2-07')).getCell(c2025).value = '数据暂缺';
    const res = await uploadFile(s.app, swj, '/api/uploads', await save(wb));
    expect(res.body.ok).toBe(false);
    const errors = res.body.rows.filter((r: { status: string }) => r.status === 'error');
    expect(errors.map((e: { code: string; period: string }) => `${e.code}@${e.period}`)).toEqual([
      'T2-05@2025',
    ]);
    expect(errors[0].message).toContain('约12');
    expect((await values('T2-05')).some((o) => o.period === '2025')).toBe(false);
    const kept = await uploadFile(s.app, swj, '/api/uploads?keepValid=true', await save(wb));
    expect(
      kept.body.rows.find((r: { code: string; period: string }) => r.code === 'T2-07' && r.period === '2025'),
    ).toMatchObject({ status: 'saved' });
    expect((await values('T2-05')).some((o) => o.period === '2025')).toBe(false);
  });

  it('corrects an approved value through the sheet when the row gives a reason (issue 17, bug 3)', async () => {
    const submitted = await submittedValue('T2-06', '2024', 60);
    await admin.request('POST', `/api/observations/${submitted}/approve`);
    const wb = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    const ws = wb.getWorksheet(DATA)!;
    const row = ws.getRow(findRow(ws, 'T2-06'));
    row.getCell(yearColumn(ws, '2024')).value = 61.5;
    const noReason = await uploadFile(s.app, swj, '/api/uploads', await save(wb));
    expect(noReason.body.rows.find((r: { status: string }) => r.status === 'error').message).toContain(
      '说明/更正原因',
    );
    const reasonCol = yearColumn(ws, '2025') + 1;
    expect(ws.getRow(2).getCell(reasonCol).value).toBe('说明/更正原因 note / reason');
    row.getCell(reasonCol).value = '统计局年报修订';
    const res = await uploadFile(s.app, swj, '/api/uploads', await save(wb));
    expect(res.body.ok).toBe(true);
    const versions = (await swj.request('GET', `/api/indicators/${ind('T2-06').id}/observations`)).body.items
      .filter((o: { period: string }) => o.period === '2024')
      .map((o: { value: number; version: number; status: string; correctionReason: string | null }) => [
        o.value,
        o.version,
        o.status,
        o.correctionReason,
      ]);
    expect(versions).toEqual([
      [60, 1, 'approved', null],
      [61.5, 2, 'draft', '统计局年报修订'],
    ]);
  });

  it('names the template for the plan, the department and the day', async () => {
    const res = await s.app.request('/api/templates/SWJ.xlsx', { headers: { cookie: swj.cookie } });
    const cd = decodeURIComponent(res.headers.get('content-disposition') ?? '');
    expect(cd).toMatch(/filename="sip-14th-SWJ-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(cd).toMatch(/filename\*=UTF-8''园区“十四五”规划纲要-商务局-\d{4}-\d{2}-\d{2}\.xlsx/);
  });

  it('refuses other departments, admins, non-templates, non-xlsx and zip bombs', async () => {
    const bytes = (await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes;
    expect((await uploadFile(s.app, kjj, '/api/uploads', bytes)).status).toBe(403);
    expect((await uploadFile(s.app, admin, '/api/uploads', bytes)).status).toBe(403);
    expect((await uploadFile(s.app, null, '/api/uploads', bytes)).status).toBe(401);

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['code', '2021']);
    const notTemplate = await uploadFile(s.app, swj, '/api/uploads', await save(plain));
    expect(notTemplate.status).toBe(422);
    expect(notTemplate.body.error.message).toContain('template');

    const text = new TextEncoder().encode('编码,2021\nT2-05,1\n');
    expect((await uploadFile(s.app, swj, '/api/uploads', text, { name: 'values.csv' })).status).toBe(415);
    const disguised = await uploadFile(s.app, swj, '/api/uploads', text);
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.code).toBe('unsupported_input');

    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types/>');
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', new Uint8Array(80 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bombBytes.byteLength).toBeLessThan(1024 * 1024);
    const boom = await uploadFile(s.app, swj, '/api/uploads', bombBytes);
    expect(boom.status).toBe(413);
    expect(boom.body.error.code).toBe('payload_too_large');

    const huge = new Uint8Array(21 * 1024 * 1024);
    expect((await uploadFile(s.app, swj, '/api/uploads', huge)).status).toBe(413);
  });

  it('refuses a template of an older plan version once a new version is published', async () => {
    const old = (await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes;
    const loaded = await loadDataset(s.db, readDatasetFile(DEFAULT_DATASET_PATH), {
      actor: 'test',
      asNewVersion: true,
    });
    // a draft version changes nothing for departments (issue 15 §5): the template is still current
    const same = await download(s.app, swj, '/api/templates/SWJ.xlsx');
    const cells = async (bytes: Uint8Array) =>
      [...valueCells(await open(bytes)).entries()]
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}=${String(v)}`);
    expect(await cells(same.bytes)).toEqual(await cells(old));
    await publishPlanVersion(s.db, loaded.find((p) => p.key === 'sip-14th')!.id, { id: null, name: 'test' });
    const res = await uploadFile(s.app, swj, '/api/uploads', old);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('newer version');
    // the published version carries the values sent to the old one (it held the dataset's values only before)
    const fresh = await open((await download(s.app, swj, '/api/templates/SWJ.xlsx')).bytes);
    expect(
      [...valueCells(fresh).entries()].filter(([, v]) => v !== null).map(([k, v]) => `${k}=${String(v)}`),
    ).toEqual(await cells(old));
    const ws = fresh.getWorksheet(DATA)!;
    expect(ws.getRow(findRow(ws, 'T2-05')).getCell(yearColumn(ws, '2023')).value).toBe(212);
  });
});
