import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db } from '../../../db/db.types.ts';
import {
  backupRepository,
  currentMigration,
  tablesInOrder,
  type TableInfo,
} from '../../../db/repositories/backup.repository.ts';
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
      await backupRepository.snapshot(tx);
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
        const n = await backupRepository.count(tx, t.name);
        const th: TableHeader = { table: t.name, columns: t.columns, count: n };
        await writeLine(gzip, JSON.stringify(th));
        let written = 0;
        for (let page = 0; written < n && page <= n / PAGE + 1; page++) {
          const rows = await backupRepository.page(tx, t, PAGE, page * PAGE);
          if (rows.length === 0) break;
          for (const r of rows) await writeLine(gzip, r);
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
      if (await backupRepository.hasRows(tx, t.name))
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
      if (MIGRATION_DEFAULTS.has(info.name)) await backupRepository.clear(tx, info.name);
      const ordered = parentsFirst(rows, info);
      for (let i = 0; i < ordered.length; i += INSERT_BATCH)
        await backupRepository.insertJson(tx, info, ordered.slice(i, i + INSERT_BATCH));
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
    await backupRepository.resetSerials(tx);
  });
  await migrate(db, all);
  return summary;
}

/** Every table's rows as sorted JSON strings: what two databases must share after a round trip. */
export async function tableContents(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await backupRepository.utc(tx);
    const out: Record<string, string[]> = {};
    for (const t of await tablesInOrder(tx)) {
      out[t.name] = (await backupRepository.all(tx, t.name)).sort();
    }
    return out;
  });
}
