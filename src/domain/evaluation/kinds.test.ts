import { describe, expect, it } from 'vitest';
import { TARGET_KINDS } from '../indicator.ts';
import {
  drawsStraightPath,
  hasTargetPath,
  kindFamily,
  straightPathValue,
  targetIsAverageRate,
} from './kinds.ts';

describe('kind families: the one answer to which kinds have a path', () => {
  it('gives every kind a family; path kinds are value, sum, growth and fall', () => {
    const withPath = TARGET_KINDS.filter(hasTargetPath);
    expect(withPath.sort()).toEqual(['cagr', 'cumulative', 'floor', 'level', 'reduction', 'share']);
    expect(TARGET_KINDS.map(kindFamily).filter((f) => f === 'condition')).toHaveLength(4);
    expect(TARGET_KINDS.filter(drawsStraightPath).sort()).toEqual([
      'cumulative',
      'floor',
      'level',
      'reduction',
      'share',
    ]);
    expect(TARGET_KINDS.filter(targetIsAverageRate)).toEqual(['cagr']);
  });

  it('puts a path value on the straight line between the ends, and none for kinds without a path', () => {
    const b = { year: 2020, value: 1837 };
    const t = { year: 2025, value: 5000 };
    expect(straightPathValue('level', b, t, 2021)).toBeCloseTo(2469.6, 9);
    expect(straightPathValue('level', b, t, 2025)).toBe(5000);
    expect(straightPathValue('level', b, t, 2019)).toBeNull();
    expect(straightPathValue('level', { year: 2020, value: null }, t, 2021)).toBeNull();
    expect(
      straightPathValue('ceiling', { year: 2020, value: 1.8 }, { year: 2025, value: 2 }, 2021),
    ).toBeNull();
    expect(
      straightPathValue('cagr', { year: 2020, value: 6.5 }, { year: 2025, value: 6.5 }, 2021),
    ).toBeNull();
  });
});
