/**
 * The SQL of backups and restores: the schema catalogue (tables, columns, keys, in dependency order) and
 * table-wide reads and writes by name. Names come from the catalogue and pass `ident`, never from input.
 */
import type { Queryable } from '../db.types.ts';
import { LantuError } from '../../domain/errors.ts';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns that reference this same table (parent links): rows must be inserted parents first. */
  selfRefs: { column: string; refColumn: string }[];
}

/** A table or column name from the catalogue, quoted; anything else is refused. */
export const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new LantuError('bad_request', `Unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
};

export async function currentMigration(q: Queryable): Promise<number> {
  const rows = await q.query<{ v: number | null }>('SELECT max(version)::int AS v FROM lantu_migrations');
  return rows[0]?.v ?? 0;
}

/** Every base table of the current schema but the migrations ledger, parents before children. */
export async function tablesInOrder(q: Queryable): Promise<TableInfo[]> {
  const tables = await q.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'lantu_migrations'
      ORDER BY table_name`,
  );
  const cols = await q.query<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const fks = await q.query<{ child: string; parent: string; child_col: string; parent_col: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            a.attname AS child_col, af.attname AS parent_col
       FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
      WHERE c.contype = 'f'`,
  );
  const pks = await q.query<{ t: string; c: string }>(
    `SELECT tc.table_name AS t, kcu.column_name AS c
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu
         ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
      ORDER BY tc.table_name, kcu.ordinal_position`,
  );
  const bare = (regclass: string) => regclass.replace(/^.*\./, '').replace(/"/g, '');
  const info = new Map<string, TableInfo>();
  for (const { name } of tables) info.set(name, { name, columns: [], primaryKey: [], selfRefs: [] });
  for (const { t, c } of cols) info.get(t)?.columns.push(c);
  for (const { t, c } of pks) info.get(t)?.primaryKey.push(c);
  const deps = new Map<string, Set<string>>([...info.keys()].map((k) => [k, new Set<string>()]));
  for (const fk of fks) {
    const child = bare(fk.child);
    const parent = bare(fk.parent);
    if (!info.has(child) || !info.has(parent)) continue;
    if (child === parent) info.get(child)!.selfRefs.push({ column: fk.child_col, refColumn: fk.parent_col });
    else deps.get(child)!.add(parent);
  }
  // Kahn's algorithm, alphabetical among ready tables so the order is stable.
  const order: TableInfo[] = [];
  const done = new Set<string>();
  for (let round = 0; round <= info.size && done.size < info.size; round++) {
    for (const name of [...info.keys()].sort()) {
      if (done.has(name)) continue;
      if ([...deps.get(name)!].every((d) => done.has(d))) {
        done.add(name);
        order.push(info.get(name)!);
      }
    }
  }
  if (done.size < info.size)
    throw new LantuError('conflict', 'Foreign keys form a cycle between tables; cannot order the backup');
  return order;
}

export const backupRepository = {
  /** One consistent snapshot for the whole backup, timestamps written in UTC. */
  async snapshot(tx: Queryable): Promise<void> {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await backupRepository.utc(tx);
  },
  async utc(tx: Queryable): Promise<void> {
    await tx.query("SET LOCAL TimeZone = 'UTC'");
  },
  async count(tx: Queryable, table: string): Promise<number> {
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${ident(table)}`,
    );
    return n;
  },
  /** One page of a table's rows as row_to_json text, in a stable order. */
  async page(tx: Queryable, t: TableInfo, limit: number, offset: number): Promise<string[]> {
    const orderBy = (t.primaryKey.length > 0 ? t.primaryKey : t.columns).map(ident).join(', ');
    const rows = await tx.query<{ j: string }>(
      `SELECT row_to_json(x)::text AS j FROM ${ident(t.name)} x ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => r.j);
  },
  async all(tx: Queryable, table: string): Promise<string[]> {
    const rows = await tx.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${ident(table)} x`);
    return rows.map((r) => r.j);
  },
  async hasRows(tx: Queryable, table: string): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM ${ident(table)} LIMIT 1`)).length > 0;
  },
  async clear(tx: Queryable, table: string): Promise<void> {
    await tx.query(`DELETE FROM ${ident(table)}`);
  },
  /** Inserts rows as PostgreSQL's row_to_json wrote them: PostgreSQL converts every value back. */
  async insertJson(tx: Queryable, t: TableInfo, rows: readonly Record<string, unknown>[]): Promise<void> {
    const cols = t.columns.map(ident).join(', ');
    await tx.query(
      `INSERT INTO ${ident(t.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json)`,
      [JSON.stringify(rows)],
    );
  },
  /** Moves every serial column's sequence past the ids present. */
  async resetSerials(tx: Queryable): Promise<void> {
    const serials = await tx.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { t, c } of serials) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${ident(c)}) FROM ${ident(t)}), 1), (SELECT max(${ident(c)}) IS NOT NULL FROM ${ident(t)}))`,
        [t, c],
      );
    }
  },
};
