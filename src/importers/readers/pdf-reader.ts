import type { RawFootnote, ReadResult } from '../blocks.ts';
import { compact, TABLE_CAPTION_RE } from '../patterns.ts';
import { dropRunning, takeContents, takeFootnotes } from './pdf-furniture.ts';
import type { PdfLine } from './pdf-lines.ts';
import { bodySizeOf, linesOf, median } from './pdf-lines.ts';
import type { PageGeometry } from './pdf-tables.ts';
import { buildTable, endsTable } from './pdf-tables.ts';
import type { PdfPage } from './pdf-text-layer.ts';
import { readTextLayer } from './pdf-text-layer.ts';
import { readTxt } from './txt-reader.ts';

/**
 * Reads a PDF through its layout: lines from glyph positions; running titles, page numbers, footnotes
 * and contents pages taken out; lines rejoined into paragraphs by geometry (a line reaching the right
 * margin goes on into the next unless that one is indented, set apart by paragraph spacing, or a
 * heading — larger, or centred); captioned tables rebuilt cell by cell. The result is laid out as the
 * .txt reader's input (one line a paragraph, tables one cell a line after their caption) and read by
 * it, so one set of rules recognises the plan in every format; sources are "page N".
 */

export interface PdfLayout {
  text: string;
  lineToPage: number[];
  footnotes: RawFootnote[];
  contentsSkipped: { source: string; entries: number } | null;
}

function geometryOf(lines: readonly PdfLine[], bodySize: number): PageGeometry {
  const body = lines.filter((l) => Math.abs(l.size - bodySize) < 0.5);
  const left = median(body.map((l) => Math.round(l.x0)));
  const right = median(body.filter((l) => l.x1 > left + bodySize * 20).map((l) => Math.round(l.x1)));
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1];
    const b = body[i];
    if (a && b && a.page === b.page && a.y - b.y >= bodySize && a.y - b.y <= bodySize * 2)
      gaps.push(Math.round((a.y - b.y) * 2) / 2);
  }
  const counts = new Map<number, number>();
  for (const g of gaps) counts.set(g, (counts.get(g) ?? 0) + 1);
  let pitch = bodySize * 1.2;
  let most = 0;
  for (const [g, n] of counts) if (n > most) [pitch, most] = [g, n];
  return { left, right: right || left + bodySize * 35, bodySize, pitch };
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

function isHeadingLike(l: PdfLine, g: PageGeometry): boolean {
  const centred =
    l.x0 > g.left + g.bodySize * 3 && Math.abs(l.x0 - g.left - (g.right - l.x1)) < g.bodySize * 2;
  return (
    l.size > g.bodySize * 1.15 || centred || /^第\s*[0-9一二三四五六七八九十百]{1,6}\s*[篇章节]/.test(l.text)
  );
}

function isCaption(l: PdfLine): boolean {
  const t = l.text.replace(/\[footnoteRef:\d+\]/g, '').trim();
  return TABLE_CAPTION_RE.test(t) && compact(t).length <= 60 && !/[。；]$/.test(t);
}

/** Lays the pages out as text: one line per paragraph or heading, tables one cell a line. */
export function layoutText(pages: readonly PdfPage[]): PdfLayout {
  const bodySize = bodySizeOf(pages);
  const running = dropRunning(
    pages,
    pages.map((p) => linesOf(p, bodySize)),
  );
  const { lines: noNotes, footnotes } = takeFootnotes(pages, running);
  const g = geometryOf(noNotes.flat(), bodySize);
  const { lines: perPage, skipped } = takeContents(noNotes, g.right);
  const body = perPage.flat();
  const out: string[] = [];
  const lineToPage: number[] = [];
  const emit = (text: string, page: number): void => {
    out.push(text);
    lineToPage.push(page);
  };
  let open: PdfLine | null = null;
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    if (!l) continue;
    if (isCaption(l)) {
      emit(l.text, l.page);
      open = null;
      let end = i + 1;
      while (end < body.length && body[end] && !endsTable(body[end] as PdfLine, g)) end++;
      const lines = body.slice(i + 1, end);
      const rows = buildTable(lines, g.pitch, bodySize);
      if (rows) {
        rows.forEach((r, k) => {
          for (const cell of r.cells) emit(`\t${cell}`, r.page);
          if (k < rows.length - 1) emit('', r.page);
        });
        emit('', lines[lines.length - 1]?.page ?? l.page);
        i = end - 1;
      }
      continue;
    }
    const prev: PdfLine | null = open;
    const spaced = prev !== null && prev.page === l.page && prev.y - l.y > g.pitch * 1.3;
    const joins =
      prev !== null &&
      !spaced &&
      l.runs.length === 1 &&
      prev.runs.length === 1 &&
      !isHeadingLike(l, g) &&
      !isHeadingLike(prev, g) &&
      Math.abs(l.size - prev.size) < 0.5 &&
      prev.x1 >= g.right - bodySize * 1.5 &&
      l.x0 <= g.left + bodySize * 0.8;
    if (joins) out[out.length - 1] = joinText(out[out.length - 1] ?? '', l.text);
    else emit(l.text, l.page);
    open = l;
  }
  return { text: out.join('\n'), lineToPage, footnotes, contentsSkipped: skipped };
}

/** Reads a .pdf with a text layer into blocks (sources are "page N"). */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const pages = await readTextLayer(bytes);
  const { text, lineToPage, footnotes, contentsSkipped } = layoutText(pages);
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
    footnotes: [...read.footnotes.map((f) => ({ ...f, source: toPage(f.source) })), ...footnotes],
    sourceUnit: 'page',
    warnings: read.warnings.map((w) => ({ ...w, source: w.source === null ? null : toPage(w.source) })),
    contentsSkipped,
  };
}
