import { describe, expect, it } from 'vitest';
import { evaluateIndicator as run } from './evaluate.ts';
import { highTechAt as at, highTechFirms as hte, makeSpec, obs, series } from './testkit.ts';
import type { Verdict } from './types.ts';

// 国家高新技术企业数: 1837 (2020) → 5000 (2025), a level with a path. f(2022) = 0.4, δ = 0.05.

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
