import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** docs/ARCHITECTURE.md names only files and folders that are in the repository (issue 13 point 11). */
const ROOT = join(import.meta.dirname, '../..');
const DOC = 'docs/ARCHITECTURE.md';

/** Every file git tracks, and every folder above one. */
function tracked(): { files: string[]; dirs: Set<string> } {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return { files, dirs };
}

/** Where a path the document names can start. */
const ROOTS =
  /^(src|test|bench|docs|data|bin|scripts|domain|db|server|web|reports|importers|cli|modules|auth|policies|cache|evaluation|ui|pages|locales|support|migrations|repositories|readers|worker|charts)\//;
/** A file name with a source or data ending (not a method call like `c.json`). */
const FILE = /^[\w-]{3,}(\.[\w-]+)*\.(ts|tsx|mjs|js|json|sql|md|css|geojson)$/;

/** Code spans and diagram words that name a file or folder of the repository. */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const blocks = [...markdown.matchAll(/```[\s\S]*?```/g)].flatMap((m) => m[0].split(/\s+/));
  const words = [...spans.flatMap((s) => s.split(/[\s,()]+/)), ...blocks]
    .map((w) => w.replace(/^[("'`]+|[)"'`,.:;]+$/g, ''))
    .filter((w) => !/[<>*{}]|NNNN/.test(w));
  return [
    ...new Set(
      words.filter((w) => (ROOTS.test(w) && /^[\w./-]+$/.test(w)) || (!w.includes('/') && FILE.test(w))),
    ),
  ];
}

describe(DOC, () => {
  it('names only paths that exist (a file by its path or the end of it, a folder by its path)', () => {
    const { files, dirs } = tracked();
    const named = namedPaths(readFileSync(join(ROOT, DOC), 'utf8'));
    expect(named.length).toBeGreaterThan(50);
    const exists = (p: string) => {
      const bare = p.replace(/\/$/, '');
      return (
        dirs.has(bare) ||
        files.includes(bare) ||
        files.some((f) => f.endsWith(`/${bare}`)) ||
        [...dirs].some((d) => d.endsWith(`/${bare}`))
      );
    };
    expect(named.filter((p) => !exists(p))).toEqual([]);
  });

  it('names every folder of src/ (a feature folder under modules/ aside: modules/<feature>/ names them)', () => {
    const { dirs } = tracked();
    const doc = readFileSync(join(ROOT, DOC), 'utf8');
    const named = (d: string) => doc.includes(d) || doc.includes(`${d.split('/').pop()!}/`);
    const folders = [...dirs].filter((d) => d.startsWith('src/') && !/\/modules\//.test(d));
    expect(folders.length).toBeGreaterThan(20);
    expect(folders.filter((d) => !named(d))).toEqual([]);
  });
});
