import type { RawFootnote } from '../blocks.ts';
import { compact } from '../patterns.ts';
import type { PdfLine } from './pdf-lines.ts';
import type { PdfPage } from './pdf-text-layer.ts';

/**
 * What a printed page carries besides the text: running titles and page numbers at its edges, footnotes
 * at its foot, and the contents (目录) pages at the front. Each is taken out here, so the text that is
 * read is the plan's own, in order.
 */

const PAGE_NUMBER_RE =
  /^(?:[-—–－·•]?\s*\d{1,4}\s*[-—–－·•]?|第\s*\d{1,4}\s*页.*|\d{1,4}\s*\/\s*\d{1,4}|[-—–－]?\s*[ivxlcIVXLC]{1,6}\s*[-—–－]?)$/;

/** Drops page numbers and lines repeated at the top or bottom of many pages (running titles). */
export function dropRunning(pages: readonly PdfPage[], lines: PdfLine[][]): PdfLine[][] {
  const key = (l: PdfLine): string => compact(l.text).replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  const edge = (l: PdfLine, p: PdfPage): boolean => l.y > p.height * 0.92 || l.y < p.height * 0.08;
  lines.forEach((ls, i) => {
    const p = pages[i];
    if (!p) return;
    for (const k of new Set(ls.filter((x) => edge(x, p)).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const minRepeats = Math.max(3, Math.floor(pages.length * 0.3));
  return lines.map((ls, i) => {
    const p = pages[i];
    if (!p) return ls;
    return ls.filter(
      (l) => !(edge(l, p) && (PAGE_NUMBER_RE.test(l.text.trim()) || (counts.get(key(l)) ?? 0) >= minRepeats)),
    );
  });
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Footnotes at the foot of each page: from the first line that a raised number opens (in the lower part
 * of the page) to the end of the page. A footnote's later lines are joined to it.
 */
export function takeFootnotes(
  pages: readonly PdfPage[],
  lines: PdfLine[][],
): { lines: PdfLine[][]; footnotes: RawFootnote[] } {
  const footnotes: RawFootnote[] = [];
  const body = lines.map((ls, i) => {
    const height = pages[i]?.height ?? 842;
    const start = ls.findIndex((l) => l.note !== null && l.y < height * 0.6);
    if (start < 0) return ls;
    let open: RawFootnote | null = null;
    for (const l of ls.slice(start)) {
      const text = l.text.replace(/\[footnoteRef:\d+\]/g, '').trim();
      if (l.note !== null) {
        open = { number: l.note, text, source: `page ${l.page}` };
        footnotes.push(open);
      } else if (open) open.text = joinText(open.text, text);
    }
    return ls.slice(0, start);
  });
  return { lines: body, footnotes };
}

const CONTENTS_TITLE_RE = /^(?:目录|目次|CONTENTS|Contents)$/;
/** "第一章 发展基础……3", "序言 1": an entry ending in its page number, after leaders or a gap. */
const ENTRY_RE = /(?:[.…·．_\-—]{2,}\s*|\s{2,}|\s)\d{1,4}$/;

function isEntry(l: PdfLine, right: number): boolean {
  return ENTRY_RE.test(l.text) && l.x1 >= right - l.size * 3 && compact(l.text).length <= 80;
}

/**
 * The contents (目录) at the front: pages among the first fifteen whose lines are mostly entries ending
 * in a page number at the right margin, the first of them titled 目录 or set with leader dots.
 */
export function takeContents(
  lines: PdfLine[][],
  right: number,
): { lines: PdfLine[][]; skipped: { source: string; entries: number } | null } {
  let first = -1;
  let last = -1;
  let entries = 0;
  for (let i = 0; i < Math.min(lines.length, 15); i++) {
    const ls = lines[i] ?? [];
    const n = ls.filter((l) => isEntry(l, right)).length;
    const titled = ls.slice(0, 3).some((l) => CONTENTS_TITLE_RE.test(compact(l.text)));
    const dotted = ls.filter((l) => /[.…·．]{4,}\s*\d{1,4}$/.test(l.text)).length >= 5;
    const mostly = n >= 4 && n >= (ls.length - (titled ? 1 : 0)) * 0.6;
    if (mostly && (first >= 0 || titled || dotted)) {
      if (first < 0) first = i;
      last = i;
      entries += n;
    } else if (first >= 0) break;
  }
  if (first < 0) return { lines, skipped: null };
  const page = lines[first]?.[0]?.page ?? first + 1;
  return {
    lines: lines.map((ls, i) => (i >= first && i <= last ? [] : ls)),
    skipped: { source: `page ${page}`, entries },
  };
}
