import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh-CN.json';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'tools' || e.name === 'locales' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('web locales', () => {
  it('have the same keys, no empty text, the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(zh) as [keyof typeof zh, string][]) {
      expect(v.trim(), k).not.toBe('');
      expect(en[k].trim(), k).not.toBe('');
      expect(placeholders(en[k]), k).toEqual(placeholders(v));
    }
  });

  it('every literal key the code asks for exists, and no Chinese is hard-coded outside the locales', () => {
    const keys = new Set(Object.keys(zh));
    const cjk = /[\u4e00-\u9fff]/;
    // Shell: the brand mark; the language switch names each language in itself; ProjectsPanel compares a data
    // unit (亿元).
    const allowed = ['Shell.tsx', 'LanguageSwitch.tsx', 'ProjectsPanel.tsx'];
    for (const file of sources(WEB)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([\w.]+)'/g))
        expect(keys.has(m[1] ?? ''), `${file}: ${m[1]}`).toBe(true);
      const code = text
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join('\n');
      if (!allowed.some((a) => file.endsWith(a)) && !file.endsWith('.test.ts')) {
        expect(cjk.test(code), `${file} has Chinese outside comments`).toBe(false);
      }
    }
  });
});
