import { describe, expect, it } from 'vitest';
import { dueLight, workingDaysUntil } from './due-light.ts';

// 2026-03-02 is a Monday.
const at = (iso: string) => new Date(`${iso}T09:00:00Z`);

describe('workingDaysUntil', () => {
  it('counts Monday to Friday only, zero on the day, negative once past', () => {
    expect(workingDaysUntil(at('2026-03-02'), at('2026-03-06'))).toBe(4);
    expect(workingDaysUntil(at('2026-03-06'), at('2026-03-09'))).toBe(1); // Friday → Monday
    expect(workingDaysUntil(at('2026-03-02'), at('2026-03-02'))).toBe(0);
    expect(workingDaysUntil(at('2026-03-09'), at('2026-03-06'))).toBe(-1);
    expect(workingDaysUntil(at('2026-03-02'), at('2026-03-16'))).toBe(10);
  });
});

describe('dueLight', () => {
  it('is red past the deadline, yellow within 3 working days, green before, done when handled', () => {
    const due = at('2026-03-06'); // Friday
    expect(dueLight(due, false, at('2026-03-02'))).toBe('green'); // 4 working days
    expect(dueLight(due, false, at('2026-03-03'))).toBe('yellow'); // 3
    expect(dueLight(due, false, new Date('2026-03-06T10:00:00Z'))).toBe('red');
    expect(dueLight(due, true, new Date('2026-03-09T10:00:00Z'))).toBe('done');
    expect(dueLight(null, false, at('2026-03-02'))).toBe('green');
  });
});
