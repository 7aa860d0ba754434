/**
 * The 14th plan's final evaluation for 2025 (issue 15 §4): 已完成/未完成 with the reason, binding first, the trend
 * left for the next plan, and the 附表 in the outline's layout with each value's source — read back from the files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/dataset.ts';
import { reportInputFromDataset } from '../../src/reports/from-dataset.ts';
import { renderReport } from '../../src/reports/render.ts';
import type { ReportInput } from '../../src/reports/types.ts';
import { loadSipDataset, REPORT_TEST_NOW } from '../support/report-fixtures.ts';
import { readDocx } from './read-docx.ts';

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
    expect(xlsx.bytes.length).toBeGreaterThan(1000);
  });
});
