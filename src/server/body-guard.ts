import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LantuError } from '../domain/errors.ts';
import { illFormedTextPath } from '../domain/unicode-text.ts';
import type { AppEnv } from './app-env.ts';

/** Every request body that is not a file upload — JSON, forms, anything else — is at most this big. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * File uploads (xlsx, evidence, outlines) are the only bodies allowed past the limit; each of those routes sets
 * its own cap with `bodyLimit`, and only those routes read such bodies (the portal form takes url-encoded only).
 */
const UPLOAD_TYPE = /^(multipart\/form-data|application\/octet-stream)\b/i;

const limit = bodyLimit({
  maxSize: JSON_BODY_LIMIT,
  onError: () => {
    throw new LantuError('payload_too_large', {
      zh: `请求体过大`,
      en: `A request body may be at most ${JSON_BODY_LIMIT / 1024 / 1024} MB`,
    });
  },
});

/**
 * The one size limit for every JSON (and form) body: refused with 413 from Content-Length before a byte is
 * read, or as soon as a chunked body passes the limit. JSON is then checked for lone surrogates, which no text
 * field may hold (they cannot be stored or written as UTF-8): 422 naming the field.
 */
export const bodyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.raw.body === null || UPLOAD_TYPE.test(c.req.header('content-type') ?? '')) return next();
  return limit(c, async () => {
    if (/^application\/([a-z0-9.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      const parsed = await c.req.json<unknown>().catch(() => undefined); // malformed JSON: the route's validator says so
      const at = parsed === undefined ? null : illFormedTextPath(parsed);
      if (at) {
        throw new LantuError('validation_failed', {
          zh: `文本含无效字符`,
          en: `${at}: the text contains an unpaired surrogate (not valid Unicode)`,
        });
      }
    }
    await next();
  });
};
