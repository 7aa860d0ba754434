import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** GUIDE: small files, one concept per file — no file in src/ over this many lines. */
const MAX_LINES = 400;
const ROOT = join(import.meta.dirname, '../..');

/** Data, not code: locale tables and map shapes grow with the product's vocabulary and geography. */
const DATA_FILE = /\.(json|geojson|svg|png)$/;

/** Temporary, named exceptions (file → why); none today. Remove each entry when its file is split or gone. */
const TEMPORARY: Record<string, string> = {};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('file size', () => {
  const sizes = files(join(ROOT, 'src'))
    .map((f) => relative(ROOT, f).split('\\').join('/'))
    .filter((f) => !DATA_FILE.test(f))
    .map((f) => ({ f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 }));

  it(`keeps every file in src/ at ${MAX_LINES} lines or fewer (data files aside)`, () => {
    expect(sizes.length).toBeGreaterThan(100);
    const over = sizes
      .filter((s) => s.lines > MAX_LINES && !(s.f in TEMPORARY))
      .map((s) => `${s.f}: ${s.lines}`);
    expect(over).toEqual([]);
  });

  it('names only exceptions that are still needed', () => {
    const stale = Object.keys(TEMPORARY).filter((f) => !sizes.some((s) => s.f === f && s.lines > MAX_LINES));
    expect(stale).toEqual([]);
  });
});
