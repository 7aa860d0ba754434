import type { Queryable } from '../../db/db.types.ts';
import { settingsRepository } from '../../db/repositories/settings.repository.ts';

/**
 * The data version: a counter in the `settings` table that moves with every write that can change what a
 * cached read or the public sees. Cached answers (`response-cache.ts`) and replayed public responses
 * (`public-replay.ts`) are valid for one version. The key keeps its first name so existing databases go on.
 */
const VERSION_KEY = 'public_data_version';
/** How long a node trusts its idea of the data version before asking the database again. */
export const REVALIDATE_MS = 1000;

/** Changes made by this process: a reader that has not seen the latest one asks the database at once. */
let localChanges = 0;

/**
 * The one function that says published data changed. Call it inside the transaction of the write, from the
 * service layer; the other app nodes see the new version within REVALIDATE_MS, this one at once.
 */
export async function dataChanged(tx: Queryable): Promise<void> {
  await settingsRepository.bump(tx, VERSION_KEY);
  localChanges += 1;
}

export async function readDataVersion(db: Queryable): Promise<string> {
  return (await settingsRepository.get(db, VERSION_KEY)) ?? '0';
}

/** One node's view of the data version, re-read at most every REVALIDATE_MS or after a change of its own. */
export class DataVersion {
  private version: string | null = null;
  private checkedAt = 0;
  private pending: Promise<string> | null = null;
  private seenChanges = -1;

  constructor(private readonly db: Queryable) {}

  /** The version if this node knows it to be current right now (no I/O); null when it must ask. */
  fresh(): string | null {
    const fresh = Date.now() - this.checkedAt < REVALIDATE_MS && this.seenChanges === localChanges;
    return fresh ? this.version : null;
  }

  async current(): Promise<string> {
    const known = this.fresh();
    if (known !== null) return known;
    this.seenChanges = localChanges;
    this.pending ??= readDataVersion(this.db)
      .then((v) => {
        this.version = v;
        this.checkedAt = Date.now();
        return v;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
