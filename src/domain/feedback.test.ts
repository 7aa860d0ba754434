import { describe, expect, it } from 'vitest';
import { addWorkingDays, maskPersonalNumbers, medianHours } from './feedback.ts';

describe('maskPersonalNumbers', () => {
  it('masks mobile numbers, ID-card numbers and landlines, leaving other numbers alone', () => {
    expect(maskPersonalNumbers('请联系13812345678')).toBe('请联系138****5678');
    expect(maskPersonalNumbers('身份证32050219800101123X')).toBe('身份证320502********123X');
    expect(maskPersonalNumbers('电话0512-66681234')).toBe('电话0512-****1234');
    expect(maskPersonalNumbers('2025年GDP达4000亿元')).toBe('2025年GDP达4000亿元');
  });

  it('masks the spellings people actually type: dashes, spaces, full-width digits, grouped ID numbers', () => {
    expect(maskPersonalNumbers('电话138-1234-5678')).toBe('电话138-****-5678');
    expect(maskPersonalNumbers('电话138 1234 5678。')).toBe('电话138 **** 5678。');
    expect(maskPersonalNumbers('+86 138 1234 5678')).toBe('+86 138 **** 5678');
    expect(maskPersonalNumbers('手机１３８１２３４５６７８')).toBe('手机１３８****５６７８');
    expect(maskPersonalNumbers('手机１３８－１２３４－５６７８')).toBe('手机１３８－****－５６７８');
    expect(maskPersonalNumbers('身份证110101 19900307 1234')).toBe('身份证110101 ******** 1234');
    expect(maskPersonalNumbers('身份证110101-1990-0307-123x')).toBe('身份证110101-****-****-123x');
    expect(maskPersonalNumbers('身份证１１０１０１１９９００３０７１２３Ｘ')).toBe(
      '身份证１１０１０１********１２３Ｘ',
    );
    expect(maskPersonalNumbers('两个号码13812345678 13912345678')).toBe('两个号码138****5678 139****5678');
    expect(maskPersonalNumbers('固话010 6512 3456，0512-6668 1234')).toBe(
      '固话010 **** 3456，0512-**** 1234',
    );
  });

  it('leaves amounts, years, dates and codes alone', () => {
    for (const text of [
      '2021-2025年投资1234亿元',
      '完成率12.5%，同比增长3.8个百分点',
      '2023.12.31前完成',
      '项目编号 2023-0001',
      '人口 115.2 万人',
      'GDP 3 515.6 亿元',
    ])
      expect(maskPersonalNumbers(text), text).toBe(text);
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
