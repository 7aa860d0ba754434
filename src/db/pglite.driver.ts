import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.types.ts';

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
  return {
    kind: 'pglite',
    query: (text, params) => root.query(text, params),
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
  };
}
