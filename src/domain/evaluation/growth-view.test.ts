import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from './evaluate.ts';
import { makeSpec, obs } from './testkit.ts';

describe('growth view: annual rates, the latest and the 两年平均增长', () => {
  const gdp = makeSpec({ kind: 'cagr', baseline: 6.5, target: '6.5', unit: '%' });
  const series = [obs(2020, 3.4), obs(2021, 8.1), obs(2022, 3.0), obs(2023, 5.2)];

  it('gives each year the geometric mean with the year before (2020–2021 evens out the rebound)', () => {
    const r = evaluateIndicator(gdp, series, 2023);
    expect(r.growth?.latest).toEqual({ year: 2023, rate: 5.2 });
    expect(r.growth?.annual.map((a) => a.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(r.growth?.twoYearAverage).toEqual([
      { year: 2021, rate: 5.7239 },
      { year: 2022, rate: 5.5192 },
      { year: 2023, rate: 4.0942 },
    ]);
    // The verdict still rests on the average over the years of the period (2021–2023).
    expect(r.actual).toBe(5.4127);
  });

  it('is absent for kinds that are not growth targets and for growth read from levels', () => {
    expect(
      evaluateIndicator(makeSpec({ kind: 'level', baseline: 1, target: '2' }), series, 2023).growth,
    ).toBeNull();
    expect(evaluateIndicator({ ...gdp, unit: '亿元' }, series, 2023).growth).toBeNull();
  });
});
