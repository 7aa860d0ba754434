import type { Queryable } from './db.types.ts';

/** PostgreSQL's limit is 65535 bind parameters per statement. */
const MAX_PARAMS = 60_000;

/**
 * Multi-row INSERT … VALUES in chunks: one round trip per chunk instead of per row
 * (PGlite in particular is slow on many single-row inserts).
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
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
