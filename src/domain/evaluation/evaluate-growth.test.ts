import { describe, expect, it } from 'vitest';
import { evaluateIndicator as run } from './evaluate.ts';
import { gdpGrowth as gdp, makeSpec, obs, series } from './testkit.ts';
import type { Verdict } from './types.ts';

describe('cagr (年均增速)', () => {
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
