import { DEFAULT_TIME_ZONE, localDateTime, localDay, zoneLabel } from '../../domain/time.ts';

/** Number display: at most 2 decimals, thousands separators, em dash for missing. */
export function fmt(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

export function pct(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(0)}%`;
}

export function withUnit(n: number | null | undefined, unit: string | null | undefined): string {
  const s = fmt(n);
  return s === '—' || !unit ? s : `${s} ${unit}`;
}

/**
 * A time from the API (ISO, UTC) as the planning office reads it: the wall clock in Asia/Shanghai, said so
 * (Beijing time). Slicing the ISO string showed UTC, eight hours off, without saying so.
 */
export function localTime(iso: string | null | undefined, lang: string = 'zh-CN'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${localDateTime(d, DEFAULT_TIME_ZONE)}${lang === 'en' ? ' CST' : `（${zoneLabel(DEFAULT_TIME_ZONE).zh}）`}`;
}

/** The day of an API time in Asia/Shanghai (a comment at 20:00 UTC on the 1st was written on the 2nd). */
export function localDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : localDay(d, DEFAULT_TIME_ZONE);
}
