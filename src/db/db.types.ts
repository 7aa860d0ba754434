/** What repositories need from a database: parameterised queries and transactions. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export type DbKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Whether the database is working on a transaction that began under a minute ago (PGlite only: the
   * embedded engine runs one statement at a time, so any other statement waits for that transaction).
   */
  busy?(): boolean;
  /** Connection pool figures for /metrics (PostgreSQL only). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
}
