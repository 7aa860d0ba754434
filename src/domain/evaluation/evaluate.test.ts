import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from './evaluate.ts';
import { makeSpec, obs, series } from './testkit.ts';
import type { EvaluationObservation, Method, Verdict } from './types.ts';
import type { IndicatorSpec } from '../indicator.ts';

const run = (
  spec: IndicatorSpec,
  o: EvaluationObservation[],
  year: number,
  method: Method = 'time',
  extra = {},
) => evaluateIndicator(spec, o, year, method, extra);

// 国家高新技术企业数: 1837 (2020) → 5000 (2025), a level with a path. f(2022) = 0.4, δ = 0.05.
const hte = makeSpec({
  name: '国家高新技术企业数',
  unit: '家',
  kind: 'level',
  baseline: 1837,
  target: '5000',
});
const at = (p: number) => 1837 + p * (5000 - 1837);

describe('level: time-progress boundaries', () => {
  it.each<[string, number, Verdict]>([
    ['p = f + δ is ahead', at(0.45), 'ahead'],
    ['just under f + δ is on track', at(0.449), 'on_track'],
    ['p = f − δ is on track', at(0.35), 'on_track'],
    ['just under f − δ is lagging', at(0.349), 'lagging'],
    ['moving away from the target is lagging', 1800, 'lagging'],
    ['target met early is achieved', 5000, 'achieved'],
    ['zero is lagging', 0, 'lagging'],
  ])('%s', (_, value, verdict) => {
    const r = run(hte, [obs(2022, value)], 2022);
    expect(r.verdict).toBe(verdict);
    expect(r.elapsed).toBeCloseTo(0.4, 9);
  });

  it('explains with both shares and the numbers', () => {
    const r = run(hte, [obs(2022, at(0.3))], 2022);
    expect(r.explanation.zh).toContain('实际进度30%');
    expect(r.explanation.zh).toContain('低于时间进度40%');
    expect(r.explanation.en).toContain('progress 30%');
    expect(r.expected).toBeCloseTo(1837 + 0.4 * 3163, 6);
    expect(r.progress).toBeCloseTo(0.3, 4);
  });

  it('at the final year reduces to achieved / not achieved', () => {
    expect(run(hte, [obs(2025, 5000)], 2025).verdict).toBe('achieved');
    expect(run(hte, [obs(2025, 4999)], 2025).verdict).toBe('not_achieved');
    expect(run(hte, [obs(2025, 4999)], 2027).verdict).toBe('not_achieved');
  });

  it('a target below the baseline (decrease) measures progress downwards', () => {
    const s = makeSpec({ kind: 'level', direction: 'decrease', baseline: 10, target: '8' });
    expect(run(s, [obs(2022, 9.2)], 2022).verdict).toBe('on_track'); // p = 0.4
    expect(run(s, [obs(2022, 8.9)], 2022).verdict).toBe('ahead'); // p = 0.55
    expect(run(s, [obs(2022, 10.5)], 2022).verdict).toBe('lagging');
    expect(run(s, [obs(2022, 7.9)], 2022).verdict).toBe('achieved');
  });

  it('direction none takes the way from baseline to target', () => {
    const s = makeSpec({ kind: 'level', direction: 'none', baseline: 10, target: '8' });
    expect(run(s, [obs(2022, 9.2)], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2025, 8)], 2025).verdict).toBe('achieved');
  });

  it('handles negative and zero values', () => {
    const s = makeSpec({ kind: 'level', baseline: -2, target: '0' });
    expect(run(s, [obs(2022, -1.2)], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2022, 0)], 2022).verdict).toBe('achieved');
    const t = run(s, [obs(2022, -1.2)], 2022, 'trend');
    expect(t.ratio).toBeCloseTo(1, 6); // linear ratio when CAGR is undefined
    expect(t.verdict).toBe('on_track');
  });

  it('uses the latest year with data when the asked year has none (missing years)', () => {
    const r = run(hte, [obs(2021, 2300), obs(2023, at(0.6))], 2024);
    expect(r.dataYear).toBe(2023);
    expect(r.elapsed).toBeCloseTo(0.6, 9);
    expect(r.verdict).toBe('on_track');
  });

  it('takes the highest revision of a year regardless of order', () => {
    const a = [obs(2022, 1900, { revision: 2 }), obs(2022, at(0.5), { revision: 1 })];
    expect(run(hte, a, 2022).actual).toBe(1900);
    expect(run(hte, [...a].reverse(), 2022).actual).toBe(1900);
  });

  it('notes unrevised conflicting values and picks deterministically', () => {
    const r1 = run(hte, [obs(2022, 1900), obs(2022, 2000)], 2022);
    const r2 = run(hte, [obs(2022, 2000), obs(2022, 1900)], 2022);
    expect(r1.actual).toBe(r2.actual);
    expect(r1.notes.some((n) => n.zh.includes('多个'))).toBe(true);
  });

  it('text values: a non-number is no data; a completion statement decides', () => {
    expect(run(hte, [obs(2022, '人普结果尚未发布')], 2022).verdict).toBe('no_data');
    expect(run(hte, [obs(2025, '完成')], 2025).verdict).toBe('achieved');
    expect(run(hte, [obs(2025, '未完成')], 2025).verdict).toBe('not_achieved');
    // an earlier number is used when the latest entry is words
    const r = run(hte, [obs(2021, at(0.2)), obs(2022, '统计口径调整')], 2022);
    expect(r.dataYear).toBe(2021);
    expect(r.verdict).toBe('on_track');
  });

  it('no observation at all is no data; a year not after the baseline is not assessable', () => {
    expect(run(hte, [], 2022).verdict).toBe('no_data');
    expect(run(hte, [obs(2020, 1837)], 2020).verdict).toBe('not_assessable');
  });

  it('without a baseline (—) rebases on the first observed year and says so', () => {
    const s = makeSpec({ kind: 'level', baseline: null, target: '50' });
    const r = run(s, [obs(2021, 10), obs(2023, 30)], 2023);
    expect(r.baselineSource).toBe('first_observation');
    expect(r.baselineYear).toBe(2021);
    expect(r.elapsed).toBeCloseTo(0.5, 9);
    expect(r.progress).toBeCloseTo(0.5, 9);
    expect(r.verdict).toBe('on_track');
    expect(r.notes.some((n) => n.zh.includes('首个观测年份'))).toBe(true);
    expect(run(s, [obs(2021, 10)], 2021).verdict).toBe('not_assessable');
  });

  it('resolves targets stated relative to the baseline', () => {
    const s = makeSpec({ kind: 'level', unit: '岁', baseline: 83.5, target: '再提高1岁' });
    const r = run(s, [obs(2025, 84.5)], 2025);
    expect(r.target).toBeCloseTo(84.5, 9);
    expect(r.verdict).toBe('achieved');
    const d = makeSpec({ kind: 'level', baseline: 100, target: '翻一番' });
    expect(run(d, [obs(2025, 199)], 2025).verdict).toBe('not_achieved');
    expect(run(d, [obs(2025, 199)], 2025).target).toBe(200);
  });

  it('a target equal to the baseline is a condition to keep', () => {
    const s = makeSpec({ kind: 'share', baseline: 100, target: '100' });
    expect(run(s, [obs(2022, 100)], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2022, 98)], 2022).verdict).toBe('lagging');
  });
});

describe('cagr (年均增速)', () => {
  const gdp = makeSpec({
    name: '地区生产总值年均增速',
    unit: '%',
    kind: 'cagr',
    baseline: 6.5,
    target: '6.5',
  });
  it.each<[number, Verdict]>([
    [7.5, 'ahead'],
    [6.5, 'on_track'],
    // Judged on the average so far (annual-rate.ts): within δ (5 %) of the target is on track, 6.0 is 7.7 % short.
    [6.2, 'on_track'],
    [6.0, 'lagging'],
    [5.0, 'lagging'],
    [-1, 'lagging'],
  ])('three years at %f per cent a year is %s', (g, v) => {
    const r = run(gdp, series(2021, [g, g, g]), 2023);
    expect(r.verdict).toBe(v);
    expect(r.actual).toBeCloseTo(g, 6);
    expect(r.expected).toBe(6.5);
  });

  it('chains annual rates (compounded, not averaged arithmetically)', () => {
    const r = run(gdp, series(2021, [10, 0, 5]), 2023);
    const geo = (Math.cbrt(1.1 * 1.0 * 1.05) - 1) * 100;
    expect(r.actual).toBeCloseTo(geo, 4);
  });

  it('averages over the years given and says so', () => {
    const r = run(gdp, [obs(2021, 8), obs(2023, 6)], 2023);
    expect(r.actual).toBeCloseTo((Math.sqrt(1.08 * 1.06) - 1) * 100, 4);
    expect(r.notes.some((n) => n.zh.includes('按所给年份平均'))).toBe(true);
  });

  it('final: average over the period against the target, with 左右 tolerance', () => {
    const about = makeSpec({
      unit: '%',
      kind: 'cagr',
      baseline: null,
      target: '7左右',
      baselineYear: 2015,
      targetYear: 2020,
    });
    expect(run(about, [obs(2020, 6.5, { span: 5 })], 2020).verdict).toBe('achieved');
    expect(run(about, [obs(2020, 6.2, { span: 5 })], 2020).verdict).toBe('not_achieved');
    expect(run(about, [obs(2020, 6.5, { span: 5 })], 2020, 'time', { aboutTolerance: 0.05 }).verdict).toBe(
      'not_achieved',
    );
    const tol = { ...about, tolerance: 0.5 };
    expect(run(tol, [obs(2020, 6.5, { span: 5 })], 2020).verdict).toBe('achieved');
  });

  it('from levels (unit not %)', () => {
    const lvl = makeSpec({
      name: '地区生产总值',
      unit: '亿元',
      kind: 'cagr',
      baseline: 2907.36,
      target: '6.5',
    });
    const r = run(lvl, [obs(2023, 2907.36 * 1.065 ** 3)], 2023);
    expect(r.actual).toBeCloseTo(6.5, 6);
    expect(r.progress).toBeCloseTo(0.6, 6);
    expect(r.verdict).toBe('on_track');
  });

  it('required rate for the remaining years', () => {
    const r = run(gdp, series(2021, [5, 5, 5]), 2023);
    const need = (Math.sqrt(1.065 ** 5 / 1.05 ** 3) - 1) * 100;
    expect(r.requiredRate?.relative).toBeCloseTo(need, 3);
    expect(r.requiredRate?.years).toBe(2);
  });
});

describe('cumulative (新增…累计)', () => {
  const pat = makeSpec({
    name: '新增发明专利授权',
    unit: '件',
    kind: 'cumulative',
    baseline: null,
    target: '10000',
  });
  it.each<[number[], number, Verdict]>([
    [[2000, 2000], 2022, 'on_track'],
    [[3000, 3000], 2022, 'ahead'],
    [[1000, 1000], 2022, 'lagging'],
    [[12000], 2021, 'achieved'],
    [[2000, 2000, 2000, 2000, 2000], 2025, 'achieved'],
    [[2000, 2000, 2000, 2000, 1999], 2025, 'not_achieved'],
  ])('flows %j by %i → %s', (flows, year, v) => {
    expect(run(pat, series(2021, flows), year).verdict).toBe(v);
  });

  it('notes missing years', () => {
    const r = run(pat, [obs(2021, 2000), obs(2023, 2000)], 2023);
    expect(r.actual).toBe(4000);
    expect(r.notes.some((n) => n.en.includes('2022'))).toBe(true);
  });
});

describe('reduction (降低13.5%)', () => {
  const energy = makeSpec({
    name: '单位GDP能耗降低',
    unit: '%',
    kind: 'reduction',
    baseline: null,
    target: '13.5',
    attribute: 'binding',
  });
  const r1 = (1 - (1 - 0.135) ** (1 / 5)) * 100; // the even annual fall
  it('an even annual fall is on track and meets the target at the end', () => {
    expect(run(energy, series(2021, [r1, r1]), 2022).verdict).toBe('on_track');
    const fin = run(energy, series(2021, [r1, r1, r1, r1, r1]), 2025);
    expect(fin.actual).toBeCloseTo(13.5, 6);
    expect(fin.verdict).toBe('achieved');
  });
  it('builds the cumulative fall as 1 − Π(1 − r)', () => {
    const r = run(energy, series(2021, [3.5, 3.5, 3.5]), 2023);
    expect(r.actual).toBeCloseTo((1 - 0.965 ** 3) * 100, 4);
    expect(r.verdict).toBe('ahead');
    expect(run(energy, series(2021, [3, 3, 3]), 2023).verdict).toBe('on_track');
    expect(run(energy, series(2021, [1, 1, 1]), 2023).verdict).toBe('lagging');
    expect(run(energy, series(2021, [2, 2, 2, 2, 2]), 2025).verdict).toBe('not_achieved');
  });
});

describe('condition kinds', () => {
  const unemp = makeSpec({
    name: '城镇登记失业率',
    unit: '%',
    kind: 'ceiling',
    direction: 'decrease',
    baseline: 1.8,
    target: '2',
    attribute: 'binding',
  });
  it.each<[number, number, Verdict]>([
    [1.8, 2022, 'on_track'], // binding: never declared met early
    [2.0, 2022, 'on_track'],
    [2.01, 2022, 'lagging'],
    [2.0, 2025, 'achieved'],
    [2.1, 2025, 'not_achieved'],
  ])('ceiling ≤ 2 (binding): %f in %i → %s', (v, y, verdict) => {
    expect(run(unemp, [obs(y, v)], y).verdict).toBe(verdict);
  });

  it('ceiling (expected): a margin of δ below the ceiling is achieved early', () => {
    const s = { ...unemp, attribute: 'expected' as const };
    expect(run(s, [obs(2022, 1.9)], 2022).verdict).toBe('achieved');
    expect(run(s, [obs(2022, 1.91)], 2022).verdict).toBe('on_track');
  });

  it('strict ceiling <5.5', () => {
    const s = makeSpec({ kind: 'ceiling', direction: 'decrease', target: '<5.5', baseline: null });
    expect(run(s, [obs(2022, 5.5)], 2022).verdict).toBe('lagging');
    expect(run(s, [obs(2022, 5.49)], 2022).verdict).toBe('on_track');
  });

  it.each<[number, Verdict]>([
    [5.25, 'achieved'],
    [5.2, 'on_track'],
    [5, 'on_track'],
    [4.9, 'lagging'],
  ])('floor 5以上 without baseline: %f → %s', (v, verdict) => {
    const s = makeSpec({ kind: 'floor', target: '5以上', baseline: null });
    expect(run(s, [obs(2022, v)], 2022).verdict).toBe(verdict);
  });

  it('floor with a baseline follows the path', () => {
    const s = makeSpec({ kind: 'floor', target: '突破5000', baseline: 1837 });
    expect(run(s, [obs(2022, at(0.4))], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2022, at(0.2))], 2022).verdict).toBe('lagging');
  });

  it('maintain 100 must hold every year', () => {
    const s = makeSpec({ kind: 'maintain', target: '100', baseline: 100 });
    expect(run(s, [obs(2022, 100)], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2022, 99)], 2022).verdict).toBe('lagging');
    expect(run(s, series(2021, [100, 100, 100, 100, 100]), 2025).verdict).toBe('achieved');
    const broken = run(s, series(2021, [100, 100, 99, 100, 100]), 2025);
    expect(broken.verdict).toBe('not_achieved');
    expect(broken.explanation.zh).toContain('2023');
  });

  it.each<[number, number | null, Verdict]>([
    [6.3, null, 'on_track'], // default band 7 ± 0.7
    [6.29, null, 'lagging'],
    [9, null, 'on_track'], // above a 左右 growth band is exceeding, but never early "achieved"
    [6.5, 0.5, 'on_track'],
    [6.4, 0.5, 'lagging'],
  ])('about 7左右: %f (tolerance %s) → %s', (v, tol, verdict) => {
    const s = makeSpec({ kind: 'about', unit: '%', target: '7左右', baseline: null, tolerance: tol });
    expect(run(s, [obs(2022, v)], 2022).verdict).toBe(verdict);
  });

  it('about/range with direction none read as higher-is-better, and say so', () => {
    const s = makeSpec({ kind: 'about', direction: 'none', target: '7左右', baseline: null });
    expect(run(s, [obs(2022, 7.8)], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2022, 6.2)], 2022).verdict).toBe('lagging');
    const r = makeSpec({ kind: 'range', direction: 'none', target: '30-32', baseline: null });
    const fin = run(r, [obs(2025, 46)], 2025);
    expect(fin.verdict).toBe('achieved');
    expect(fin.notes.some((n) => n.zh.includes('未标明方向'))).toBe(true);
  });

  it('maintain with direction none is a two-sided band', () => {
    const s = makeSpec({ kind: 'maintain', direction: 'none', target: '100', baseline: 100, tolerance: 0.5 });
    expect(run(s, [obs(2022, 99.5)], 2022).verdict).toBe('on_track');
    expect(run(s, [obs(2022, 99.4)], 2022).verdict).toBe('lagging');
  });

  it.each<[number, number, Verdict]>([
    [31, 2022, 'on_track'],
    [29, 2022, 'lagging'],
    [34, 2022, 'achieved'],
    [30, 2025, 'achieved'],
    [29.9, 2025, 'not_achieved'],
  ])('range 30-32: %f in %i → %s', (v, y, verdict) => {
    const s = makeSpec({ kind: 'range', target: '30-32', baseline: null });
    expect(run(s, [obs(y, v)], y).verdict).toBe(verdict);
  });
});

describe('assigned (完成市下达任务)', () => {
  const s = makeSpec({
    name: '单位地区生产总值能源消耗降低',
    unit: '%',
    kind: 'assigned',
    target: '完成市下达任务',
    baseline: '完成市下达任务',
    attribute: 'binding',
  });
  const given = (y: number, v: number): EvaluationObservation => obs(y, v, { kind: 'assigned' });
  it.each<[EvaluationObservation[], number, Verdict]>([
    [[obs(2022, 3.5), given(2022, 3.2)], 2022, 'on_track'],
    [[obs(2022, 3.2), given(2022, 3.2)], 2022, 'on_track'],
    [[obs(2022, 3.0), given(2022, 3.2)], 2022, 'lagging'],
    [[obs(2022, 3.5)], 2022, 'no_data'],
    [[obs(2022, '完成')], 2022, 'on_track'],
    [[obs(2025, '未完成')], 2025, 'not_achieved'],
    [[obs(2025, 3.3), given(2025, 3.2)], 2025, 'achieved'],
  ])('case %#', (o, y, verdict) => {
    expect(run(s, o, y).verdict).toBe(verdict);
  });

  it('a decrease indicator must stay at or below the assigned value', () => {
    const d = { ...s, direction: 'decrease' as const };
    expect(run(d, [obs(2022, 0.9), given(2022, 1)], 2022).verdict).toBe('on_track');
    expect(run(d, [obs(2022, 1.1), given(2022, 1)], 2022).verdict).toBe('lagging');
  });
});

describe('relational (与GDP增长同步)', () => {
  const inc = makeSpec({
    name: '居民人均可支配收入增长率',
    unit: '%',
    kind: 'relational',
    target: '与GDP增长同步',
    baseline: '与GDP增长同步',
    relatedCode: 'GDP',
  });
  const gdp = (pairs: [number, number][]) => ({
    related: pairs.map(([y, v]) => obs(y, v)),
    relatedName: '地区生产总值增速',
  });
  it.each<[number, Verdict]>([
    [6.5, 'on_track'],
    [6.0, 'on_track'],
    [5.99, 'lagging'],
    [8, 'on_track'],
  ])('in step with GDP 6.5: income %f → %s', (v, verdict) => {
    expect(run(inc, [obs(2022, v)], 2022, 'time', gdp([[2022, 6.5]])).verdict).toBe(verdict);
  });

  it('高于 is strict: equal growth is not above', () => {
    const above = { ...inc, target: { ...inc.target!, raw: '高于GDP增幅' } };
    expect(run(above, [obs(2022, 6.6)], 2022, 'time', gdp([[2022, 6.5]])).verdict).toBe('on_track');
    expect(run(above, [obs(2022, 6.5)], 2022, 'time', gdp([[2022, 6.5]])).verdict).toBe('lagging');
  });

  it('no related value for the year is no data', () => {
    expect(run(inc, [obs(2022, 6.5)], 2022, 'time', gdp([[2021, 6.5]])).verdict).toBe('no_data');
  });

  it('final year compares the period averages and lists the years that missed', () => {
    const r = run(
      inc,
      series(2021, [7, 5, 6, 6, 6]),
      2025,
      'time',
      gdp([
        [2021, 6],
        [2022, 6],
        [2023, 6],
        [2024, 6],
        [2025, 6],
      ]),
    );
    expect(r.verdict).toBe('achieved');
    expect(r.explanation.zh).toContain('2022年未满足');
  });

  it('reads relations stated in words', () => {
    expect(run(inc, [obs(2025, '与GDP增长同步')], 2025).verdict).toBe('achieved');
    expect(run(inc, [obs(2025, '低于GDP增幅')], 2025).verdict).toBe('not_achieved');
  });
});

describe('trend method (Open SDG CAGR ratio)', () => {
  const s = makeSpec({ kind: 'level', baseline: 100, target: '200' });
  const req = 2 ** (1 / 5) - 1;
  const valueFor = (R: number) => 100 * (1 + R * req) ** 2;
  it.each<[number, Verdict]>([
    [1, 'on_track'],
    [0.95, 'on_track'],
    [0.94, 'acceleration_needed'],
    [0.6, 'acceleration_needed'],
    [0.59, 'limited_progress'],
    [0, 'limited_progress'],
    [-0.1, 'deterioration'],
  ])('R = %f → %s', (R, verdict) => {
    const r = run(s, [obs(2022, valueFor(R))], 2022, 'trend');
    expect(r.ratio).toBeCloseTo(R, 3);
    expect(r.verdict).toBe(verdict);
  });

  it('target achieved is checked first', () => {
    expect(run(s, [obs(2022, 210)], 2022, 'trend').verdict).toBe('achieved');
  });

  it.each<[number, Verdict]>([
    [1.02, 'on_track'],
    [1.01, 'acceleration_needed'],
    [1.002, 'limited_progress'],
    [0.99, 'deterioration'],
  ])('without a target, growth factor %f a year → %s', (g, verdict) => {
    const nt = makeSpec({ kind: 'level', baseline: 100, target: null });
    expect(run(nt, [obs(2022, 100 * g * g)], 2022, 'trend').verdict).toBe(verdict);
    expect(run(nt, [obs(2022, 100 * g * g)], 2022, 'time').verdict).toBe('not_assessable');
  });

  it('cagr indicators compare average growth with the target rate', () => {
    const gdp = makeSpec({ unit: '%', kind: 'cagr', baseline: 6.5, target: '6.5' });
    const r = run(gdp, series(2021, [5, 5]), 2022, 'trend');
    expect(r.ratio).toBeCloseTo(Math.log(1.05) / Math.log(1.065), 3);
    expect(r.verdict).toBe('acceleration_needed');
  });

  it('condition kinds not met use the ratio toward the threshold', () => {
    const fl = makeSpec({ kind: 'ceiling', direction: 'decrease', target: '2', baseline: 3 });
    expect(run(fl, [obs(2022, 2.9)], 2022, 'trend').verdict).toBe('limited_progress');
    expect(run(fl, [obs(2022, 3.2)], 2022, 'trend').verdict).toBe('deterioration');
  });
});

describe('projection, required rate and probability', () => {
  it('projects linearly and by observed CAGR', () => {
    const s = makeSpec({ kind: 'level', baseline: 100, target: '150' });
    const r = run(s, [obs(2022, 120)], 2022);
    expect(r.projection?.linear).toBeCloseTo(150, 6);
    expect(r.projection?.cagr).toBeCloseTo(120 * 1.2 ** 1.5, 4);
    expect(r.projection?.linearMeets).toBe(true);
    expect(r.requiredRate?.absolute).toBeCloseTo(10, 6);
  });

  it('probability is 1/0 for a steady series and grows with the value', () => {
    const s = makeSpec({ kind: 'level', baseline: 0, target: '10' });
    expect(run(s, series(2021, [2, 4, 6]), 2023).probability?.value).toBe(1);
    expect(run(s, series(2021, [1, 2, 3]), 2023).probability?.value).toBe(0);
    const lo = run(s, series(2021, [1, 3, 5]), 2023).probability?.value ?? NaN;
    const hi = run(s, series(2021, [1, 3, 6]), 2023).probability?.value ?? NaN;
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(lo);
  });

  it('needs two annual changes', () => {
    const s = makeSpec({ kind: 'level', baseline: null, target: '10' });
    expect(run(s, series(2021, [1, 3]), 2022).probability).toBeNull();
  });

  it('is 1 or 0 once the period is over', () => {
    const s = makeSpec({ kind: 'level', baseline: 0, target: '10' });
    expect(run(s, [obs(2025, 10)], 2025).probability?.value).toBe(1);
    expect(run(s, [obs(2025, 9)], 2025).probability?.value).toBe(0);
  });
});
