import { describe, expect, it } from 'vitest';
import { parseNumeral } from './numerals.ts';
import { toHalfWidth } from './quantity-parser.ts';

describe('parseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十七', 17],
    ['二十', 20],
    ['二十四', 24],
    ['一百零五', 105],
    ['17', 17],
    ['１７', 17],
    ['二〇三五', 2035],
    ['十四', 14],
  ])('%s → %d', (raw, n) => {
    expect(parseNumeral(raw)).toBe(n);
  });
  it('refuses non-numerals', () => {
    expect(parseNumeral('')).toBeNull();
    expect(parseNumeral('十x')).toBeNull();
  });
  it('converts full-width digits', () => {
    expect(toHalfWidth('２０２５年％')).toBe('2025年%');
  });
});
