import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';
import { ERROR_CODES, isLantuError, LantuError, type ErrorCode } from '../domain/errors.ts';

/** The one shape every error response has. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string().openapi({ example: 'Plan 6f1c… not found' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** The single place where domain errors become HTTP responses. */
export function toErrorResponse(err: unknown, c: Context): Response {
  if (isLantuError(err)) {
    const status = ERROR_CODES[err.code].http as ContentfulStatusCode;
    if (err.code === 'db_unavailable') c.header('Retry-After', '5');
    return c.json(errorBody(err.code, err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 413 ? 'payload_too_large' : err.status === 403 ? 'forbidden' : 'bad_request';
    return c.json(errorBody(code, err.message || code), err.status);
  }
  if (isUnstorableText(err)) {
    // A NUL byte or a character the database encoding cannot hold, e.g. `?q=%00`: the client's input, not our fault.
    return c.json(
      errorBody('bad_request', 'The request contains characters that cannot be stored (such as NUL)'),
      400,
    );
  }
  if (looksLikeConnectionFailure(err)) {
    c.header('Retry-After', '5');
    return c.json(errorBody('db_unavailable', 'The database is unavailable; try again shortly'), 503);
  }
  return c.json(errorBody('internal', 'Internal error'), 500);
}

function isUnstorableText(err: unknown): boolean {
  return err instanceof Error && 'code' in err && ['22021', '22P05'].includes(String(err.code));
}

function looksLikeConnectionFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err ? String(err.code) : '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      '57P01',
      '57P02',
      '57P03',
      '53300',
      '08000',
      '08003',
      '08006',
      '08001',
    ].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|not queryable|timeout exceeded when trying to connect|Client was closed/.test(
      err.message,
    )
  );
}

/** zod validation failures from route definitions. */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const message = first ? `Invalid ${first.path || 'input'}: ${first.message}` : 'Invalid input';
  return c.json(errorBody('validation_failed', message, issues), 422);
}

export function notFound(what: string, id: string): LantuError {
  return new LantuError('not_found', `${what} ${id} not found`);
}
