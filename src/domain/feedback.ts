export const FEEDBACK_TARGETS = ['node', 'indicator', 'project'] as const;
export type FeedbackTarget = (typeof FEEDBACK_TARGETS)[number];

export const FEEDBACK_STATUSES = ['pending', 'published', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** A department's answer to a comment: the official reply (one) or a follow-up after it (进一步答复). */
export const FEEDBACK_REPLY_KINDS = ['reply', 'follow_up'] as const;
export type FeedbackReplyKind = (typeof FEEDBACK_REPLY_KINDS)[number];

export const FEEDBACK_LIMITS = { body: 2000, name: 50, contact: 100 } as const;
export const DEFAULT_REPLY_WORKING_DAYS = 15;

/** A digit as people type it: ASCII or full-width (０-９, common with Chinese input methods). */
const D = '[0-9\uFF10-\uFF19]';
/** What people put between digit groups: spaces (also ideographic and no-break), hyphens and dashes, dots. */
const S = '[ \u00A0\u3000\\-\u2010-\u2015\uFF0D.]';
const digits = (n: number) => `${D}(?:${S}?${D}){${n - 1}}`;
const alone = (body: string) => new RegExp(`(?<!${D})${body}(?!${D})`, 'g');

/** Resident ID card: 17 digits and a check digit or X, in any grouping (110101 19900307 1234). */
const ID_CARD = alone(`${digits(17)}${S}?[0-9\uFF10-\uFF19Xx\uFF38\uFF58]`);
/** Mainland mobile: 1[3-9] and 9 more digits (138-1234-5678, 138 1234 5678, １３８１２３４５６７８). */
const MOBILE = alone(`[1\uFF11][3-9\uFF13-\uFF19]${S}?${digits(9)}`);
/** Landline with area code: 0512-6668 1234, 010 12345678. */
const LANDLINE = alone(`[0\uFF10]${D}{2,3}${S}?${digits(7)}${D}?`);

/** Replaces the digits from index `from` (counting digits only, separators kept) for `count` digits by `*`. */
function starDigits(match: string, from: number, count: number): string {
  let k = -1;
  return match.replace(/[0-9\uFF10-\uFF19]/g, (d) => {
    k += 1;
    return k >= from && k < from + count ? '*' : d;
  });
}

/**
 * Personal numbers are masked before a comment is shown to anyone but a moderator: resident ID-card numbers
 * (320502********1234), mainland mobiles (138****5678) and landlines (0512-****1234), however they are spaced,
 * dashed or typed (full-width digits). Contact details are never published at all.
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_CARD, (m) => starDigits(m, 6, 8))
    .replace(MOBILE, (m) => starDigits(m, 3, 4))
    .replace(LANDLINE, (m) => {
      const area = /^[0\uFF10][12\uFF11\uFF12]/.test(m) ? 3 : 4;
      return starDigits(m, area, 4);
    });
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
