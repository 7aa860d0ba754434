import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import { formatReport } from '../../src/importers/report.ts';
import { REPORT_OUTLINE_EXPECTED, REPORT_OUTLINE_MD } from '../support/report-fixture.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('import report', () => {
  const doc = importPlan({ bytes: enc(REPORT_OUTLINE_MD), filename: 'plan.md' });

  it('lists headings per level with gaps, tables not understood, rows without target, undated targets and heading-like text', () => {
    expect(doc.report).toEqual(REPORT_OUTLINE_EXPECTED);
  });

  it('reads as lines a person checks before saving, one finding a line', () => {
    expect(formatReport(doc.report)).toEqual([
      '识别结构 structure: 2 篇 parts, 3 章 chapters, 2 节 sections',
      '  编号缺漏 numbering gap: 第二篇 missing between 第一篇 and 第三篇',
      '  编号缺漏 numbering gap: 第三章 missing between 第二章 and 第四章',
      '  编号缺漏 numbering gap: 第二章: 第二节 missing between 第一节 and 第三节',
      '  表格未识别 table not understood: 表1 主要指标 — columns not understood: 责任单位 (line 11)',
      '无目标值的指标 rows without a target: 表1 研发经费投入强度',
      '无年份的目标 targets without a year (not taken): 公共绿地率达到40% (line 28)',
      '  疑似标题未采用 heading-like text not taken: 第五章所列任务，由各部门分工落实。 (line 32)',
    ]);
  });

  it('is empty but for the structure on a clean outline', () => {
    const clean = importPlan({
      bytes: enc('# 某区“十五五”规划纲要\n\n## 第一章 总则\n\n推动发展。\n\n## 第二章 任务\n\n建设平台。\n'),
      filename: 'plan.md',
    });
    expect(formatReport(clean.report)).toEqual([
      '识别结构 structure: 0 篇 parts, 2 章 chapters, 0 节 sections',
    ]);
  });
});
