import pg from 'pg';
import type { Db, Queryable } from './db.types.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Sets search_path for every connection: test isolation and multi-tenant installs. */
  schema?: string;
  max?: number;
}

export function openPostgres(options: PostgresOptions): Db {
  const broken = new WeakMap<pg.PoolClient, Error>();
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // PostgreSQL may end any connection at any moment (pg_terminate_backend, 57P01; a restart; a network cut). pg
  // reports it as an 'error' event on the client, and an 'error' without a listener kills the process. pg-pool
  // listens only while a client is idle, and a checked-out client is handed over by a promise, so an error
  // parsed in the same chunk as the hand-over arrives before any caller could listen. So every client gets a
  // listener of its own from birth to end: the failure is remembered, and the client is destroyed on release.
  pool.on('connect', (client) => {
    client.on('error', (e: Error) => {
      broken.set(client, e);
    });
  });
  pool.on('error', () => undefined); // an idle client died: pg-pool has already removed it
  const run = async <T extends object>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params?: readonly unknown[],
  ): Promise<T[]> => {
    const res = await client.query<T>(text, params ? [...params] : undefined);
    return res.rows;
  };
  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    async transaction(fn) {
      const client = await pool.connect();
      // One connection runs one statement at a time: a transaction's queries go to it in turn, so callers
      // may still start several at once (Promise.all over repositories) without queueing them inside pg,
      // which pg deprecates ('client.query() when the client is already executing a query').
      let last: Promise<unknown> = Promise.resolve();
      const tx: Queryable = {
        query<T extends object>(text: string, params?: readonly unknown[]) {
          const next = last.then(() => run<T>(client, text, params));
          last = next.catch(() => undefined); // a failed statement does not stop the ones queued after it
          return next;
        },
      };
      let failure: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // the connection itself is broken: destroy it instead of returning it to the pool
          failure = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw e;
      } finally {
        client.release(failure ?? broken.get(client));
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: options.max ?? 10,
    }),
  };
}
