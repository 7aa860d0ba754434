import { describe, expect, it } from 'vitest';
import { evaluateIndicator as run } from './evaluate.ts';
import { highTechAt as at, makeSpec, obs, series } from './testkit.ts';
import type { EvaluationObservation, Verdict } from './types.ts';

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
