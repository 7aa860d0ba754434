import pg from 'pg';
import type { Db, Queryable } from './db.types.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Sets search_path for every connection: test isolation and multi-tenant installs. */
  schema?: string;
  max?: number;
}

export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
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
      // pg-pool removes its error listener from a checked-out client: without one, the server dropping the
      // connection mid-transaction (a restart) is an unhandled 'error' event that kills the process.
      const onError = () => undefined;
      client.on('error', onError);
      const tx: Queryable = { query: (text, params) => run(client, text, params) };
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
        client.removeListener('error', onError);
        client.release(failure);
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
