import { toHalfWidth } from './quantity-parser.ts';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parses a numeral as plans print them: "17", "十七", "二十四", "一百零五", and digit-by-digit years
 * such as "二〇三五". Returns null for anything else.
 */
export function parseNumeral(raw: string): number | null {
  const s = toHalfWidth(raw.trim());
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (![...s].every((c) => c in DIGITS || c in UNITS)) return null;
  // Digit-by-digit form (二〇三五): no unit characters.
  if (![...s].some((c) => c in UNITS)) {
    let n = 0;
    for (const c of s) n = n * 10 + (DIGITS[c] ?? 0);
    return n;
  }
  let total = 0;
  let current = 0;
  for (const c of s) {
    const d = DIGITS[c];
    if (d !== undefined) {
      current = d;
      continue;
    }
    const unit = UNITS[c] ?? 1;
    total += (current === 0 ? 1 : current) * unit;
    current = 0;
  }
  return total + current;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 3 → 三, 17 → 十七, 24 → 二十四, 105 → 一百零五 (as plans number their headings). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h > 0 ? `${CN_DIGITS[h]}百` : '';
  if (t > 0) s += `${h === 0 && t === 1 ? '' : CN_DIGITS[t]}十`;
  else if (h > 0 && u > 0) s += '零';
  if (u > 0) s += CN_DIGITS[u];
  return s;
}
