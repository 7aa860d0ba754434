import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/db.types.ts';
import { settingsRepository } from '../../../db/repositories/settings.repository.ts';

const VERSION_KEY = 'public_data_version';
/** How long a node trusts its idea of the data version before asking the database again. */
export const REVALIDATE_MS = 1000;

export interface CachedBody {
  etag: string;
  body: string;
  contentType: string;
}

/**
 * Public responses are built once per data version and then served from memory, so a public read is a lookup.
 * The version lives in the database: every app node sees a change within REVALIDATE_MS, the node that made it at once.
 */
export class PublicCache {
  private version: string | null = null;
  private checkedAt = 0;
  private pending: Promise<string> | null = null;
  private seenChanges = -1;
  private readonly entries = new Map<string, CachedBody & { version: string }>();

  constructor(private readonly db: Queryable) {}

  /** The data version if this node knows it to be current right now (no I/O); null when it must ask. */
  freshVersion(): string | null {
    const fresh = Date.now() - this.checkedAt < REVALIDATE_MS && this.seenChanges === localChanges;
    return fresh ? this.version : null;
  }

  private async currentVersion(): Promise<string> {
    const fresh = Date.now() - this.checkedAt < REVALIDATE_MS && this.seenChanges === localChanges;
    if (this.version !== null && fresh) return this.version;
    this.seenChanges = localChanges;
    this.pending ??= settingsRepository
      .get(this.db, VERSION_KEY)
      .then((v) => {
        this.version = v ?? '0';
        this.checkedAt = Date.now();
        return this.version;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  async get(key: string, build: () => Promise<{ body: string; contentType: string }>): Promise<CachedBody> {
    const version = await this.currentVersion();
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

const caches = new WeakMap<object, PublicCache>();

/** One cache per database handle (one per app instance). */
export function publicCacheFor(db: Queryable): PublicCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new PublicCache(db);
    caches.set(db, cache);
  }
  return cache;
}

/** Changes made by this process: a cache that has not seen the latest one asks the database at once. */
let localChanges = 0;

/** Call inside the transaction that changes published data (approval, moderation, reply). */
export async function markPublicDataChanged(tx: Queryable): Promise<void> {
  await settingsRepository.bump(tx, VERSION_KEY);
  localChanges += 1;
}

/**
 * A JSON answer built once per data version (plan loads, assignments, approvals and moderation bump it):
 * repeated reads of plans, indicators and evaluations are then lookups, not queries.
 */
export async function cachedJson(db: Queryable, key: string, build: () => Promise<unknown>): Promise<never> {
  const entry = await publicCacheFor(db).get(key, async () => ({
    body: JSON.stringify(await build()),
    contentType: 'application/json; charset=utf-8',
  }));
  // The body is the serialised value the route documents; typed never so a typed route handler accepts it.
  return new Response(entry.body, {
    status: 200,
    headers: { 'content-type': entry.contentType, etag: entry.etag },
  }) as never;
}
