import type { Queryable } from './db.types.ts';

/**
 * Bind parameters per statement (PostgreSQL allows 65535). Kept small because PGlite runs each statement
 * synchronously on the server's event loop: 6,000 rows of 10 columns held it for over a second on a
 * loaded machine, 400 rows for well under 200 ms.
 */
const MAX_PARAMS = 4_000;
/**
 * Characters of text per statement. PGlite's cost grows with the text it is sent, not only with the rows:
 * 444 plan nodes with a chapter's body each (~700,000 characters) held the loop 150–180 ms of CPU at load 24;
 * 90,000 characters took 30–50 ms, 20,000 under 10 ms.
 */
const MAX_CHARS = 64_000;

/** Rows of one statement: from `start`, until either bound is reached (always at least one row). */
function chunkEnd(rows: readonly (readonly unknown[])[], start: number, columns: number): number {
  let chars = 0;
  let end = start;
  while (end < rows.length && (end - start + 1) * columns <= MAX_PARAMS) {
    for (const v of rows[end]!) if (typeof v === 'string') chars += v.length;
    if (chars > MAX_CHARS && end > start) break;
    end++;
  }
  return Math.max(end, start + 1);
}

/**
 * Multi-row INSERT … VALUES in chunks: one round trip per chunk instead of per row (PGlite in particular is
 * slow on many single-row inserts), each chunk bounded in parameters and in text so that no statement holds
 * PGlite's thread — the server's event loop — for long; the PGlite driver gives the loop a turn between them.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  for (let start = 0; start < rows.length;) {
    const end = chunkEnd(rows, start, columns.length);
    const params: unknown[] = [];
    const tuples = rows.slice(start, end).map((row) => {
      if (row.length !== columns.length)
        throw new Error(`insertRows(${table}): row has ${row.length} values`);
      const slots = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    start = end;
  }
}
