import { describe, expect, it } from 'vitest';
import { addWorkingDays, maskPersonalNumbers, medianHours } from './feedback.ts';

describe('maskPersonalNumbers', () => {
  it('masks mobile numbers, ID-card numbers and landlines, leaving other numbers alone', () => {
    expect(maskPersonalNumbers('请联系13812345678')).toBe('请联系138****5678');
    expect(maskPersonalNumbers('身份证32050219800101123X')).toBe('身份证320502********123X');
    expect(maskPersonalNumbers('电话0512-66681234')).toBe('电话0512-****1234');
    expect(maskPersonalNumbers('2025年GDP达4000亿元')).toBe('2025年GDP达4000亿元');
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 + 1 working day = Monday 2026-11-30
    expect(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 1).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 15).toISOString().slice(0, 10)).toBe(
      '2026-12-18',
    );
  });
});

describe('medianHours', () => {
  it('takes the middle delay, or the mean of the two middle ones', () => {
    expect(medianHours([])).toBeNull();
    expect(medianHours([3_600_000, 7_200_000, 36_000_000])).toBe(2);
    expect(medianHours([3_600_000, 7_200_000])).toBe(1.5);
  });
});
