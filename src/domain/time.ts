/**
 * Wall-clock time for people: planning offices read times in their own zone, not UTC. The zone is
 * Asia/Shanghai unless LANTU_TIME_ZONE names another (read at the edges, passed in here).
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function parts(d: Date, timeZone: string): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

/** 2026-12-01 in the zone. */
export function localDay(d: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2026-12-01 15:04 in the zone. */
export function localDateTime(d: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** What to write after a time so nobody mistakes it for UTC: 北京时间 for Asia/Shanghai, else the zone's name. */
export function zoneLabel(timeZone = DEFAULT_TIME_ZONE): { zh: string; en: string } {
  return timeZone === DEFAULT_TIME_ZONE
    ? { zh: '北京时间', en: 'China Standard Time' }
    : { zh: timeZone, en: timeZone };
}

/** A zone name Intl knows, else null. */
export function validTimeZone(name: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

/**
 * The instant a day (YYYY-MM-DD) begins in the zone: 2026-12-01 in Asia/Shanghai begins at 2026-11-30T16:00Z.
 * Offsets are read from Intl at that instant (corrected once, for days a zone changes its clocks).
 */
export function zoneDayStart(day: string, timeZone = DEFAULT_TIME_ZONE): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (instant: number) => {
    const p = parts(new Date(instant), timeZone);
    const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
    return asUtc - Math.floor(instant / 60_000) * 60_000;
  };
  let start = utcMidnight - offsetAt(utcMidnight);
  start = utcMidnight - offsetAt(start);
  return new Date(start);
}
