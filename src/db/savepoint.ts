import type { Db, Queryable } from './db.types.ts';

let counter = 0;

/** Runs `fn` under a savepoint of an open transaction: its writes are undone when it throws, the transaction lives on. */
export async function withSavepoint<T>(tx: Queryable, fn: () => Promise<T>): Promise<T> {
  const name = `lantu_sp_${++counter}`;
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (e) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw e;
  }
}

/**
 * A `Db` living inside an open transaction: reads go to the transaction, and a service's own
 * `transaction()` becomes a savepoint. This lets a batch (a spreadsheet upload) run the very services a
 * single request uses, and still commit all of it or nothing.
 */
export function nestedDb(tx: Queryable, kind: Db['kind']): Db {
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    transaction: (fn) => withSavepoint(tx, () => fn(tx)),
    exec: async (sql) => {
      await tx.query(sql);
    },
    close: () => Promise.reject(new Error('a nested database is closed by its owner')),
  };
}
