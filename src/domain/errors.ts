import type { Bilingual } from './evaluation/types.ts';

/**
 * Every failure a user can meet, defined once with a stable code.
 * The edges (HTTP, CLI) map codes to status and exit codes; nothing else should.
 */
export const ERROR_CODES = {
  bad_request: { http: 400, exit: 2 },
  validation_failed: { http: 422, exit: 2 },
  unauthenticated: { http: 401, exit: 3 },
  forbidden: { http: 403, exit: 3 },
  not_found: { http: 404, exit: 4 },
  conflict: { http: 409, exit: 5 },
  payload_too_large: { http: 413, exit: 2 },
  unsupported_input: { http: 415, exit: 2 },
  not_a_plan: { http: 422, exit: 2 },
  rate_limited: { http: 429, exit: 6 },
  db_unavailable: { http: 503, exit: 7 },
  /** A service lantu depends on other than its database (the identity service) cannot be reached. */
  service_unavailable: { http: 503, exit: 7 },
  config_invalid: { http: 500, exit: 78 },
  internal: { http: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

// A message a person reads is a Bilingual, so each edge can show the one its reader uses.
export type { Bilingual };

/**
 * The one-string form of a bilingual message, "English 中文": what `message` has always held, for API
 * clients and logs that read one field. Screens and the CLI read the halves, never split this string.
 */
export function joinBilingual(m: Bilingual | readonly Bilingual[]): string {
  if (isBilingualList(m)) return m.map((x) => joinBilingual(x)).join('; ');
  return m.zh === m.en ? m.en : `${m.en} ${m.zh}`;
}

/** Several messages as one, each language joined in its own way. */
export function bilingualList(list: readonly Bilingual[]): Bilingual {
  return { zh: list.map((m) => m.zh).join('；'), en: list.map((m) => m.en).join('; ') };
}

/** A message as an API row carries it: the one string (`message`) and each language (`messages`). */
export function messagePair(m: Bilingual | readonly Bilingual[]): { message: string; messages: Bilingual } {
  return { message: joinBilingual(m), messages: isBilingualList(m) ? bilingualList(m) : m };
}

function isBilingualList(m: Bilingual | readonly Bilingual[]): m is readonly Bilingual[] {
  return Array.isArray(m);
}

export class LantuError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Both languages when the message was written in both; null for a message in one language only. */
  readonly messages: Bilingual | null;

  /** A list of messages (several checks failed at once) keeps its "en zh; en zh" one-string form. */
  constructor(code: ErrorCode, message: string | Bilingual | readonly Bilingual[], details?: unknown) {
    super(typeof message === 'string' ? message : joinBilingual(message));
    this.name = 'LantuError';
    this.code = code;
    this.details = details;
    if (typeof message === 'string') this.messages = null;
    else if (isBilingualList(message)) this.messages = bilingualList(message);
    else this.messages = { zh: message.zh, en: message.en };
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

export function isLantuError(e: unknown): e is LantuError {
  return e instanceof LantuError;
}

/** A discriminated result for expected failures; throw only for the unexpected. */
export type Result<T, E = LantuError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
