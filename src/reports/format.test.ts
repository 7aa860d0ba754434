import { describe, expect, it } from 'vitest';
import { longDate, num, pct, withUnit, zhNumeral } from './format.ts';

describe('report formatting', () => {
  it('numbers, shares and units', () => {
    expect(num(5.2399)).toBe('5.24');
    expect(num(-0.001)).toBe('0');
    expect(num(null)).toBe('—');
    expect(pct(0.6)).toBe('60%');
    expect(pct(0.0512, 1)).toBe('5.1%');
    expect(withUnit(3.5, '人', 'zh')).toBe('3.5人');
    expect(withUnit(920, '亿美元', 'en')).toBe('920 亿美元');
    expect(withUnit(6.5, '%', 'en')).toBe('6.5%');
  });

  it('Chinese section numbers and dates', () => {
    expect([1, 6, 10, 11, 20, 26].map(zhNumeral)).toEqual(['一', '六', '十', '十一', '二十', '二十六']);
    expect(longDate('2024-03-01T08:00:00Z', 'zh')).toBe('2024年3月1日');
    expect(longDate('2024-03-01', 'en')).toBe('1 March 2024');
  });
});
