import { DEFAULT_TIME_ZONE, localDateTime, localDay, validTimeZone, zoneLabel } from '../../domain/time.ts';

/** The UTC day (YYYY-MM-DD) of a date, as the API's day fields take it, and the day n days after a day. */
export { addDays, isoDay } from '../../domain/reporting-calendar.ts';

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

let zone = DEFAULT_TIME_ZONE;

/** The installation's zone (GET /api/health, from LANTU_TIME_ZONE), set once before the app renders. */
export function setTimeZone(name: string | null | undefined): void {
  zone = (name && validTimeZone(name)) || DEFAULT_TIME_ZONE;
}

/** The zone the web shows times in: the installation's, Asia/Shanghai until told otherwise. */
export function timeZoneNow(): string {
  return zone;
}

/**
 * A time from the API (ISO, UTC) as the planning office reads it: the wall clock in the installation's zone,
 * said so (北京时间 / CST for Asia/Shanghai, else the zone's name). Slicing the ISO string showed UTC.
 */
export function localTime(iso: string | null | undefined, lang: string = 'zh-CN'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const label =
    lang === 'en' ? (zone === DEFAULT_TIME_ZONE ? ' CST' : ` ${zone}`) : `（${zoneLabel(zone).zh}）`;
  return `${localDateTime(d, zone)}${label}`;
}

/** The day of an API time in the installation's zone (a comment at 20:00 UTC on the 1st was written on the 2nd in Beijing). */
export function localDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : localDay(d, zone);
}
