import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../src/domain/evaluation/summary.ts';
import { code, table1Observations, table1Specs } from '../support/table1.fixture.ts';

/** 13th-plan final evaluation from Table 1 of the SIP 14th-plan outline (targets and results for 2020). */
describe('13th-plan final evaluation (Table 1, 2020)', () => {
  const result = evaluatePlan({ indicators: table1Specs(), observations: table1Observations(), year: 2020 });
  const byRow = (row: number) => {
    const r = result.indicators.find((i) => i.code === code(row));
    if (r === undefined) throw new Error(`row ${row} missing`);
    return r;
  };

  it.each([
    [2, 'achieved'], // 50左右 → 52.3
    [3, 'achieved'], // 9 → 9
    [4, 'not_achieved'], // 10 → 7.1
    [5, 'achieved'], // 70 → 72.4
    [6, 'achieved'], // 60 → 62
    [7, 'not_achieved'], // 5以上 → 4.5
    [8, 'achieved'], // 500 → 560
    [9, 'achieved'], // 43 → 51
    [10, 'achieved'], // 30-32 → 46
    [13, 'achieved'], // 失业率 ≤ 2 → 1.8
    [14, 'achieved'], // 33.6 → 61
    [15, 'achieved'], // 75 → 75
    [16, 'achieved'], // 0.3 → 0.33
    [17, 'achieved'], // 2.5 → 3.0
    [18, 'achieved'], // 50 → 50
    [19, 'achieved'], // 完成市下达目标 → 完成
    [20, 'achieved'],
    [21, 'achieved'],
    [22, 'achieved'], // 100 → 100
  ] as const)('row %i is %s', (row, verdict) => {
    expect(byRow(row).verdict).toBe(verdict);
  });

  it('row 11 常住人口 (人普结果尚未发布) has no data and quotes the text', () => {
    const r = byRow(11);
    expect(r.verdict).toBe('no_data');
    expect(r.explanation.zh).toContain('人普结果尚未发布');
  });

  it('row 1 GDP growth 7左右 → 6.5 gets a verdict that states the tolerance', () => {
    const r = byRow(1);
    expect(r.verdict).toBe('achieved');
    expect(r.actual).toBeCloseTo(6.5, 6);
    expect(r.explanation.zh).toContain('7±0.7');
    expect(r.explanation.zh).toContain('默认容差');
    expect(r.explanation.en).toContain('tolerance');
  });

  it('row 12 income growth 高于GDP增幅 → 与GDP增长同步 is judged by the comparison it states', () => {
    const r = byRow(12);
    expect(r.verdict).toBe('not_achieved');
    expect(r.explanation.zh).toContain('同步不满足“高于”');
    expect(r.explanation.en).toContain('in step is not above');
  });

  it('lists binding indicators first and summarises like a final report', () => {
    const firstExpected = result.indicators.findIndex((i) => i.attribute === 'expected');
    expect(firstExpected).toBe(9); // the 9 binding indicators, then the rest: the every() below is not vacuous
    expect(result.indicators.slice(0, firstExpected).every((i) => i.attribute === 'binding')).toBe(true);
    expect(result.summary.final).toBe(true);
    expect(result.summary.counts.achieved).toBe(18);
    expect(result.summary.counts.not_achieved).toBe(3);
    expect(result.summary.counts.no_data).toBe(1);
    expect(result.summary.sentence.zh).toBe('22项主要指标中，18项已完成，3项未完成，1项数据暂缺。');
    expect(result.summary.bindingSentence?.zh).toBe('其中约束性指标9项，9项已完成，0项未完成，0项数据暂缺。');
  });
});
