import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.types.ts';

/** A transaction open longer than this no longer shows that the engine is at work (see Db.busy). */
const BUSY_LIMIT_MS = 60_000;

/**
 * PGlite runs a statement inside this thread and resolves it without I/O, so a chain of statements (an import
 * saving 13,000 rows, the comparison reading the plan in use before it) would hold the event loop from its first
 * statement to its last: GET /api/health waited 300–400 ms of the loop's CPU behind one saved .docx of 1,000
 * chapters. After a statement, once this much time has passed since the last turn it gave, the driver gives the
 * event loop a turn (setImmediate: timers and sockets first) before its caller goes on, so a stretch is one
 * statement and the code between two. After, not before: a statement is queued in PGlite the moment it is
 * asked for, in the order asked (a health check that found no transaction running is not overtaken by one).
 */
const TURN_EVERY_MS = 8;
let lastTurn = 0;

async function turn(): Promise<void> {
  if (performance.now() - lastTurn < TURN_EVERY_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

export async function openPglite(dataDir: string | null): Promise<Db> {
  const pg = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  return wrapPglite(pg);
}

export function wrapPglite(pg: PGlite): Db {
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends object>(text: string, params?: readonly unknown[]) {
      const res = await q.query<T>(text, params ? [...params] : undefined);
      await turn();
      return res.rows;
    },
  });
  const root = asQueryable(pg);
  /**
   * Start times of the transactions asked for and not yet ended (one runs at a time inside PGlite). Noted when
   * asked for, not when PGlite starts running it: a statement asked for in between would wait for all of it.
   */
  const open = new Set<{ since: number }>();
  return {
    kind: 'pglite',
    query: (text, params) => root.query(text, params),
    transaction: async (fn) => {
      const entry = { since: performance.now() };
      open.add(entry);
      try {
        return await pg.transaction((tx) => fn(asQueryable(tx)));
      } finally {
        open.delete(entry);
      }
    },
    busy: () => [...open].some((t) => performance.now() - t.since < BUSY_LIMIT_MS),
    exec: async (sql) => {
      await pg.exec(sql);
      await turn();
    },
    close: () => pg.close(),
  };
}
