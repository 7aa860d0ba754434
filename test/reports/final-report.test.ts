/**
 * The 14th plan's final evaluation for 2025 (issue 15 §4): 已完成/未完成 with the reason, binding first, the trend
 * left for the next plan, and the 附表 in the outline's layout with each value's source — read back from the files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/dataset.ts';
import { reportInputFromDataset } from '../../src/reports/from-dataset.ts';
import { findSoffice } from '../../src/reports/pdf.ts';
import { renderReport } from '../../src/reports/render.ts';
import type { ReportInput } from '../../src/reports/types.ts';
import { pdfText } from '../support/poppler.ts';
import { loadSipDataset, REPORT_TEST_NOW } from '../support/report-fixtures.ts';
import { readDocx } from './read-docx.ts';

const HAVE_SOFFICE = findSoffice() !== null;

const ANNEX_HEAD = [
  '类别',
  '序号',
  '指标',
  '2020年完成值',
  '2025年目标值',
  '2025年完成值',
  '指标属性',
  '完成情况',
  '数据来源',
];

describe('SIP 14th final report 2025: results, trends for the 15th plan, 附表', () => {
  let input: ReportInput;
  beforeAll(() => {
    const dataset: Dataset = loadSipDataset();
    input = reportInputFromDataset(dataset, {
      kind: 'final',
      year: 2025,
      engineVersion: 't',
      now: REPORT_TEST_NOW,
    });
  });

  it('.docx: the 附表 in the outline layout with sources, results with reasons binding first, trends', async () => {
    const doc = await readDocx((await renderReport(input, 'docx')).bytes);
    const annex = doc.tables.find((t) => JSON.stringify(t[0]) === JSON.stringify(ANNEX_HEAD));
    expect(annex).toBeDefined();
    const rows = annex!.slice(1);
    expect(rows).toHaveLength(36);
    const trade = rows.find((r) => r[2]?.startsWith('进出口总额'))!;
    expect(trade.slice(1, 5)).toEqual(['7', '进出口总额（亿美元）', '920', '1000']);
    // no 2025 figure published: the baseline's source is the outline, the result's none
    expect(trade[8]).toBe('2020年完成值：规划纲要；2025年完成值：—');
    for (const r of rows.filter((x) => x[5] !== '—'))
      expect(r[8], r[2]).toMatch(/2025年完成值：公开统计数据 · .+ · 第\d+版/);
    const results = doc.tables.find((t) => t[0]?.[0] === '序号' && t[0]?.[3] === '完成情况')!;
    const attrs = results.slice(1).map((r) => r[2]);
    expect(attrs.indexOf('预期性')).toBeGreaterThan(0);
    expect(attrs.slice(0, attrs.indexOf('预期性')).every((a) => a === '约束性')).toBe(true);
    expect(results.slice(1).every((r) => ['已完成', '未完成', '数据暂缺'].includes(r[3] ?? ''))).toBe(true);
    expect(results.slice(1).every((r) => (r[4] ?? '').length > 0)).toBe(true);
    expect(doc.tables.some((t) => t[0]?.[3] === '按此趋势2030年')).toBe(true);
  });

  it('.md and .xlsx carry the same 附表', async () => {
    const md = (await renderReport(input, 'md')).bytes.toString('utf8');
    expect(md).toContain('附表');
    expect(md).toMatch(/\| 2020年完成值 \| 2025年目标值 \| 2025年完成值 \|/);
    expect(md).toMatch(/进出口总额（亿美元） \| 920 \| 1000 \|/);
    const xlsx = await renderReport(input, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
        rows.push(cells);
      }),
    );
    // the sheet leads with the indicator's code, then the outline's columns
    const head = rows.findIndex((r) => ANNEX_HEAD.every((h, i) => r[i + 1] === h));
    expect(head, 'the 附表 header row in the workbook').toBeGreaterThanOrEqual(0);
    const annex = rows.slice(head + 1, head + 37);
    expect(annex.filter((r) => /^T2-\d+$/.test(r[0] ?? ''))).toHaveLength(36);
    expect(annex.find((r) => r[3] === '进出口总额（亿美元）')?.slice(2, 6)).toEqual([
      '7',
      '进出口总额（亿美元）',
      '920',
      '1000',
    ]);
  });

  it.skipIf(!HAVE_SOFFICE)(
    `.pdf carries the 附表 too${HAVE_SOFFICE ? '' : ' (skipped: LibreOffice not installed)'}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lantu-final-pdf-'));
      try {
        const file = join(dir, 'final.pdf');
        writeFileSync(file, (await renderReport(input, 'pdf')).bytes);
        const text = pdfText(file).replace(/\s+/g, '');
        // pdftotext breaks the table's cells into lines; whitespace aside, each cell's start reads as printed
        expect(text).toContain('（四）附表');
        expect(text).toContain('进出口总额（亿美元）');
        expect(text).toContain('2020年完成值：规划');
        expect(text).toContain('期末指标完成情况');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
