import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  dueDate,
  isoDay,
  parseDay,
  periodsOfYear,
  periodsToReport,
  planCollects,
} from './reporting-calendar.ts';

describe('reporting calendar', () => {
  it('lists the periods of a year per frequency', () => {
    expect(periodsOfYear('annual', 2024)).toEqual(['2024']);
    expect(periodsOfYear('quarterly', 2024)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    expect(periodsOfYear('monthly', 2024)).toHaveLength(12);
    expect(periodsOfYear('monthly', 2024)[1]).toBe('2024-02');
  });

  it('puts the due date due_days after the period ends', () => {
    expect(isoDay(dueDate('2024', 90)!)).toBe('2025-03-31');
    expect(isoDay(dueDate('2024Q1', 30)!)).toBe('2024-04-30');
    expect(isoDay(dueDate('2024-02', 0)!)).toBe('2024-02-29');
    expect(dueDate('2024H1', 0)).toBeNull();
  });

  it('falls on the same date in a leap year (issue 17, bug 8: 30 March in 2024)', () => {
    expect(isoDay(dueDate('2023', 90)!)).toBe('2024-03-31');
    expect(isoDay(dueDate('2027', 90)!)).toBe('2028-03-31');
    expect(isoDay(dueDate('2024-01', 30)!)).toBe('2024-03-02');
    expect(isoDay(dueDate('2023-01', 30)!)).toBe('2023-03-02');
    expect(isoDay(dueDate('2024-02', 0)!)).toBe('2024-02-29');
    expect(isoDay(dueDate('2024Q4', 365)!)).toBe('2025-12-31');
  });

  it('parses days strictly', () => {
    expect(parseDay('2024-02-29')).not.toBeNull();
    expect(parseDay('2023-02-29')).toBeNull();
    expect(parseDay('2024-2-1')).toBeNull();
  });

  it('lists past and soon-due periods of the plan years up to the current one', () => {
    const ind = { frequency: 'annual' as const, dueDays: 90, planStart: 2021, planEnd: 2025 };
    const got = periodsToReport(ind, parseDay('2023-02-15')!);
    // 2021 due 2022-03-31 (overdue), 2022 due 2023-03-31 (within 60 days), 2023 due 2024-03-31 (too far)
    expect(got.map((p) => [p.period, isoDay(p.due), p.overdue])).toEqual([
      ['2021', '2022-03-31', true],
      ['2022', '2023-03-31', false],
    ]);
    // never beyond the plan's last year
    expect(periodsToReport(ind, parseDay('2030-06-01')!).map((p) => p.period)).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });

  it('due today is not overdue yet', () => {
    const ind = { frequency: 'quarterly' as const, dueDays: 0, planStart: 2024, planEnd: 2025 };
    const got = periodsToReport(ind, parseDay('2024-03-31')!, 0);
    expect(got).toEqual([{ period: '2024Q1', due: parseDay('2024-03-31'), overdue: false }]);
  });

  it('orders overdue first, then by due date', () => {
    const items = [
      { overdue: false, due: '2024-01-01', code: 'A', period: '2023' },
      { overdue: true, due: '2023-06-01', code: 'B', period: '2022' },
      { overdue: true, due: '2022-06-01', code: 'C', period: '2021' },
    ];
    expect([...items].sort(byUrgency).map((i) => i.code)).toEqual(['C', 'B', 'A']);
  });

  it('stops collecting a year after the plan ends', () => {
    expect(planCollects(2025, parseDay('2026-05-01')!)).toBe(true);
    expect(planCollects(2020, parseDay('2026-05-01')!)).toBe(false);
  });
});
