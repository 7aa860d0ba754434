import { describe, expect, it } from 'vitest';
import { importPlan } from '../../src/importers/import-plan.ts';
import type { PlanDocument, PlanTable } from '../../src/importers/plan-document.ts';

/** Synthetic indicator tables in the layouts plans publish (names and figures made up). */
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const load = (text: string, filename = 'plan.md'): PlanDocument => importPlan({ bytes: enc(text), filename });
const only = (doc: PlanDocument): PlanTable => {
  expect(doc.tables).toHaveLength(1);
  return doc.tables[0] as PlanTable;
};
const HEAD = '# 某省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n## 第一章 主要目标\n\n';

describe('indicator tables', () => {
  it('reads the national layout: 2020年 | 2025年 | 年均/累计 | 属性, 〔〕, >, <, *, 注 and row numbers', () => {
    const doc = load(
      `${HEAD}**表1 “十四五”时期经济社会发展主要指标**

| 类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性 |
|---|---|---|---|---|---|
| 经济发展 | 1.地区生产总值增长（%） | 3.6 | — | 保持在合理区间 | 预期性 |
|  | 2.全员劳动生产率增长（%） | 2.8 | — | 高于地区生产总值增长 | 预期性 |
|  | 3.常住人口城镇化率（%） | 61.2* | 66 | — | 预期性 |
| 创新驱动 | （4）研发经费投入增长（%） | — | — | >7 | 预期性 |
| 民生福祉 | 5.城镇调查失业率（%） | 5.1 | — | <5.5 | 预期性 |
|  | 6.人均预期寿命（岁） | 78.1 | — | 〔1〕 | 预期性 |
| 绿色生态 | 7.单位地区生产总值能源消耗降低（%） | — | — | 〔14〕 | 约束性 |
|  | 8.空气质量优良天数比率（%） | 85 | >86 | — | 约束性 |
| 安全保障 | 9.粮食综合生产能力（万吨） | — | >3500 | — | 约束性 |

注：①〔〕内为五年累计数。②带*的为2019年数据。
`,
    );
    const t = only(doc);
    expect(t).toMatchObject({ number: 1, role: 'main', baselineYear: 2020, targetYear: 2025 });
    expect(t.columns.map((c) => c.role)).toEqual([
      'category',
      'name',
      'baseline',
      'target',
      'growth',
      'attribute',
    ]);
    expect(t.notes).toEqual(['①〔〕内为五年累计数。②带*的为2019年数据。']);
    const rows = t.rows.map((r) => [
      r.category,
      r.number,
      r.name,
      r.unit,
      r.baseline?.value ?? null,
      r.target?.raw ?? null,
      r.target?.comparator ?? null,
      r.target?.value ?? null,
      r.inferred.kind,
      r.attribute,
    ]);
    expect(rows).toEqual([
      ['经济发展', 1, '地区生产总值增长', '%', 3.6, '保持在合理区间', 'text', null, 'level', 'expected'],
      [
        '经济发展',
        2,
        '全员劳动生产率增长',
        '%',
        2.8,
        '高于地区生产总值增长',
        'text',
        null,
        'relational',
        'expected',
      ],
      ['经济发展', 3, '常住人口城镇化率', '%', 61.2, '66', 'eq', 66, 'share', 'expected'],
      ['创新驱动', 4, '研发经费投入增长', '%', null, '>7', 'gt', 7, 'floor', 'expected'],
      ['民生福祉', 5, '城镇调查失业率', '%', 5.1, '<5.5', 'lt', 5.5, 'ceiling', 'expected'],
      ['民生福祉', 6, '人均预期寿命', '岁', 78.1, '〔1〕', 'eq', 1, 'cumulative', 'expected'],
      ['绿色生态', 7, '单位地区生产总值能源消耗降低', '%', null, '〔14〕', 'eq', 14, 'reduction', 'binding'],
      ['绿色生态', 8, '空气质量优良天数比率', '%', 85, '>86', 'gt', 86, 'floor', 'binding'],
      ['安全保障', 9, '粮食综合生产能力', '万吨', null, '>3500', 'gt', 3500, 'floor', 'binding'],
    ]);
    expect(t.rows[2]?.note).toBe('②带*的为2019年数据。');
    expect(t.rows[0]?.note).toBeNull();
    expect(doc.report.tablesNotUnderstood).toEqual([]);
  });

  it('reads a previous plan’s results table: 预计值 is the result, 完成情况 a status, never a baseline', () => {
    const doc = load(
      `${HEAD}**表1 “十三五”规划主要指标完成情况**

| 指标 | 单位 | 2020年规划目标 | 2020年预计值 | 完成情况 |
|---|---|---|---|---|
| 地区生产总值 | 亿元 | 5000 | 5200 | 完成 |
| 研发经费投入强度 | % | 3 | 2.8 | 未完成 |
`,
    );
    const t = only(doc);
    expect(t).toMatchObject({
      role: 'previous-results',
      period: { start: 2016, end: 2020 },
      actualYear: 2020,
    });
    expect(t.columns.map((c) => c.role)).toEqual(['name', 'unit', 'target', 'actual', 'status']);
    expect(
      t.rows.map((r) => [r.name, r.unit, r.target?.value, r.actual?.value, r.baseline, r.status]),
    ).toEqual([
      ['地区生产总值', '亿元', 5000, 5200, null, '完成'],
      ['研发经费投入强度', '%', 3, 2.8, null, '未完成'],
    ]);
  });

  it('reads header variants: 基期值, 目标值, 2025年预期, 年均增长', () => {
    const doc = load(
      `${HEAD}**表1 主要指标**

| 序号 | 指标名称 | 基期值 | 2025年预期 | 年均增长 | 指标属性 |
|---|---|---|---|---|---|
| 1 | 一般公共预算收入（亿元） | 300 | 400 | 6% | 预期性 |
| 2 | 进出口总额（亿美元） | 800 | — | 5%左右 | 预期性 |
`,
    );
    const t = only(doc);
    expect(t.columns.map((c) => c.role)).toEqual([
      'number',
      'name',
      'baseline',
      'target',
      'growth',
      'attribute',
    ]);
    expect(t.rows.map((r) => [r.number, r.name, r.baseline?.value, r.target?.raw, r.inferred.kind])).toEqual([
      [1, '一般公共预算收入', 300, '400', 'level'],
      [2, '进出口总额', 800, '5%左右', 'about'],
    ]);
    expect(doc.report.rowsWithoutTarget).toEqual([]);
  });

  it('reads a table laid out in space-separated columns in text', () => {
    const text = [
      '某县国民经济和社会发展第十五个五年规划纲要',
      '第一章 主要目标',
      '表1 主要指标',
      '类别      指标                      2025年    2030年    属性',
      '经济发展  地区生产总值（亿元）      500       700       预期性',
      '          人均地区生产总值（万元）  9         12        预期性',
      '民生福祉  城镇调查失业率（%）       5         <5.5      预期性',
      '',
      '推动高质量发展。',
    ].join('\n');
    const t = only(load(text, 'plan.txt'));
    expect(t.rows.map((r) => [r.category, r.name, r.unit, r.baseline?.value, r.target?.raw])).toEqual([
      ['经济发展', '地区生产总值', '亿元', 500, '700'],
      ['经济发展', '人均地区生产总值', '万元', 9, '12'],
      ['民生福祉', '城镇调查失业率', '%', 5, '<5.5'],
    ]);
  });
});
