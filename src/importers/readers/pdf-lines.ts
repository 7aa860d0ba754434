import type { Glyph, PdfPage } from './pdf-text-layer.ts';

/**
 * Lines of a PDF page from its glyphs: glyphs on one baseline make a line; small raised digits are
 * footnote marks — a reference inside the line they sit on, or the number of a footnote when they open
 * a line at the margin. Spaces the PDF puts between Chinese and Latin characters (typographic spacing,
 * not in the source text) are dropped; runs far apart (table cells, leader gaps) stay apart.
 */

/** A visible character with its horizontal extent (PDF units). */
export interface LineGlyph {
  ch: string;
  x: number;
  w: number;
}

export interface PdfLine {
  page: number;
  /** Baseline (PDF units, y up). */
  y: number;
  size: number;
  x0: number;
  x1: number;
  /** Visible characters left to right, footnote marks excluded. */
  glyphs: LineGlyph[];
  /** Runs separated by gaps wider than two characters. */
  runs: string[];
  /** The runs joined by four spaces; footnote references as [footnoteRef:N]. */
  text: string;
  /** Set when a raised footnote number opens the line at the margin: the line starts footnote N. */
  note: number | null;
}

const CJK_RE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…·]/;
const ASCII_WORD_RE = /[A-Za-z0-9]/;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The size most characters of the document are set in (the body text). */
export function bodySizeOf(pages: readonly PdfPage[]): number {
  const counts = new Map<number, number>();
  for (const p of pages)
    for (const g of p.glyphs) {
      if (g.ch.trim() === '') continue;
      const k = Math.round(g.size * 2) / 2;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  let best = 0;
  let most = -1;
  for (const [k, n] of counts) if (n > most) [best, most] = [k, n];
  return best || 12;
}

/** Glyphs on one baseline, left to right. */
function rowsOf(glyphs: readonly Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Glyph[][] = [];
  let cur: Glyph[] = [];
  let y = Infinity;
  for (const g of sorted) {
    if (cur.length > 0 && Math.abs(y - g.y) > Math.max(2, g.size * 0.35)) {
      rows.push(cur);
      cur = [];
    }
    if (cur.length === 0) y = g.y;
    cur.push(g);
  }
  if (cur.length > 0) rows.push(cur);
  for (const r of rows) r.sort((a, b) => a.x - b.x);
  return rows;
}

/** A space glyph drawn under a character of another font (quotes) is a placeholder: it goes. */
function visibleOrSpacing(row: readonly Glyph[]): Glyph[] {
  return row.filter(
    (g) =>
      g.ch.trim() !== '' ||
      !row.some((o) => o !== g && o.ch.trim() !== '' && o.x < g.x + g.w - 0.5 && o.x + o.w > g.x + 0.5),
  );
}

interface Mark {
  number: number;
  x: number;
}

/** Joins the characters of one run: a space only between two Latin/digit characters set apart. */
function runText(glyphs: readonly Glyph[]): string {
  let out = '';
  let end = -Infinity;
  let spaced = false;
  for (const g of glyphs) {
    if (g.w === 0 && g.ch.startsWith('[footnoteRef:')) {
      out += g.ch;
      continue;
    }
    if (g.ch.trim() === '') {
      spaced = out !== '';
      continue;
    }
    const prev = out.replace(/\[footnoteRef:\d+\]$/, '').slice(-1);
    const gap = g.x - end;
    if (
      out !== '' &&
      (spaced || gap > g.size * 0.25) &&
      !CJK_RE.test(prev) &&
      !CJK_RE.test(g.ch) &&
      (ASCII_WORD_RE.test(prev) || ASCII_WORD_RE.test(g.ch))
    )
      out += ' ';
    out += g.ch;
    end = Math.max(end, g.x + g.w);
    spaced = false;
  }
  return out;
}

function buildLine(page: number, row: readonly Glyph[], marks: readonly Mark[]): PdfLine | null {
  const kept = visibleOrSpacing(row);
  const visible = kept.filter((g) => g.ch.trim() !== '');
  if (visible.length === 0) return null;
  const size = median(visible.map((g) => g.size));
  const x0 = visible[0]?.x ?? 0;
  const opening = marks.find((m) => m.x < x0 - size * 0.1);
  const inside = marks.filter((m) => m !== opening).sort((a, b) => a.x - b.x);
  const runs: string[] = [];
  let run: Glyph[] = [];
  let end = -Infinity;
  let markAt = 0;
  const flush = (): void => {
    const t = runText(run);
    if (t !== '') runs.push(t);
    run = [];
  };
  for (const g of kept) {
    if (g.ch.trim() !== '' && run.some((r) => r.ch.trim() !== '') && g.x - end > size * 2) flush();
    while (markAt < inside.length && (inside[markAt]?.x ?? 0) <= g.x + g.w / 2) {
      const m = inside[markAt++];
      if (m) run.push({ ...g, ch: `[footnoteRef:${m.number}]`, w: 0 });
    }
    run.push(g);
    if (g.ch.trim() !== '') end = Math.max(end, g.x + g.w);
  }
  for (; markAt < inside.length; markAt++) {
    const m = inside[markAt];
    if (m) run.push({ ch: `[footnoteRef:${m.number}]`, x: end, y: 0, w: 0, size, font: '' });
  }
  flush();
  return {
    page,
    y: row[0]?.y ?? 0,
    size,
    x0,
    x1: Math.max(...visible.map((g) => g.x + g.w)),
    glyphs: visible.map((g) => ({ ch: g.ch, x: g.x, w: g.w })),
    runs,
    text: runs.join('    '),
    note: opening?.number ?? null,
  };
}

/** Groups of raised small digits (footnote marks) in a row, by horizontal gaps. */
function markGroups(row: readonly Glyph[]): { text: string; x: number; y: number; size: number }[] | null {
  const out: { text: string; x: number; y: number; size: number }[] = [];
  let end = -Infinity;
  for (const g of row) {
    if (g.ch.trim() === '') continue;
    if (!/\d/.test(g.ch)) return null;
    const last = out[out.length - 1];
    if (last && g.x - end < g.size) last.text += g.ch;
    else out.push({ text: g.ch, x: g.x, y: g.y, size: g.size });
    end = g.x + g.w;
  }
  return out.length > 0 && out.every((m) => m.text.length <= 3) ? out : null;
}

/** The lines of a page, top to bottom, with footnote marks resolved. */
export function linesOf(page: PdfPage, bodySize: number): PdfLine[] {
  const rows = rowsOf(page.glyphs);
  const marks = new Map<Glyph[], Mark[]>();
  const isMarkRow = new Set<Glyph[]>();
  rows.forEach((row, i) => {
    const visible = row.filter((g) => g.ch.trim() !== '');
    if (visible.length === 0 || median(visible.map((g) => g.size)) > bodySize * 0.8) return;
    const groups = markGroups(visible);
    if (!groups) return;
    // The line it is raised above: the next row down, within its height, in larger type.
    const host = rows
      .slice(i + 1, i + 3)
      .find((h) => h.length > 0 && (h[0]?.y ?? 0) < (row[0]?.y ?? 0) && (h[0]?.size ?? 0) >= bodySize * 0.9);
    const hy = host?.[0]?.y ?? -Infinity;
    const rise = (row[0]?.y ?? 0) - hy;
    if (!host || rise <= 0 || rise > (host[0]?.size ?? 0) * 0.9) return;
    isMarkRow.add(row);
    const list = marks.get(host) ?? [];
    for (const g of groups) list.push({ number: Number(g.text), x: g.x });
    marks.set(host, list);
  });
  const out: PdfLine[] = [];
  for (const row of rows) {
    if (isMarkRow.has(row)) continue;
    const line = buildLine(page.number, row, marks.get(row) ?? []);
    if (line) out.push(line);
  }
  return out;
}
