import { describe, expect, it } from 'vitest';
import { annualVerdict, completionRate, executionRow, halfYearCheck, pathValueIn } from './annual-plan.ts';

const gdpDensity = {
  kind: 'level' as const,
  direction: 'increase' as const,
  frequency: 'quarterly' as const,
  baselineYear: 2020,
  baselineValue: 10.4,
  targetYear: 2025,
  targetValue: 14.5,
};

describe('annual plan', () => {
  it('puts the path value of a level indicator on the straight line to the five-year target', () => {
    expect(pathValueIn(gdpDensity, 2022)).toBeCloseTo(12.04, 6);
    expect(pathValueIn({ ...gdpDensity, kind: 'cagr' }, 2022)).toBeNull();
  });

  it('rates completion in the indicator’s direction and judges it', () => {
    expect(completionRate('increase', 12, 12.6)).toBe(1.05);
    expect(completionRate('decrease', 5.5, 5.8)).toBe(0.948);
    expect(annualVerdict(12, 1.05)).toBe('achieved');
    expect(annualVerdict(12, 0.96)).toBe('nearly');
    expect(annualVerdict(12, 0.9)).toBe('missed');
    expect(annualVerdict(12, null)).toBe('no_data');
    expect(annualVerdict(null, null)).toBe('no_target');
  });

  it('checks 时间过半、任务过半 on the half-year value of quarterly indicators', () => {
    const values = new Map([['2022Q2', 6.3]]);
    expect(halfYearCheck(gdpDensity, 2022, 12, values)).toEqual({
      period: '2022Q2',
      value: 6.3,
      share: 0.525,
      onTrack: true,
    });
    expect(halfYearCheck({ ...gdpDensity, frequency: 'annual' }, 2022, 12, values)).toBeNull();
  });

  it('notes an annual target that leaves the path', () => {
    const row = executionRow(gdpDensity, 2022, { value: 11.5, note: '受疫情影响下调' }, 11.8, new Map());
    expect(row).toMatchObject({
      annualTarget: 11.5,
      pathValue: 12.04,
      differsFromPath: true,
      completionRate: 1.026,
      verdict: 'achieved',
    });
    expect(row.pathGapShare).toBeCloseTo(-0.045, 3);
    expect(
      executionRow(gdpDensity, 2022, { value: 12.05, note: null }, null, new Map()).differsFromPath,
    ).toBe(false);
  });
});
