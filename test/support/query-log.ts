import type { Db, Queryable } from '../../src/db/db.types.ts';

export interface LoggedQuery {
  text: string;
  params: readonly unknown[];
  rows: readonly object[];
}

/**
 * A real database that keeps a log of every statement it runs (inside transactions too) and the rows each
 * returned, so a test can count the work a request does — how often it reads the indicators, which values it
 * loads — on PGlite and PostgreSQL alike. Nothing is faked: every query reaches the database.
 */
export function withQueryLog(db: Db): { db: Db; log: LoggedQuery[]; reset: () => void } {
  const log: LoggedQuery[] = [];
  const logged = (q: Queryable): Queryable['query'] =>
    async function query<T extends object>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const rows = await q.query<T>(text, params);
      log.push({ text, params, rows });
      return rows;
    };
  const wrapped: Db = {
    get kind() {
      return db.kind;
    },
    query: logged(db),
    transaction: (fn) => db.transaction((tx) => fn({ query: logged(tx) })),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    ...(db.poolStats ? { poolStats: () => db.poolStats!() } : {}),
  };
  return { db: wrapped, log, reset: () => void log.splice(0) };
}

/** Statements in the log that read from `table` (FROM or JOIN). */
export function reads(log: readonly LoggedQuery[], table: string): LoggedQuery[] {
  const re = new RegExp(`\\b(FROM|JOIN)\\s+${table}\\b`, 'i');
  return log.filter((q) => re.test(q.text));
}
