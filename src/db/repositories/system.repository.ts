import type { Db, Queryable } from '../db.types.ts';

/** Statements about the database itself: liveness, the schema's migrations, cross-node locks. */
export const systemRepository = {
  /**
   * A round trip that touches no table (the health check: is the database answering?). An embedded
   * database in the middle of a transaction (saving an imported plan: seconds) is answering that
   * transaction; a SELECT would wait for it to commit, so the check does not queue behind it.
   */
  async ping(db: Queryable & Pick<Db, 'busy'>): Promise<void> {
    if (db.busy?.()) return;
    await db.query('SELECT 1');
  },

  /** The migrations applied, oldest first. */
  async appliedMigrations(db: Queryable): Promise<string[]> {
    const rows = await db.query<{ name: string }>('SELECT name FROM lantu_migrations ORDER BY version');
    return rows.map((r) => r.name);
  },

  /**
   * PostgreSQL only: holds the advisory lock `key` until the transaction ends, so work that several app nodes
   * may start at once (first-start seeding) runs on one of them at a time. PGlite is one process's and needs none.
   */
  async transactionLock(tx: Queryable, key: number): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
  },
};
