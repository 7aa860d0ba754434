/** How the public API answers from the response cache: ETag, shared caching, 304 on If-None-Match. */
import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { jsonAnswer, responseCacheFor, type JsonAnswer } from '../../cache/response-cache.ts';

/** A 304 as the routes declare it (no content). */
export type NotModified = Response & TypedResponse<Record<never, never>, 304, string>;

export const notModified = { description: 'Not modified since the ETag sent in If-None-Match' };

const JSON_TYPE = 'application/json; charset=utf-8';

function headersOf(entry: { etag: string; contentType: string }, download?: string): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: entry.etag,
    'Cache-Control': 'public, max-age=30, stale-while-revalidate=60',
    'Content-Type': entry.contentType,
  };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download}"`;
  return headers;
}

/** Serves a body built once per data version (CSV, Atom) with its ETag; answers If-None-Match with 304. */
export async function cachedBody(
  c: Context<AppEnv>,
  key: string,
  build: () => Promise<string>,
  contentType: string,
  download?: string,
): Promise<Response> {
  const entry = await responseCacheFor(c.var.deps.db).get(key, async () => ({
    body: await build(),
    contentType,
  }));
  const headers = headersOf(entry, download);
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  return c.body(entry.body, 200, headers);
}

/** Serves a JSON value built once per data version, typed as the value; answers If-None-Match with 304. */
export async function cachedValue<T>(
  c: Context<AppEnv>,
  key: string,
  build: () => Promise<T>,
): Promise<JsonAnswer<T> | NotModified> {
  const entry = await responseCacheFor(c.var.deps.db).get(key, async () => ({
    body: JSON.stringify(await build()),
    contentType: JSON_TYPE,
  }));
  const headers = headersOf(entry);
  if (c.req.header('if-none-match') === entry.etag)
    return new Response(null, { status: 304, headers }) as NotModified;
  return jsonAnswer<T>(entry.body, headers);
}
