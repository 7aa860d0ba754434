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
   * Whether the database has a transaction asked for under a minute ago and not ended (PGlite only: the
   * embedded engine runs one statement at a time, so any other statement waits for that transaction).
   */
  busy?(): boolean;
  /** Connection pool figures for /metrics (PostgreSQL only). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
}
