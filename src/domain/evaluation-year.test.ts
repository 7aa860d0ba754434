import { describe, expect, it } from 'vitest';
import { evaluationYear } from './evaluation-year.ts';

const P14 = { periodStart: 2021, periodEnd: 2025 };
const P15 = { periodStart: 2026, periodEnd: 2030 };

describe('evaluationYear', () => {
  it('is the last full year within the plan', () => {
    expect(evaluationYear(P15, new Date('2028-06-30T04:00:00Z'))).toBe(2027);
    expect(evaluationYear(P14, new Date('2023-03-01T00:00:00Z'))).toBe(2022);
  });

  it('after the plan ends, its final year; before it starts, its first', () => {
    expect(evaluationYear(P14, new Date('2026-12-02T01:00:00Z'))).toBe(2025);
    expect(evaluationYear(P14, new Date('2031-01-01T00:00:00Z'))).toBe(2025);
    expect(evaluationYear(P15, new Date('2026-05-01T00:00:00Z'))).toBe(2026);
  });

  it('turns over at midnight in the office’s zone, not in UTC', () => {
    const newYearInBeijing = new Date('2027-12-31T16:30:00Z'); // 2028-01-01 00:30 Beijing
    expect(evaluationYear(P15, newYearInBeijing)).toBe(2027);
    expect(evaluationYear(P15, newYearInBeijing, 'UTC')).toBe(2026);
    expect(evaluationYear(P15, new Date('2028-01-01T04:00:00Z'), 'America/Los_Angeles')).toBe(2026);
  });
});
