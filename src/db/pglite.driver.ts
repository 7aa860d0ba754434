import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.types.ts';

/** A transaction open longer than this no longer shows that the engine is at work (see Db.busy). */
const BUSY_LIMIT_MS = 60_000;

export async function openPglite(dataDir: string | null): Promise<Db> {
  const pg = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  return wrapPglite(pg);
}

export function wrapPglite(pg: PGlite): Db {
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends object>(text: string, params?: readonly unknown[]) {
      const res = await q.query<T>(text, params ? [...params] : undefined);
      return res.rows;
    },
  });
  const root = asQueryable(pg);
  /** Start times of the transactions running now (one at a time inside PGlite; a start is noted on entry). */
  const open = new Set<{ since: number }>();
  return {
    kind: 'pglite',
    query: (text, params) => root.query(text, params),
    transaction: (fn) =>
      pg.transaction(async (tx) => {
        const entry = { since: performance.now() };
        open.add(entry);
        try {
          return await fn(asQueryable(tx));
        } finally {
          open.delete(entry);
        }
      }),
    busy: () => [...open].some((t) => performance.now() - t.since < BUSY_LIMIT_MS),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}
