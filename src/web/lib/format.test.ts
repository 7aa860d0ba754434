import { describe, expect, it } from 'vitest';
import { localDate, localTime } from './format.ts';

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
