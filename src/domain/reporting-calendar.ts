import type { Frequency } from './indicator.ts';
import { parsePeriod } from './observation-workflow.ts';

/** How far ahead the inbox looks for periods to fill. */
export const INBOX_HORIZON_DAYS = 60;

const DAY_MS = 86_400_000;

/** The periods of one year for a reporting frequency: 2024; 2024Q1…Q4; 2024-01…12. */
export function periodsOfYear(frequency: Frequency, year: number): string[] {
  switch (frequency) {
    case 'annual':
      return [String(year)];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
    case 'monthly':
      return Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  }
}

/**
 * A period's value is due `dueDays` after the period ends, counted on a 365-day calendar: 29 February is not
 * counted, so a deadline falls on the same date every year (90 days after 31 December is 31 March, in a leap
 * year too — counting it put the deadline a day early, on 30 March).
 */
export function dueDate(period: string, dueDays: number): Date | null {
  const p = parsePeriod(period);
  if (!p) return null;
  let due = p.end.getTime();
  for (let left = dueDays; left > 0;) {
    due += DAY_MS;
    const d = new Date(due);
    if (!(d.getUTCMonth() === 1 && d.getUTCDate() === 29)) left -= 1;
  }
  return new Date(due);
}

/** YYYY-MM-DD of a UTC date. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Parses YYYY-MM-DD strictly (no 2024-02-30). */
export function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDay(d) === s ? d : null;
}

/** The YYYY-MM-DD day `n` days after `day` (before it when `n` is negative). */
export const addDays = (day: string, n: number): string =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/** Days from `from` to `to` (YYYY-MM-DD, or longer ISO strings read by their day): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS,
  );
}

export interface CalendarIndicator {
  frequency: Frequency;
  dueDays: number;
  planStart: number;
  planEnd: number;
}

export interface DuePeriod {
  period: string;
  due: Date;
  overdue: boolean;
}

/**
 * The periods a department should report for an indicator as of a day: plan years from the first up to
 * the current one (never past the plan's end), whose due date has passed or falls within the horizon.
 * Which of them already have a value is the caller's business.
 */
export function periodsToReport(
  ind: CalendarIndicator,
  asOf: Date,
  horizonDays = INBOX_HORIZON_DAYS,
): DuePeriod[] {
  const today = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const limit = today + horizonDays * DAY_MS;
  const lastYear = Math.min(asOf.getUTCFullYear(), ind.planEnd);
  const out: DuePeriod[] = [];
  for (let year = ind.planStart; year <= lastYear; year++) {
    for (const period of periodsOfYear(ind.frequency, year)) {
      const due = dueDate(period, ind.dueDays);
      if (due && due.getTime() <= limit) out.push({ period, due, overdue: due.getTime() < today });
    }
  }
  return out;
}

/** Whether a plan still collects data on that day: running, or in the year after its last (final figures). */
export function planCollects(planEnd: number, asOf: Date): boolean {
  return planEnd >= asOf.getUTCFullYear() - 1;
}

/** Overdue first, then the earliest due, then by code and period. */
export function byUrgency<T extends { overdue: boolean; due: string; code: string; period: string }>(
  a: T,
  b: T,
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.due.localeCompare(b.due) || a.code.localeCompare(b.code) || a.period.localeCompare(b.period);
}
