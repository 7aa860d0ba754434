import * as OpenCC from 'opencc-js/t2cn';
import type { Block, ReadResult } from './blocks.ts';

/**
 * Traditional-script and half-converted outlines (`規劃`, `第一節`, `規(guī)劃`): the parser reads them
 * through a simplified copy, then the document gets its own characters back. OpenCC converts almost
 * always one character for one, so the way back is a per-document map from each simplified character
 * to the original character it most often came from.
 */

export type Script = 'simplified' | 'traditional';

type Convert = (s: string) => string;
/** The t2cn bundle's types are published under the package root only. */
const makeConverter = (OpenCC as unknown as { Converter: (o: { from: string; to: string }) => Convert })
  .Converter;
let converter: Convert | null = null;
function toSimplifiedChars(s: string): string {
  const convert = converter ?? makeConverter({ from: 'hk', to: 'cn' });
  converter = convert;
  return convert(s);
}

/** Pinyin a web converter left behind: 規(guī)劃 → 規劃. */
const PINYIN_RE = /(?<=[\u4e00-\u9fff])[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[）)]/g;
const HAN_RE = /[\u4e00-\u9fff]/g;

function allText(read: ReadResult): string {
  const parts: string[] = [];
  for (const b of read.blocks) {
    if (b.type === 'para') parts.push(b.text);
    else if (b.type === 'table') for (const r of b.rows) parts.push(r.join('\t'));
  }
  for (const f of read.footnotes) parts.push(f.text);
  return parts.join('\n');
}

/** Traditional when at least 1% of a sample's Han characters change under conversion. */
export function detectScript(text: string): Script {
  const sample = text.slice(0, 20000);
  const han = sample.match(HAN_RE)?.length ?? 0;
  if (han === 0) return 'simplified';
  // Characters that exist only in traditional script are rare in simplified text: test cheaply first.
  if (!/[們國與這說時會對發經開關體實現規劃節個為點從應該據過產動區類義務環衛設計務員標準條]/.test(sample))
    return 'simplified';
  const converted = toSimplifiedChars(sample);
  let changed = 0;
  for (let i = 0; i < sample.length && i < converted.length; i++) if (sample[i] !== converted[i]) changed++;
  return changed / han >= 0.01 ? 'traditional' : 'simplified';
}

export interface Simplifier {
  script: Script;
  /** Converts to simplified characters, remembering which original each changed character came from. */
  convert: (s: string) => string;
  /** Puts the document's own characters back into a string produced from the simplified copy. */
  restore: (s: string) => string;
}

/** Strips pinyin left by converters ("規(guī)劃" → "規劃"). */
export function stripPinyin(s: string): string {
  return s.includes('(') || s.includes('（') ? s.replace(PINYIN_RE, '') : s;
}

/** A simplifier for a document whose text (or a sample of it) is `text`. */
export function simplifierFor(text: string): Simplifier {
  if (detectScript(text) === 'simplified')
    return { script: 'simplified', convert: stripPinyin, restore: (s) => s };
  const votes = new Map<string, Map<string, number>>();
  let back: Map<string, string> | null = null;
  const convert = (input: string): string => {
    const s = stripPinyin(input);
    const out = toSimplifiedChars(s);
    if (out.length === s.length) {
      for (let i = 0; i < s.length; i++) {
        const o = s[i] ?? '';
        const c = out[i] ?? '';
        if (o === c) continue;
        const m = votes.get(c) ?? new Map<string, number>();
        m.set(o, (m.get(o) ?? 0) + 1);
        votes.set(c, m);
      }
    }
    back = null;
    return out;
  };
  const table = (): Map<string, string> => {
    if (back) return back;
    const t = new Map<string, string>();
    for (const [c, m] of votes) {
      let best = '';
      let n = 0;
      for (const [o, k] of m) if (k > n) [best, n] = [o, k];
      t.set(c, best);
    }
    back = t;
    return t;
  };
  const restore = (s: string): string => {
    const t = table();
    let out = '';
    for (const ch of s) out += t.get(ch) ?? ch;
    return out;
  };
  return { script: 'traditional', convert, restore };
}

/** Applies a simplifier to what a reader produced (.docx, .pdf: blocks, cells, footnotes). */
export function simplifyRead(
  read: ReadResult,
  simplifier?: Simplifier,
): { read: ReadResult; simplifier: Simplifier } {
  const s = simplifier ?? simplifierFor(allText(read));
  return { read: mapRead(read, s.convert), simplifier: s };
}

function mapRead(read: ReadResult, f: (s: string) => string): ReadResult {
  const blocks: Block[] = read.blocks.map((b) => {
    if (b.type === 'para') return { ...b, text: f(b.text) };
    if (b.type === 'table') return { ...b, rows: b.rows.map((r) => r.map(f)) };
    return b;
  });
  return { ...read, blocks, footnotes: read.footnotes.map((x) => ({ ...x, text: f(x.text) })) };
}

/** Keys whose values are codes or references, never the document's words. */
const KEEP = new Set([
  'format',
  'id',
  'nodeId',
  'source',
  'kind',
  'direction',
  'rule',
  'comparator',
  'role',
  'titleSource',
  'sourceFormat',
  'by',
  'attribute',
  'script',
]);

/** Applies `restore` to every string of the document's words (titles, text, cells, captions…). */
export function restoreStrings<T>(value: T, restore: (s: string) => string, key = ''): T {
  if (typeof value === 'string') return (KEEP.has(key) ? value : restore(value)) as T;
  if (Array.isArray(value)) return value.map((v) => restoreStrings(v as unknown, restore, key)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = restoreStrings(v, restore, k);
    return out as T;
  }
  return value;
}
