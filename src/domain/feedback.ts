export const FEEDBACK_TARGETS = ['node', 'indicator', 'project'] as const;
export type FeedbackTarget = (typeof FEEDBACK_TARGETS)[number];

export const FEEDBACK_STATUSES = ['pending', 'published', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_LIMITS = { body: 2000, name: 50, contact: 100 } as const;
export const DEFAULT_REPLY_WORKING_DAYS = 15;

/**
 * Personal numbers are masked before a comment is published: mainland mobile numbers (138****5678) and
 * resident ID-card numbers (320502********1234). Contact details are never published at all.
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(/(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g, '$1********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2')
    .replace(/(?<!\d)(0\d{2,3}-?)\d{4}(\d{3,4})(?!\d)/g, '$1****$2');
}

/** The moment `days` working days (Monday–Friday) after `from` have passed. Public holidays are not modelled. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) left -= 1;
  }
  return d;
}

/** Median of reply delays in hours; null when there are none. */
export function medianHours(delaysMs: readonly number[]): number | null {
  if (delaysMs.length === 0) return null;
  const s = [...delaysMs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const ms = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Math.round((ms / 3_600_000) * 10) / 10;
}
