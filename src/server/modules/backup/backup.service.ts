import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db, Queryable } from '../../../db/db.types.ts';
import { loadMigrations, migrate, type Migration } from '../../../db/migrate.ts';
import { LantuError } from '../../../domain/errors.ts';

/**
 * Portable backups: one gzip file of JSON lines. Line 1 is a header (format, migration version, tables in
 * dependency order); then, for each table, a `{"table", "columns", "count"}` line followed by one line per
 * row as PostgreSQL's `row_to_json` writes it (bytea as "\x…" hex, jsonb inline, timestamps in UTC).
 * Restore reads them back with `json_populate_recordset`, so PostgreSQL itself converts every value: the
 * same file loads into PGlite and into PostgreSQL.
 */
export const BACKUP_FORMAT = 'lantu-backup';
export const BACKUP_FORMAT_VERSION = 1;
const PAGE = 2_000;
const INSERT_BATCH = 500;
/** Tables whose rows migrations insert (defaults): an "empty" database may hold them, the backup replaces them. */
const MIGRATION_DEFAULTS = new Set(['settings']);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Highest migration applied in the source database: the schema the rows fit. */
  migration: number;
  createdAt: string;
  source: string;
  tables: string[];
}

interface TableHeader {
  table: string;
  columns: string[];
  count: number;
}

export interface BackupSummary {
  migration: number;
  tables: Record<string, number>;
}

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns that reference this same table (parent links): rows must be inserted parents first. */
  selfRefs: { column: string; refColumn: string }[];
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new LantuError('bad_request', `Unexpected identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
};

async function currentMigration(q: Queryable): Promise<number> {
  const rows = await q.query<{ v: number | null }>('SELECT max(version)::int AS v FROM lantu_migrations');
  return rows[0]?.v ?? 0;
}

/** Every base table of the current schema but the migrations ledger, parents before children. */
async function tablesInOrder(q: Queryable): Promise<TableInfo[]> {
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

async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Writes every table of `db` to `file` (gzip, JSON lines) from one consistent snapshot. */
export async function backupToFile(db: Db, file: string, source = db.kind): Promise<BackupSummary> {
  const gzip = createGzip();
  const sink = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(sink);
  const summary: BackupSummary = { migration: 0, tables: {} };
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await tx.query("SET LOCAL TimeZone = 'UTC'");
      const tables = await tablesInOrder(tx);
      summary.migration = await currentMigration(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migration: summary.migration,
        createdAt: new Date().toISOString(),
        source,
        tables: tables.map((t) => t.name),
      };
      await writeLine(gzip, JSON.stringify(header));
      for (const t of tables) {
        const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${ident(t.name)}`,
        );
        const th: TableHeader = { table: t.name, columns: t.columns, count: n };
        await writeLine(gzip, JSON.stringify(th));
        const orderBy = (t.primaryKey.length > 0 ? t.primaryKey : t.columns).map(ident).join(', ');
        let written = 0;
        for (let page = 0; written < n && page <= n / PAGE + 1; page++) {
          const rows = await tx.query<{ j: string }>(
            `SELECT row_to_json(x)::text AS j FROM ${ident(t.name)} x ORDER BY ${orderBy} LIMIT ${PAGE} OFFSET ${page * PAGE}`,
          );
          if (rows.length === 0) break;
          for (const r of rows) await writeLine(gzip, r.j);
          written += rows.length;
        }
        if (written !== n) throw new LantuError('conflict', `Table ${t.name} changed during the backup`);
        summary.tables[t.name] = n;
      }
    });
  } catch (e) {
    gzip.destroy();
    sink.destroy();
    throw e;
  }
  gzip.end();
  await once(sink, 'close');
  return summary;
}

/** Orders the rows of a self-referencing table so every parent comes before its children. */
function parentsFirst(rows: Record<string, unknown>[], t: TableInfo): Record<string, unknown>[] {
  if (t.selfRefs.length === 0) return rows;
  const keyOf = (row: Record<string, unknown>, col: string) => JSON.stringify(row[col]);
  const refCols = new Set(t.selfRefs.map((s) => s.refColumn));
  const present = new Map<string, Set<string>>(
    [...refCols].map((c) => [c, new Set(rows.map((r) => keyOf(r, c)))]),
  );
  const placed = new Map<string, Set<string>>([...refCols].map((c) => [c, new Set<string>()]));
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  for (let pass = 0; pending.length > 0 && pass <= rows.length; pass++) {
    const next: Record<string, unknown>[] = [];
    for (const row of pending) {
      const ready = t.selfRefs.every(({ column, refColumn }) => {
        const v = row[column];
        if (v === null || v === undefined) return true;
        const k = JSON.stringify(v);
        return !present.get(refColumn)!.has(k) || placed.get(refColumn)!.has(k);
      });
      if (ready) {
        out.push(row);
        for (const c of refCols) placed.get(c)!.add(keyOf(row, c));
      } else next.push(row);
    }
    if (next.length === pending.length)
      throw new LantuError('conflict', `Rows of ${t.name} reference each other in a cycle`);
    pending = next;
  }
  return out;
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line.length > 0) yield line;
  } catch (e) {
    throw new LantuError(
      'unsupported_input',
      `${file} is not a readable lantu backup: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function parseJson<T>(line: string, what: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new LantuError('unsupported_input', `Backup is damaged: ${what} is not JSON`);
  }
}

export interface RestoreOptions {
  /** The migrations this program knows (tests may pass fewer). */
  migrations?: Migration[];
}

/**
 * Loads a backup into an empty database in one transaction. The schema is first brought to the backup's
 * migration version, the rows are inserted parents first, sequences are moved past the restored ids, and then
 * any newer migrations of this program run — so an old backup restores into a newer lantu.
 */
export async function restoreFromFile(
  db: Db,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const all = options.migrations ?? loadMigrations();
  const it = lines(file);
  const first = await it.next();
  if (first.done) throw new LantuError('unsupported_input', `${file} is empty`);
  const header = parseJson<BackupHeader>(first.value, 'the header');
  if (header.format !== BACKUP_FORMAT || header.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new LantuError(
      'unsupported_input',
      `${file} is not a lantu backup (format ${String(header.format)} v${String(header.formatVersion)})`,
    );
  const latest = all.at(-1)?.version ?? 0;
  if (header.migration > latest)
    throw new LantuError(
      'conflict',
      `The backup is at migration ${header.migration}, newer than this lantu (${latest}); upgrade lantu first`,
    );

  await migrate(
    db,
    all.filter((m) => m.version <= header.migration),
  );
  const summary: BackupSummary = { migration: header.migration, tables: {} };
  await db.transaction(async (tx) => {
    if ((await currentMigration(tx)) !== header.migration)
      throw new LantuError(
        'conflict',
        `The target database is at a newer migration than the backup (${header.migration}); restore into an empty database`,
      );
    const tables = new Map((await tablesInOrder(tx)).map((t) => [t.name, t]));
    for (const t of tables.values()) {
      if (MIGRATION_DEFAULTS.has(t.name)) continue;
      const rows = await tx.query(`SELECT 1 FROM ${ident(t.name)} LIMIT 1`);
      if (rows.length > 0)
        throw new LantuError(
          'conflict',
          `The target database is not empty (table ${t.name} has rows); restore needs an empty database`,
        );
    }
    let current: { info: TableInfo; header: TableHeader; rows: Record<string, unknown>[] } | null = null;
    const flush = async () => {
      if (!current) return;
      const { info, header: th, rows } = current;
      if (rows.length !== th.count)
        throw new LantuError(
          'unsupported_input',
          `Backup is truncated: ${th.table} has ${rows.length} of ${th.count} rows`,
        );
      // Defaults a migration inserted give way to the backup's values.
      if (MIGRATION_DEFAULTS.has(info.name)) await tx.query(`DELETE FROM ${ident(info.name)}`);
      const ordered = parentsFirst(rows, info);
      const cols = info.columns.map(ident).join(', ');
      for (let i = 0; i < ordered.length; i += INSERT_BATCH) {
        await tx.query(
          `INSERT INTO ${ident(info.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(info.name)}, $1::json)`,
          [JSON.stringify(ordered.slice(i, i + INSERT_BATCH))],
        );
      }
      summary.tables[info.name] = rows.length;
      current = null;
    };
    for (let r = await it.next(); !r.done; r = await it.next()) {
      const obj = parseJson<Record<string, unknown>>(r.value, 'a line');
      if (current && current.rows.length < current.header.count) {
        current.rows.push(obj);
        continue;
      }
      await flush();
      const th = obj as unknown as TableHeader;
      const info = tables.get(th.table);
      if (!info)
        throw new LantuError(
          'unsupported_input',
          `Backup names a table this schema lacks: ${String(th.table)}`,
        );
      const missing = th.columns.filter((c) => !info.columns.includes(c));
      if (missing.length > 0)
        throw new LantuError(
          'unsupported_input',
          `Backup columns ${missing.join(', ')} of ${th.table} are not in the schema`,
        );
      current = { info, header: th, rows: [] };
    }
    await flush();
    const expected = header.tables.filter((t) => !(t in summary.tables));
    if (expected.length > 0)
      throw new LantuError('unsupported_input', `Backup is truncated: missing ${expected.join(', ')}`);
    // Serial columns: move their sequences past the restored ids.
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
  });
  await migrate(db, all);
  return summary;
}

/** Every table's rows as sorted JSON strings: what two databases must share after a round trip. */
export async function tableContents(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.query("SET LOCAL TimeZone = 'UTC'");
    const out: Record<string, string[]> = {};
    for (const t of await tablesInOrder(tx)) {
      const rows = await tx.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${ident(t.name)} x`);
      out[t.name] = rows.map((r) => r.j).sort();
    }
    return out;
  });
}
