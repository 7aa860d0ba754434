import { afterEach, describe, expect, it } from 'vitest';
import { localDate, localTime, setTimeZone, timeZoneNow } from './format.ts';
import { loadTimeZone } from './installation.ts';

// Issue 17, bug 8: the workspace showed API times sliced from the ISO string — UTC, without saying so.
describe('times as the planning office reads them', () => {
  it('shows the Asia/Shanghai wall clock and says so', () => {
    expect(localTime('2026-12-01T17:30:00.000Z')).toBe('2026-12-02 01:30（北京时间）');
    expect(localTime('2026-12-01T17:30:00.000Z', 'en')).toBe('2026-12-02 01:30 CST');
    expect(localTime(null)).toBe('—');
  });

  it('gives the local day', () => {
    expect(localDate('2026-12-01T20:00:00Z')).toBe('2026-12-02');
    expect(localDate('2026-12-01')).toBe('2026-12-01');
    expect(localDate('')).toBe('—');
  });
});

// Issue 17, bug 8 leftover: the web always showed Asia/Shanghai whatever LANTU_TIME_ZONE said.
describe('times in the installation’s zone', () => {
  afterEach(() => setTimeZone(null));
  const health =
    (body: unknown, ok = true) =>
    () =>
      Promise.resolve(new Response(JSON.stringify(body), { status: ok ? 200 : 503 }));

  it('shows the configured zone’s wall clock and names the zone', async () => {
    await loadTimeZone(health({ status: 'ok', timeZone: 'America/New_York' }));
    expect(timeZoneNow()).toBe('America/New_York');
    expect(localTime('2026-12-01T17:30:00.000Z')).toBe('2026-12-01 12:30（America/New_York）');
    expect(localTime('2026-12-01T17:30:00.000Z', 'en')).toBe('2026-12-01 12:30 America/New_York');
    expect(localDate('2026-12-02T03:00:00Z')).toBe('2026-12-01');
  });

  it('stays on Asia/Shanghai when the server does not answer, answers late or names no real zone', async () => {
    await loadTimeZone(() => Promise.reject(new Error('offline')));
    expect(timeZoneNow()).toBe('Asia/Shanghai');
    await loadTimeZone(health({ timeZone: 'Europe/Berlin' }, false));
    expect(timeZoneNow()).toBe('Asia/Shanghai');
    await loadTimeZone(health({ timeZone: 'Mars/Olympus' }));
    expect(timeZoneNow()).toBe('Asia/Shanghai');
    await loadTimeZone(() => new Promise<Response>(() => undefined), 10);
    expect(timeZoneNow()).toBe('Asia/Shanghai');
    expect(localTime('2026-12-01T17:30:00.000Z')).toBe('2026-12-02 01:30（北京时间）');
  });
});
