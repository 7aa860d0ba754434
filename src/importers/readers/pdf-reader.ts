import type { ReadResult } from '../blocks.ts';
import type { Glyph, PdfPage } from './pdf-text-layer.ts';
import { readTextLayer } from './pdf-text-layer.ts';
import { readTxt } from './txt-reader.ts';

/**
 * Reads a PDF through its layout: lines from glyph positions, running headers, footers and page
 * numbers dropped, lines rejoined into paragraphs by geometry (a line reaching the right margin goes
 * on unless the next one is indented; headings — larger, or centred — stand alone), cells of a row
 * kept apart by wide gaps. The result is laid out as text and read like a .txt, with "page N" sources.
 */

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function linesOf(page: PdfPage): Line[] {
  const glyphs = [...page.glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Glyph[][] = [];
  for (const g of glyphs) {
    const row = rows.find((r) => Math.abs((r[0]?.y ?? 0) - g.y) <= Math.max(2, g.size * 0.35));
    if (row) row.push(g);
    else rows.push([g]);
  }
  const out: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    // A space glyph under a character drawn in another font (quotes) is a placeholder: drop it.
    const kept = row.filter(
      (g) =>
        g.ch.trim() !== '' ||
        !row.some((o) => o !== g && o.ch.trim() !== '' && o.x < g.x + g.w - 0.5 && o.x + o.w > g.x + 0.5),
    );
    let text = '';
    let end = -Infinity;
    for (const g of kept) {
      const gap = g.x - end;
      if (text !== '' && gap > g.size * 2) text += '    ';
      else if (text !== '' && gap > g.size * 0.6 && !text.endsWith(' ') && g.ch.trim() !== '') text += ' ';
      text += g.ch;
      end = Math.max(end, g.x + g.w);
    }
    const visible = kept.filter((g) => g.ch.trim() !== '');
    if (visible.length === 0) continue;
    out.push({
      text: text.trim(),
      x0: visible[0]?.x ?? 0,
      x1: Math.max(...visible.map((g) => g.x + g.w)),
      y: row[0]?.y ?? 0,
      size: median(visible.map((g) => g.size)),
      page: page.number,
    });
  }
  return out;
}

const PAGE_NUMBER_RE = /^(?:[-—–－·•]?\s*\d{1,4}\s*[-—–－·•]?|第\s*\d{1,4}\s*页.*|\d{1,4}\s*\/\s*\d{1,4})$/;

/** Drops page numbers and lines repeated at the top or bottom of many pages (running titles). */
function dropRunning(pages: PdfPage[], lines: Line[][]): Line[][] {
  const key = (l: Line): string => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  const edge = (l: Line, p: PdfPage): boolean => l.y > p.height * 0.92 || l.y < p.height * 0.08;
  lines.forEach((ls, i) => {
    const p = pages[i];
    if (!p) return;
    for (const l of new Set(ls.filter((x) => edge(x, p)).map(key))) counts.set(l, (counts.get(l) ?? 0) + 1);
  });
  const minRepeats = Math.max(3, Math.floor(pages.length * 0.3));
  return lines.map((ls, i) => {
    const p = pages[i];
    if (!p) return ls;
    return ls.filter(
      (l) => !(edge(l, p) && (PAGE_NUMBER_RE.test(l.text) || (counts.get(key(l)) ?? 0) >= minRepeats)),
    );
  });
}

/** Lays the pages out as text: one line per paragraph, heading or table row. */
export function layoutText(pages: PdfPage[]): { text: string; lineToPage: number[] } {
  const all = dropRunning(pages, pages.map(linesOf));
  const body = all.flat();
  const bodySize = median(body.map((l) => l.size));
  const left = median(body.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => Math.round(l.x0)));
  const right = median(
    body
      .filter((l) => Math.abs(l.size - bodySize) < 0.5 && l.x1 > left + bodySize * 20)
      .map((l) => Math.round(l.x1)),
  );
  const out: string[] = [];
  const lineToPage: number[] = [];
  let open: Line | null = null;
  const isHeadingLike = (l: Line): boolean => {
    const centred = l.x0 > left + bodySize * 3 && Math.abs(l.x0 - left - (right - l.x1)) < bodySize * 2;
    return (
      l.size > bodySize * 1.15 || centred || /^第\s*[0-9一二三四五六七八九十百]{1,6}\s*[篇章节]/.test(l.text)
    );
  };
  for (const l of body) {
    const prev: Line | null = open;
    const joins =
      prev !== null &&
      !l.text.includes('    ') &&
      !prev.text.includes('    ') &&
      !isHeadingLike(l) &&
      !isHeadingLike(prev) &&
      Math.abs(l.size - prev.size) < 0.5 &&
      prev.x1 >= right - bodySize * 1.5 &&
      l.x0 <= left + bodySize * 0.8;
    if (joins) {
      out[out.length - 1] += l.text;
    } else {
      out.push(l.text);
      lineToPage.push(l.page);
    }
    open = l;
  }
  return { text: out.join('\n'), lineToPage };
}

/** Reads a .pdf with a text layer into blocks (sources are "page N"). */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const pages = await readTextLayer(bytes);
  const { text, lineToPage } = layoutText(pages);
  const read = readTxt(text);
  const toPage = (source: string): string => {
    const m = /^line (\d+)$/.exec(source);
    return m ? `page ${lineToPage[Number(m[1]) - 1] ?? 1}` : source;
  };
  return {
    blocks: read.blocks.map((b) =>
      b.type === 'table'
        ? { ...b, source: toPage(b.source), rowSources: b.rowSources.map(toPage) }
        : { ...b, source: toPage(b.source) },
    ),
    footnotes: read.footnotes.map((f) => ({ ...f, source: toPage(f.source) })),
    sourceUnit: 'page',
    warnings: read.warnings.map((w) => ({ ...w, source: w.source === null ? null : toPage(w.source) })),
  };
}
