import { describe, expect, it } from 'vitest';
import { checkText, checkValue } from './value-checks.ts';

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

describe('checkText', () => {
  it('refuses a text in place of a number unless it is a status', () => {
    expect(checkText('level', '约12')[0]?.zh).toContain('约12');
    expect(checkText('level', '12左右')).toHaveLength(1);
    expect(checkText('level', '已完成')).toEqual([]);
    expect(checkText('share', '未达到目标')).toEqual([]);
    expect(checkText('level', '数据暂缺')).toEqual([]);
    expect(checkText('cagr', '统计局尚未发布')).toEqual([]);
    expect(checkText('assigned', '约12')).toEqual([]);
    expect(checkText('relational', '与经济增长同步')).toEqual([]);
  });
});
