import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** GUIDE: SQL lives only in src/db (schema, migrations, repositories); everything else calls a repository. */
const ROOT = join(import.meta.dirname, '../..');

/** A string that starts with an SQL statement. */
const SQL =
  /['"`]\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\(|CREATE\s+(TABLE|INDEX|SCHEMA)\s|ALTER\s+TABLE\s|DROP\s+(TABLE|SCHEMA)\s|TRUNCATE\s)/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('where SQL lives', () => {
  const sources = files(join(ROOT, 'src'))
    .map((f) => relative(ROOT, f).split('\\').join('/'))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith('src/db/') && !/\.test\.tsx?$/.test(f));

  it('finds no SQL statement in src/ outside src/db', () => {
    expect(sources.length).toBeGreaterThan(100);
    const found = sources.flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (SQL.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('recognises a statement when it sees one (the check can fail)', () => {
    expect(SQL.test("await db.query('SELECT 1')")).toBe(true);
    expect(SQL.test('`UPDATE observations SET value = $2`')).toBe(true);
    expect(SQL.test("'Select a plan'")).toBe(false);
  });
});
