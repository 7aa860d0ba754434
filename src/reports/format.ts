/** Number formatting shared by the report builder and writers. */

/** At most `digits` decimals, trailing zeros dropped; "—" for null. */
export function num(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A share 0..1 as a percentage with `digits` decimals: 0.6 → "60%". */
export function pct(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return `${num(x * 100, digits)}%`;
}

/** A value with its unit for sentences: 3.5人, 6.5%, 920亿美元 (zh) / 920 亿美元 (en). */
export function withUnit(
  x: number | null | undefined,
  unit: string | null,
  lang: 'zh' | 'en',
  digits = 2,
): string {
  const n = num(x, digits);
  if (n === '—' || unit === null || unit === '') return n;
  if (unit === '%' || lang === 'zh') return `${n}${unit}`;
  return `${n} ${unit}`;
}

/** Chinese numbering of sections: 1 → 一, 12 → 十二. */
export function zhNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : (d[n % 10] ?? '')}`;
  if (n < 100) return `${d[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (d[n % 10] ?? '')}`;
  return String(n);
}

/** "2024-03-01" → "2024年3月1日" (zh) or "1 March 2024" (en). */
export function longDate(iso: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m === null) return iso;
  const [, y = '', mo = '', d = ''] = m;
  if (lang === 'zh') return `${y}年${Number(mo)}月${Number(d)}日`;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${Number(d)} ${months[Number(mo) - 1] ?? mo} ${y}`;
}
