import type { Block, ReadResult } from '../blocks.ts';
import { para } from '../blocks.ts';
import { squash } from '../patterns.ts';

const HEADING_RE = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ROW_RE = /^\s*\|(.*)\|\s*$/;
const SEPARATOR_RE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const FOOTNOTE_DEF_RE = /^\[\^(\d+)\]:\s*(.*)$/;
const FOOTNOTE_REF_RE = /\[\^(\d+)\]/g;

function cells(line: string): string[] {
  const m = ROW_RE.exec(line);
  return (m?.[1] ?? '').split('|').map((c) => squash(c.replace(/<br\s*\/?>/gi, '')));
}

/** Reads Markdown: `#` headings (level = number of #; a level-1 heading naming the plan is its title), pipe tables, `[^N]` footnotes, blank-line paragraphs. */
export function readMarkdown(text: string): ReadResult {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  const footnotes: ReadResult['footnotes'] = [];
  let buf: string[] = [];
  let bufLine = 0;
  let refs: number[] = [];
  const flush = (): void => {
    if (buf.length > 0) {
      blocks.push(para(buf.join(''), `line ${bufLine}`, { footnoteRefs: refs }));
      buf = [];
      refs = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (trimmed === '') {
      // Blank lines separate paragraphs only; a box ends at the first paragraph that is not an item.
      flush();
      continue;
    }
    const fn = FOOTNOTE_DEF_RE.exec(trimmed);
    if (fn) {
      flush();
      footnotes.push({ number: Number(fn[1]), text: (fn[2] ?? '').trim(), source: `line ${n}` });
      continue;
    }
    const h = HEADING_RE.exec(trimmed);
    if (h) {
      flush();
      const level = (h[1] ?? '#').length;
      const title = squash(h[2] ?? '');
      blocks.push(
        para(title, `line ${n}`, {
          styleLevel: level === 1 && /纲要|规划/.test(title) && !/^第/.test(title) ? null : level,
          isTitle: false,
        }),
      );
      continue;
    }
    if (ROW_RE.test(line)) {
      flush();
      const rows: string[][] = [];
      const rowSources: string[] = [];
      let j = i;
      for (; j < lines.length && ROW_RE.test(lines[j] ?? ''); j++) {
        const l = lines[j] ?? '';
        if (SEPARATOR_RE.test(l)) continue;
        rows.push(cells(l));
        rowSources.push(`line ${j + 1}`);
      }
      blocks.push({ type: 'table', rows, rowSources, source: `line ${n}` });
      i = j - 1;
      continue;
    }
    const clean = trimmed.replace(FOOTNOTE_REF_RE, (_m, d: string) => {
      refs.push(Number(d));
      return '';
    });
    // A caption set in bold ("**表1 主要指标**") stands on its own line.
    const bold = /^\*\*(.+?)\*\*$/.exec(clean.trim());
    if (bold?.[1] && /^(?:表|图|专栏)\s*\d/.test(bold[1].trim())) {
      flush();
      blocks.push(para(squash(bold[1]), `line ${n}`));
      continue;
    }
    if (buf.length === 0) bufLine = n;
    buf.push(clean.replace(/^>\s*/, ''));
  }
  flush();
  return { blocks, footnotes, sourceUnit: 'line', warnings: [] };
}
