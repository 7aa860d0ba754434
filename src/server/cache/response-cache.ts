import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.types.ts';
import { DataVersion } from './data-version.ts';

export interface CachedBody {
  etag: string;
  body: string;
  contentType: string;
}

/**
 * Answers built once per data version and then served from memory, so a repeated read is a lookup: the
 * public API and portal, and the workspace's plan tree, indicator list and live evaluation.
 */
export class ResponseCache {
  readonly version: DataVersion;
  private readonly entries = new Map<string, CachedBody & { version: string }>();

  constructor(db: Queryable) {
    this.version = new DataVersion(db);
  }

  /** The data version if this node knows it to be current right now (no I/O); null when it must ask. */
  freshVersion(): string | null {
    return this.version.fresh();
  }

  async get(key: string, build: () => Promise<{ body: string; contentType: string }>): Promise<CachedBody> {
    const version = await this.version.current();
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
 * A JSON answer built once per data version: repeated reads of plans, indicators and evaluations are then
 * lookups, not queries.
 */
export async function cachedJson(db: Queryable, key: string, build: () => Promise<unknown>): Promise<never> {
  const entry = await responseCacheFor(db).get(key, async () => ({
    body: JSON.stringify(await build()),
    contentType: 'application/json; charset=utf-8',
  }));
  // The body is the serialised value the route documents; typed never so a typed route handler accepts it.
  return new Response(entry.body, {
    status: 200,
    headers: { 'content-type': entry.contentType, etag: entry.etag },
  }) as never;
}
