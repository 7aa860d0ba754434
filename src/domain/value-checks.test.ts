import { describe, expect, it } from 'vitest';
import { checkValue } from './value-checks.ts';

describe('checkValue', () => {
  it('refuses a share outside 0–100 and a negative count', () => {
    expect(checkValue({ value: 120, unit: '%', kind: 'share', history: [] }).errors[0]?.en).toContain(
      'between 0 and 100',
    );
    expect(checkValue({ value: -1, unit: '家', kind: 'level', history: [] }).errors).toHaveLength(1);
    expect(checkValue({ value: 55, unit: '%', kind: 'share', history: [] }).errors).toEqual([]);
  });

  it('warns about a value far outside the historical band', () => {
    const r = checkValue({ value: 300, unit: '家', kind: 'level', history: [100, 102, 98, 101] });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.en).join(' ')).toContain('outside the historical mean');
  });

  it('warns about a jump from the last value but not about ordinary growth', () => {
    expect(checkValue({ value: 2000, unit: '家', kind: 'level', history: [1000] }).warnings).toHaveLength(1);
    expect(checkValue({ value: 1100, unit: '家', kind: 'level', history: [1000] }).warnings).toEqual([]);
  });
});
