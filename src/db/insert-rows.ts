import type { Queryable } from './db.types.ts';

/**
 * Bind parameters per statement (PostgreSQL allows 65535). Kept small because PGlite runs each statement
 * synchronously on the server's event loop: 6,000 rows of 10 columns held it for over a second on a
 * loaded machine, 400 rows for well under 200 ms.
 */
const MAX_PARAMS = 4_000;

/**
 * Multi-row INSERT … VALUES in chunks: one round trip per chunk instead of per row
 * (PGlite in particular is slow on many single-row inserts). Between chunks the event loop gets a turn
 * (PGlite's statements resolve without I/O, so a long chain of them would otherwise keep every request
 * waiting until the last chunk).
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length)
        throw new Error(`insertRows(${table}): row has ${row.length} values`);
      const slots = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
