import { compact, matchHeading } from '../patterns.ts';
import type { LineGlyph, PdfLine } from './pdf-lines.ts';
import { median } from './pdf-lines.ts';

/**
 * Tables rebuilt from where their characters sit. Columns are the horizontal bands that text occupies,
 * separated by gutters no line crosses; rows are cut where the vertical gap between lines is wider
 * than the line spacing inside a cell (cells carry padding). A category cell merged over several rows
 * and centred in them is given to the first row of its block; a row broken over a page is joined
 * again; a header repeated at the top of each page is read once.
 */

export interface PageGeometry {
  left: number;
  right: number;
  bodySize: number;
  /** Baseline-to-baseline distance of body text lines. */
  pitch: number;
}

const CAPTION_RE = /^(?:表|专栏|图)\s*\d{1,3}(?!\s*[（(]?续)/;
const CONTINUED_RE = /^(?:续表\s*\d{0,3}|表\s*\d{1,3}\s*[（(]续[）)].*)$/;
const NOTE_RE = /^(?:注|备注|说明|资料来源|数据来源)\s*\d?\s*[：:]/;

/** A line after which no table goes on: a heading, another caption, notes, or a paragraph of body text. */
export function endsTable(l: PdfLine, g: PageGeometry): boolean {
  const t = compact(l.text);
  if (CONTINUED_RE.test(t)) return false;
  if (l.size > g.bodySize * 1.1 || matchHeading(l.text) !== null) return true;
  if (CAPTION_RE.test(t) || NOTE_RE.test(t)) return true;
  return (
    l.runs.length === 1 &&
    l.x0 <= g.left + g.bodySize * 2.5 &&
    l.x1 - l.x0 >= (g.right - g.left) * 0.7 &&
    /[，。；：]/.test(t)
  );
}

export function isContinuedCaption(l: PdfLine): boolean {
  return CONTINUED_RE.test(compact(l.text));
}

/** A row of a rebuilt table and the page it starts on. */
export interface TableRow {
  cells: string[];
  page: number;
}

interface CellLine {
  page: number;
  y: number;
  cells: string[];
  /** Only the first column has text on this line. */
  firstOnly: boolean;
}

/** Text bands across all lines: [start, end] of each column. */
function columnsOf(lines: readonly PdfLine[], size: number): [number, number][] {
  const xs = lines.flatMap((l) => l.glyphs);
  if (xs.length === 0) return [];
  const min = Math.floor(Math.min(...xs.map((g) => g.x)));
  const max = Math.ceil(Math.max(...xs.map((g) => g.x + g.w)));
  const cover = new Int32Array(max - min + 2);
  for (const l of lines) {
    const mark = new Uint8Array(max - min + 2);
    for (const g of l.glyphs)
      for (let x = Math.floor(g.x + 0.5) - min; x < Math.ceil(g.x + g.w - 0.5) - min; x++) mark[x] = 1;
    for (let x = 0; x < mark.length; x++) cover[x] = (cover[x] ?? 0) + (mark[x] ?? 0);
  }
  // A line spanning the table (a note row) does not close a gutter the other lines leave open.
  const floor = Math.floor(lines.length * 0.03);
  const bands: [number, number][] = [];
  for (let x = 0; x < cover.length; x++) {
    if ((cover[x] ?? 0) <= floor) continue;
    const last = bands[bands.length - 1];
    if (last && x + min - last[1] < size * 0.4) last[1] = x + min + 1;
    else bands.push([x + min, x + min + 1]);
  }
  return bands;
}

function cellText(glyphs: readonly LineGlyph[], size: number): string {
  let out = '';
  let end = -Infinity;
  for (const g of glyphs) {
    const prev = out.slice(-1);
    if (out !== '' && g.x - end > size * 0.25 && /[A-Za-z0-9%]/.test(prev) && /[A-Za-z0-9]/.test(g.ch))
      out += ' ';
    out += g.ch;
    end = g.x + g.w;
  }
  return out;
}

function joinLines(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

function cellLines(lines: readonly PdfLine[], bands: readonly [number, number][]): CellLine[] {
  const cuts = bands.slice(1).map((b, i) => ((bands[i]?.[1] ?? 0) + b[0]) / 2);
  const column = (x: number): number => {
    let c = 0;
    while (c < cuts.length && x >= (cuts[c] ?? Infinity)) c++;
    return c;
  };
  return lines.map((l) => {
    const per: LineGlyph[][] = bands.map(() => []);
    for (const g of l.glyphs) per[column(g.x + g.w / 2)]?.push(g);
    const cells = per.map((gs) => cellText(gs, l.size));
    return { page: l.page, y: l.y, cells, firstOnly: cells.every((c, i) => (i === 0) === (c !== '')) };
  });
}

/** Cuts one page's lines into rows; first-column cells off the line grid go to the first row of their block. */
function rowsOfPage(lines: CellLine[], pitch: number, firstBody: number): string[][] {
  const sorted = [...lines].sort((a, b) => b.y - a.y);
  const offGrid = new Set<CellLine>();
  sorted.forEach((l, i) => {
    const up = i > 0 ? (sorted[i - 1]?.y ?? 0) - l.y : Infinity;
    const down = i + 1 < sorted.length ? l.y - (sorted[i + 1]?.y ?? 0) : Infinity;
    if (l.firstOnly && (up < pitch * 0.85 || down < pitch * 0.85)) offGrid.add(l);
  });
  const grid = sorted.filter((l) => !offGrid.has(l));
  const rows: CellLine[][] = [];
  for (const [i, l] of grid.entries()) {
    const prev = grid[i - 1];
    if (!prev || prev.y - l.y > pitch * 1.1 + 0.5) rows.push([l]);
    else rows[rows.length - 1]?.push(l);
  }
  const width = lines[0]?.cells.length ?? 0;
  const out = rows.map((r) => {
    const cells: string[] = Array.from({ length: width }, () => '');
    for (const l of r) l.cells.forEach((c, k) => (cells[k] = joinLines(cells[k] ?? '', c)));
    return cells;
  });
  const spans = rows.map((r): [number, number] => [r[0]?.y ?? 0, r[r.length - 1]?.y ?? 0]);
  placeCentred([...offGrid], spans, out, pitch, Math.min(firstBody, Math.max(0, rows.length - 1)));
  return out;
}

/**
 * Merged first-column cells centred over their rows: a block of rows is centred on its cell, so it ends
 * as far below the cell's middle as it starts above it; the cell belongs to the block's first row.
 */
function placeCentred(
  cells: CellLine[],
  spans: readonly [number, number][],
  rows: string[][],
  pitch: number,
  firstBody: number,
): void {
  if (spans.length === 0) return;
  const groups: CellLine[][] = [];
  for (const c of cells) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && prev.y - c.y <= pitch * 1.1 + 0.5) last.push(c);
    else groups.push([c]);
  }
  /** The y between row r and the row after it (below the last row: its last line less a pitch). */
  const below = (r: number): number => {
    const here = spans[r]?.[1] ?? 0;
    const next = spans[r + 1]?.[0];
    return next === undefined ? here - pitch * 0.6 : (here + next) / 2;
  };
  const above = (r: number): number => (r > 0 ? below(r - 1) : (spans[0]?.[0] ?? 0) + pitch * 0.8);
  let start = firstBody;
  for (const g of groups) {
    const centre = ((g[0]?.y ?? 0) + (g[g.length - 1]?.y ?? 0)) / 2;
    const text = g.map((c) => c.cells[0] ?? '').reduce(joinLines, '');
    let first = Math.min(start, spans.length - 1);
    if (centre > above(first)) {
      // Above the block's start: the row it lies in.
      first = Math.max(
        0,
        spans.findIndex((_, r) => centre > below(r)),
      );
    } else {
      const bottom = 2 * centre - above(first);
      let end = first;
      for (let r = first; r < spans.length; r++)
        if (Math.abs(below(r) - bottom) < Math.abs(below(end) - bottom)) end = r;
      start = end + 1;
    }
    const row = rows[first];
    if (row) row[0] = joinLines(row[0] ?? '', text);
  }
}

/** Columns filled in nearly every row: a row without most of them is the rest of the row before it. */
function keyColumns(rows: readonly string[][]): number[] {
  const width = rows[0]?.length ?? 0;
  const keys: number[] = [];
  for (let k = 0; k < width; k++)
    if (rows.filter((r) => (r[k] ?? '') !== '').length >= rows.length * 0.9) keys.push(k);
  return keys;
}

/**
 * The table the lines hold, as rows of cells (the first row is the header), or null when they do not
 * fall into at least two columns.
 */
export function buildTable(
  lines: readonly PdfLine[],
  pitchOfBody: number,
  bodySize: number,
): TableRow[] | null {
  const body = lines.filter((l) => !isContinuedCaption(l));
  if (body.length < 2) return null;
  const size = median(body.map((l) => l.size)) || bodySize;
  const bands = columnsOf(body, size);
  if (bands.length < 2) return null;
  const cl = cellLines(body, bands);
  const gaps: number[] = [];
  for (let i = 1; i < cl.length; i++) {
    const a = cl[i - 1];
    const b = cl[i];
    if (a && b && a.page === b.page && a.y - b.y >= size * 0.9) gaps.push(a.y - b.y);
  }
  // The spacing inside a cell: the closest lines, but no wider than body text scaled to the table's size.
  const pitch = Math.min(gaps.length > 0 ? Math.min(...gaps) : Infinity, (pitchOfBody * size) / bodySize);
  let header: string[] | null = null;
  const rows: { cells: string[]; page: number; pageStart: boolean }[] = [];
  for (const p of [...new Set(cl.map((l) => l.page))]) {
    let page = rowsOfPage(
      cl.filter((l) => l.page === p),
      pitch,
      header === null ? 1 : 0,
    );
    if (header === null) header = page[0] ?? null;
    else if (page[0] && compact(page[0].join('|')) === compact(header.join('|'))) page = page.slice(1);
    page.forEach((cells, i) => rows.push({ cells, page: p, pageStart: i === 0 && rows.length > 0 }));
  }
  // A row broken over a page: its part on the new page lacks most of the columns every row fills.
  const keys = keyColumns(rows.slice(1).map((r) => r.cells));
  const out: TableRow[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    const empty = keys.filter((k) => (r.cells[k] ?? '') === '').length;
    if (r.pageStart && prev && out.length > 1 && empty > keys.length / 2)
      r.cells.forEach((c, k) => (prev.cells[k] = joinLines(prev.cells[k] ?? '', c)));
    else out.push({ cells: [...r.cells], page: r.page });
  }
  return out;
}
