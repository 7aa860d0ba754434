import { describe, expect, it } from 'vitest';
import { isAnnualRate } from './annual-rate.ts';
import { evaluateIndicator } from './evaluate.ts';
import { gdpGrowth, makeSpec, obs, series } from './testkit.ts';
import type { EvaluationObservation, EvaluationOptions } from './types.ts';
import type { IndicatorSpec } from '../indicator.ts';

const run = (
  spec: IndicatorSpec,
  o: EvaluationObservation[],
  year: number,
  options: EvaluationOptions = {},
) => evaluateIndicator(spec, o, year, 'time', options);

// 研发经费投入增长 >7 (national 14th plan): a growth floor read from annual rates.
const rd = makeSpec({ name: '研发经费投入增长', unit: '%', kind: 'cagr', baseline: null, target: '>7' });
// 城镇调查失业率 <5.5: a ceiling on a yearly rate.
const unemployment = makeSpec({
  name: '城镇调查失业率',
  unit: '%',
  kind: 'ceiling',
  direction: 'decrease',
  baseline: 5.2,
  target: '<5.5',
});

describe('which targets are on a yearly rate', () => {
  it('growth from rates, relational targets and ceilings on a named rate; not levels', () => {
    expect(isAnnualRate(rd, 'rates')).toBe(true);
    expect(isAnnualRate(rd, 'levels')).toBe(false);
    expect(isAnnualRate(unemployment, null)).toBe(true);
    const energy = makeSpec({ name: '规上工业企业单位产值能耗', unit: '吨标准煤/万元', kind: 'ceiling' });
    expect(isAnnualRate(energy, null)).toBe(false);
    expect(isAnnualRate(makeSpec({ name: '煤炭消费比重', unit: '%', kind: 'ceiling' }), null)).toBe(false);
    expect(isAnnualRate(makeSpec({ kind: 'relational', target: '与GDP增长同步' }), null)).toBe(true);
  });
});

describe('growth floor judged on the average so far', () => {
  it('7.7 against >7 in 2022 is 快于预期 (beaten by 10 %, beyond δ), not on the chained path', () => {
    const r = run(rd, [obs(2022, 7.7)], 2022);
    expect(r.verdict).toBe('ahead');
    expect(r.actual).toBe(7.7);
    expect(r.explanation.zh).toContain('按已公布年份的平均增速判断');
    expect(r.explanation.zh).toContain('不提前认定完成');
    // The rule is configurable: the chained index's time progress (44 % of the way at 40 %) is on track.
    const path = run(rd, [obs(2022, 7.7)], 2022, { annualRates: 'latest' });
    expect(path.verdict).toBe('on_track');
    expect(path.progress).toBe(0.4386);
  });

  it('beaten by far, a growth floor is still 快于预期 mid-period, never 提前实现; at the end it is 已完成', () => {
    const fast = series(2021, [15, 15, 15]);
    expect(run(gdpGrowth, fast, 2023).verdict).toBe('ahead');
    expect(run(gdpGrowth, fast, 2023).actual).toBeCloseTo(15, 6);
    // Before the rule the index had passed the five-year total already: 提前实现.
    expect(run(gdpGrowth, fast, 2023, { annualRates: 'latest' }).verdict).toBe('achieved');
    expect(run(gdpGrowth, series(2021, [15, 15, 15, 15, 15]), 2025).verdict).toBe('achieved');
  });

  it('one bad year does not decide: 10, 2.3, 5.9 average 6.02 against 6.5 — and the latest year is shown', () => {
    const r = run(gdpGrowth, series(2021, [10, 2.3, 5.9]), 2023);
    const avg = (Math.cbrt(1.1 * 1.023 * 1.059) - 1) * 100;
    expect(r.actual).toBeCloseTo(avg, 4);
    expect(avg).toBeCloseTo(6.0201, 3);
    // 6.02 is 7.4 % below 6.5, beyond δ = 5 %: lagging; the sentence gives the average and the latest year.
    expect(r.verdict).toBe('lagging');
    expect(r.explanation.zh).toContain('（2021年以来）年均增长6.02%');
    expect(r.explanation.zh).toContain('按已公布年份的平均增速判断（其中2023年5.9%），低于目标');
    const good = run(gdpGrowth, series(2021, [10, 2.3, 8]), 2023);
    expect(good.actual).toBeCloseTo((Math.cbrt(1.1 * 1.023 * 1.08) - 1) * 100, 4);
    expect(good.verdict).toBe('on_track');
  });

  it('a 左右 band has its own width: 6.2 against 7左右 (6.3–7.7) is lagging, 6.4 on track, 9 never ahead', () => {
    const about = makeSpec({ unit: '%', kind: 'cagr', baseline: null, target: '7左右' });
    expect(run(about, series(2021, [6.2, 6.2]), 2022).verdict).toBe('lagging');
    expect(run(about, series(2021, [6.4, 6.4]), 2022).verdict).toBe('on_track');
    expect(run(about, series(2021, [9, 9]), 2022).verdict).toBe('on_track');
  });
});

describe('ceiling on a yearly rate judged on the average of the years reported', () => {
  it('5.1 then 5.6 against <5.5: the average 5.35 holds — 基本符合预期, with 2022 noted', () => {
    const r = run(unemployment, [obs(2021, 5.1), obs(2022, 5.6)], 2022);
    expect(r.verdict).toBe('on_track');
    expect(r.actual).toBe(5.35);
    expect(r.dataYear).toBe(2022);
    expect(r.explanation.zh).toContain('2021—2022年平均为5.35%（2022年为5.6%）');
    expect(r.notes.map((n) => n.zh)).toContain('2022年当年未满足目标，按已公布年份的平均值判断');
    // On the latest year alone it is 滞后.
    expect(run(unemployment, [obs(2021, 5.1), obs(2022, 5.6)], 2022, { annualRates: 'latest' }).verdict).toBe(
      'lagging',
    );
  });

  it('an average well under the ceiling is 快于预期, not 提前实现; a binding one stays 基本符合预期', () => {
    const low = [obs(2021, 4.6), obs(2022, 4.8)];
    expect(run(unemployment, low, 2022).verdict).toBe('ahead');
    expect(run(unemployment, low, 2022, { annualRates: 'latest' }).verdict).toBe('achieved');
    const binding = { ...unemployment, attribute: 'binding' as const };
    expect(run(binding, low, 2022).verdict).toBe('on_track');
  });

  it('the average above the ceiling is lagging; at the end it decides 已完成 / 未完成', () => {
    expect(run(unemployment, [obs(2021, 5.5), obs(2022, 5.7)], 2022).verdict).toBe('lagging');
    const five = series(2021, [5.1, 5.6, 5.2, 5.1, 5.2]);
    const end = run(unemployment, five, 2025);
    expect(end.actual).toBe(5.24);
    expect(end.verdict).toBe('achieved');
  });

  it('a ceiling on a level is still judged on the latest year', () => {
    const energy = makeSpec({
      name: '单位产值能耗',
      unit: '吨标准煤/万元',
      kind: 'ceiling',
      direction: 'decrease',
      target: '0.035',
    });
    const r = run(energy, [obs(2021, 0.03), obs(2022, 0.05)], 2022);
    expect(r.actual).toBe(0.05);
    expect(r.verdict).toBe('lagging');
  });
});

describe('与GDP增长同步 judged on the averages so far', () => {
  const income = makeSpec({
    name: '居民人均可支配收入增长',
    unit: '%',
    kind: 'relational',
    target: '与GDP增长同步',
    relatedCode: 'G',
  });
  const gdp = series(2021, [8.4, 3.0]);
  it('8.1, 2.9 against GDP 8.4, 3.0: averages 5.47 and 5.67, within ±0.5 — on track, the latest year shown', () => {
    const r = run(income, series(2021, [8.1, 2.9]), 2022, { related: gdp, relatedName: 'GDP增长' });
    expect(r.verdict).toBe('on_track');
    expect(r.actual).toBeCloseTo((Math.sqrt(1.081 * 1.029) - 1) * 100, 3);
    expect(r.expected).toBeCloseTo((Math.sqrt(1.084 * 1.03) - 1) * 100, 3);
    expect(r.explanation.zh).toContain('其中2022年2.9%对3%');
  });

  it('one year behind by more than the band does not decide alone', () => {
    const r = run(income, series(2021, [9.5, 2.2]), 2022, { related: gdp, relatedName: 'GDP增长' });
    expect(r.verdict).toBe('on_track');
    expect(r.notes.map((n) => n.zh).join()).not.toContain('未满足');
    const latest = run(income, series(2021, [9.5, 2.2]), 2022, {
      related: gdp,
      relatedName: 'GDP增长',
      annualRates: 'latest',
    });
    expect(latest.verdict).toBe('lagging');
  });
});
