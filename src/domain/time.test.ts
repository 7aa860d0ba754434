import { describe, expect, it } from 'vitest';
import { localDateTime, localDay, validTimeZone, zoneDayStart, zoneLabel } from './time.ts';

describe('local time', () => {
  it('shows a UTC instant in Asia/Shanghai (UTC+8), crossing midnight', () => {
    const d = new Date('2026-12-01T17:30:00Z');
    expect(localDay(d)).toBe('2026-12-02');
    expect(localDateTime(d)).toBe('2026-12-02 01:30');
    expect(localDateTime(d, 'Europe/Berlin')).toBe('2026-12-01 18:30');
  });

  it('names the zone, and knows a zone from a typo', () => {
    expect(zoneLabel().zh).toBe('北京时间');
    expect(validTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(validTimeZone('Asia/Shanghia')).toBeNull();
  });
});

describe('zoneDayStart', () => {
  it('is the UTC instant the day begins in the zone', () => {
    expect(zoneDayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(zoneDayStart('2026-12-01', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // New York: EST in winter, EDT after the March change
    expect(zoneDayStart('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(zoneDayStart('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });
});
