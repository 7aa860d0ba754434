import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity-parser.ts';

describe('parseQuantity', () => {
  it.each([
    ['6.5', 'eq', 6.5, 6.5, 6.5],
    ['100', 'eq', 100, 100, 100],
    ['3937', 'eq', 3937, 3937, 3937],
    ['7左右', 'about', 7, null, null],
    ['6.5%左右', 'about', 6.5, null, null],
    ['5以上', 'gte', 5, 5, null],
    ['90以上', 'gte', 90, 90, null],
    ['不少于25', 'gte', 25, 25, null],
    ['突破5000', 'gt', 5000, 5000, null],
    ['>3', 'gt', 3, 3, null],
    ['<5.5', 'lt', 5.5, null, 5.5],
    ['2以内', 'lte', 2, null, 2],
    ['30-32', 'range', 31, 30, 32],
    ['30～32', 'range', 31, 30, 32],
    ['1万件以上', 'gte', 1, 1, null],
    ['７左右', 'about', 7, null, null],
  ] as const)('%s', (raw, comparator, value, low, high) => {
    expect(parseQuantity(raw)).toEqual({ raw, value, comparator, low, high });
  });

  it.each(['—', '-', '——', ''])('none: %j', (raw) => {
    expect(parseQuantity(raw)).toMatchObject({ comparator: 'none', value: null });
  });

  it.each(['完成市下达任务', '完成市下达目标', '与GDP增长同步', '高于GDP增幅', '人普结果尚未发布', '完成'])(
    'text: %s',
    (raw) => {
      const q = parseQuantity(raw);
      expect(q.comparator).toBe('text');
      expect(q.value).toBeNull();
      expect(q.raw).toBe(raw);
    },
  );

  it('keeps raw verbatim', () => {
    expect(parseQuantity(' 7左右 ').raw).toBe('7左右');
  });
});
