import { createHash } from 'node:crypto';
import type { TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Queryable } from '../../db/db.types.ts';
import { localDay } from '../../domain/time.ts';
import { timeZone } from '../time-zone.ts';
import { DataVersion } from './data-version.ts';

export interface CachedBody {
  etag: string;
  body: string;
  contentType: string;
}

/**
 * Answers built once per data version and then served from memory, so a repeated read is a lookup: the
 * public API and portal, and the workspace's plan tree, indicator list and live evaluation. The version also
 * holds the calendar year in the office's zone: the year the portal judges by default (evaluationYear) turns
 * over at New Year without any data changing.
 */
export class ResponseCache {
  readonly version: DataVersion;
  private readonly entries = new Map<string, CachedBody & { version: string }>();
  private year = { value: '', from: 0, until: 0 };

  constructor(db: Queryable) {
    this.version = new DataVersion(db);
  }

  /** The year now in the zone, read again at most once a minute (no Intl formatting per request). */
  private yearNow(): string {
    const now = Date.now();
    if (now < this.year.from || now >= this.year.until)
      this.year = { value: localDay(new Date(now), timeZone()).slice(0, 4), from: now, until: now + 60_000 };
    return this.year.value;
  }

  /** The data version if this node knows it to be current right now (no I/O); null when it must ask. */
  freshVersion(): string | null {
    const v = this.version.fresh();
    return v === null ? null : `${v}@${this.yearNow()}`;
  }

  async get(key: string, build: () => Promise<{ body: string; contentType: string }>): Promise<CachedBody> {
    const version = `${await this.version.current()}@${this.yearNow()}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit;
    const built = await build();
    const etag = `"${createHash('sha1').update(built.body).digest('base64url').slice(0, 20)}"`;
    const entry = { ...built, etag, version };
    if (this.entries.size > 2000) this.entries.clear();
    this.entries.set(key, entry);
    return entry;
  }
}

const caches = new WeakMap<object, ResponseCache>();

/** One cache per database handle (one per app instance). */
export function responseCacheFor(db: Queryable): ResponseCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ResponseCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * A JSON answer served from a cached body. Its type is that of the value the body serialises, as `c.json(value)`
 * would give, so the route's response schema checks what the builder returns.
 */
export type JsonAnswer<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

/** The cached body as an answer of type T: the body is JSON.stringify of a T, so the brand is true. */
export function jsonAnswer<T>(body: string, headers: Record<string, string>): JsonAnswer<T> {
  return new Response(body, { status: 200, headers }) as JsonAnswer<T>;
}

/**
 * A JSON answer built once per data version: repeated reads of plans, indicators and evaluations are then
 * lookups, not queries.
 */
export async function cachedJson<T>(
  db: Queryable,
  key: string,
  build: () => Promise<T>,
): Promise<JsonAnswer<T>> {
  const entry = await responseCacheFor(db).get(key, async () => ({
    body: JSON.stringify(await build()),
    contentType: 'application/json; charset=utf-8',
  }));
  return jsonAnswer<T>(entry.body, { 'content-type': entry.contentType, etag: entry.etag });
}
