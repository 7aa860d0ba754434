import type { Block, RawFootnote, ReadResult } from '../blocks.ts';
import { para } from '../blocks.ts';
import { compact, endsParagraph, isStandalone, squash, TABLE_CAPTION_RE } from '../patterns.ts';
import { normaliseText } from '../normalise.ts';
import { analyseLayout, isIndented, reachesMargin, splitLine } from './line-layout.ts';
import { PAGE_NUMBER_RE, unwrapLines } from './line-unwrap.ts';

interface OpenPara {
  text: string;
  /** The last source line of the paragraph as it was (for the wrap width). */
  raw: string;
  line: number;
  refs: number[];
  hint: number | null;
}

interface OpenTable {
  line: number;
  rows: string[][];
  rowSources: string[];
  cells: string[];
  rowLine: number;
  lastWasCell: boolean;
  /** Cells in the header of a table laid out as space-separated columns; 0 for tab-led tables. */
  width: number;
}

/** A line of a table laid out in columns separated by runs of spaces (or tabs between cells). */
function spacedRow(line: string, width: number): string[] | null {
  const wide = line
    .split(/\t+|[ \u3000]{2,}/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (wide.length >= 3 && (width === 0 || wide.length <= width)) return wide;
  if (width > 0) {
    const narrow = line.split(/[\s\u3000]+/).filter((c) => c !== '');
    if (narrow.length === width || narrow.length === width - 1) return narrow;
  }
  if (width === 0) {
    const narrow = line.split(/[\s\u3000]+/).filter((c) => c !== '');
    // A header row in single spaces: short cells that name the columns.
    if (narrow.length >= 3 && narrow.length <= 8 && narrow.every((c) => c.length <= 10) && /指标/.test(line))
      return narrow;
  }
  return null;
}

const BOOKMARK_RE = /\[bookmark:[^\]]*\]/g;
const LEVEL_HINT_RE = /_WPSOffice_Level(\d)/;
const FOOTNOTE_REF_RE = /\[footnoteRef:\s*(\d+)\]/g;
const FOOTNOTE_BODY_RE = /\[(\d{1,4}):/;
const IMAGE_INLINE_RE = /\[image:[^\]]*\]/g;
const STRAY_IMAGE_TAIL_RE = /^\s*(?:描述已自动生成|自动生成的描述)?\]\s*$/;
const HEADING_NUMBER_ONLY_RE = /^第[^篇章节\s]{1,6}[篇章节]$/;

/**
 * Reads a plan converted from .docx to plain text. Removes the conversion artefacts (bookmarks, image
 * alt text, page numbers), lifts footnote bodies out of the text, joins lines broken mid-sentence and
 * reads tab-indented tables (one cell a line, rows separated by blank lines, cells wrapping onto the
 * next line) that follow a "表N" caption.
 */
export function readTxt(text: string): ReadResult {
  const rawLines = text.split(/\r\n|\r|\n/);
  const rawLayout = analyseLayout(rawLines);
  // Hard wraps undone first; the running titles are those of the text as it came (they may sit between
  // the pieces of a wrapped line, which the unwrapping drops).
  const entries = unwrapLines(rawLines, rawLayout);
  const lines = entries.map((e) => e.text);
  const blocks: Block[] = [];
  const footnotes: RawFootnote[] = [];
  const warnings: ReadResult['warnings'] = [];
  let cur: OpenPara | null = null;
  let table: OpenTable | null = null;
  let footnote: { number: number; parts: string[]; line: number } | null = null;
  let inImage = false;
  let pendingNumber: { text: string; line: number; hint: number | null } | null = null;
  const layout =
    rawLayout.wrapWidth === null ? rawLayout : { ...analyseLayout(lines), running: rawLayout.running };
  /** Whether the open paragraph goes on into the next line. */
  const continues = (open: OpenPara): boolean =>
    layout.punctuated
      ? !endsParagraph(open.text) || reachesMargin(layout, open.raw)
      : reachesMargin(layout, open.raw);

  const emitBreak = (line: number): void => {
    const last = blocks[blocks.length - 1];
    if (last && last.type !== 'break') blocks.push({ type: 'break', source: `line ${line}` });
  };
  const flush = (): void => {
    if (cur) {
      blocks.push(
        para(normaliseText(cur.text), `line ${cur.line}`, { levelHint: cur.hint, footnoteRefs: cur.refs }),
      );
      cur = null;
    }
  };
  const endRow = (t: OpenTable): void => {
    if (t.cells.length > 0) {
      t.rows.push(t.cells);
      t.rowSources.push(`line ${t.rowLine}`);
      t.cells = [];
    }
  };
  const endTable = (): void => {
    if (!table) return;
    endRow(table);
    if (table.rows.length > 0) {
      blocks.push({
        type: 'table',
        rows: table.rows,
        rowSources: table.rowSources,
        source: `line ${table.line}`,
      });
    }
    table = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const n = entries[i]?.line ?? i + 1;
    let line = lines[i] ?? '';
    let consumed = false;

    if (footnote) {
      const close = line.indexOf(']');
      if (close < 0) {
        footnote.parts.push(line.trim());
        continue;
      }
      footnote.parts.push(line.slice(0, close).trim());
      footnotes.push({
        number: footnote.number,
        text: footnote.parts.join('').trim(),
        source: `line ${footnote.line}`,
      });
      footnote = null;
      line = line.slice(close + 1);
      consumed = true;
    }
    if (inImage) {
      const close = line.indexOf(']');
      if (close < 0) continue;
      inImage = false;
      line = line.slice(close + 1);
      consumed = true;
    }

    const hintMatch = LEVEL_HINT_RE.exec(line);
    const hint = hintMatch ? Number(hintMatch[1]) : null;
    line = line.replace(BOOKMARK_RE, '').replace(IMAGE_INLINE_RE, '');
    const imageOpen = line.indexOf('[image:');
    if (imageOpen >= 0) {
      line = line.slice(0, imageOpen);
      inImage = true;
      consumed = true;
    }
    const refs: number[] = [];
    line = line.replace(FOOTNOTE_REF_RE, (_m, d: string) => {
      refs.push(Number(d));
      return '';
    });
    // Footnote bodies ("[N:  text]"), possibly several on a line, the last possibly open.
    for (;;) {
      const m = FOOTNOTE_BODY_RE.exec(line);
      if (!m) break;
      const start = m.index;
      const close = line.indexOf(']', start);
      const number = Number(m[1]);
      if (close < 0) {
        footnote = { number, parts: [line.slice(start + m[0].length).trim()], line: n };
        line = line.slice(0, start);
        consumed = true;
        break;
      }
      footnotes.push({ number, text: line.slice(start + m[0].length, close).trim(), source: `line ${n}` });
      line = line.slice(0, start) + line.slice(close + 1);
      consumed = true;
    }
    if (STRAY_IMAGE_TAIL_RE.test(line) && line.trim() !== '') continue;
    const trimmed = line.trim();
    if (consumed && trimmed === '') continue;

    if (table) {
      const t: OpenTable = table;
      if (trimmed === '' && !line.includes('\t')) {
        endRow(t);
        t.lastWasCell = false;
        continue;
      }
      if (/^[ \u3000]*\t/.test(line)) {
        if (t.cells.length === 0) t.rowLine = n;
        t.cells.push(squash(line));
        t.lastWasCell = true;
        continue;
      }
      const spaced = spacedRow(trimmed, t.width);
      if (spaced && (t.rows.length === 0 || t.width > 0) && !(t.lastWasCell && t.width === 0)) {
        endRow(t);
        if (t.width === 0) t.width = spaced.length;
        // A row whose first cells are empty (the category carried down) lines up on the right.
        const padded =
          spaced.length < t.width ? [...Array<string>(t.width - spaced.length).fill(''), ...spaced] : spaced;
        t.rows.push(padded);
        t.rowSources.push(`line ${n}`);
        t.lastWasCell = false;
        continue;
      }
      if (t.lastWasCell) {
        const last = t.cells.length - 1;
        t.cells[last] = (t.cells[last] ?? '') + squash(line);
        continue;
      }
      endTable();
    }

    if (trimmed === '') {
      const openPara: OpenPara | null = cur;
      if (openPara === null) emitBreak(n);
      else if (!continues(openPara)) {
        flush();
        emitBreak(n);
      }
      continue;
    }
    if (PAGE_NUMBER_RE.test(trimmed) || layout.running.has(compact(trimmed))) continue;
    const pieces = splitLine(line);
    pieces.forEach((piece, k) => {
      const text = piece.text.trim();
      if (text === '') return;
      const pieceRefs = k === 0 ? refs : [];
      if (pendingNumber) {
        const pn = pendingNumber;
        pendingNumber = null;
        // "第一章" alone on a line, its title on the next (copied from a PDF viewer).
        if (!piece.heading && text.length <= 40 && !/[，。；]/.test(text)) {
          blocks.push(para(`${pn.text} ${squash(text)}`, `line ${pn.line}`, { levelHint: pn.hint }));
          return;
        }
        blocks.push(para(pn.text, `line ${pn.line}`, { levelHint: pn.hint }));
      }
      if (piece.heading && HEADING_NUMBER_ONLY_RE.test(text)) {
        flush();
        pendingNumber = { text, line: n, hint };
        return;
      }
      if (piece.heading || isStandalone(text)) {
        flush();
        blocks.push(para(squash(text), `line ${n}`, { levelHint: hint, footnoteRefs: pieceRefs }));
        if (TABLE_CAPTION_RE.test(squash(text))) {
          table = {
            line: n + 1,
            rows: [],
            rowSources: [],
            cells: [],
            rowLine: n + 1,
            lastWasCell: false,
            width: 0,
          };
        }
        return;
      }
      const open: OpenPara | null = cur;
      if (open && k === 0 && continues(open) && !(layout.wrapWidth !== null && isIndented(line))) {
        open.text += text;
        open.raw = line;
        open.refs.push(...pieceRefs);
        return;
      }
      flush();
      cur = { text, line: n, refs: pieceRefs, hint, raw: pieces.length > 1 ? '' : line };
    });
  }
  if (pendingNumber) {
    const pn: { text: string; line: number; hint: number | null } = pendingNumber;
    blocks.push(para(pn.text, `line ${pn.line}`, { levelHint: pn.hint }));
  }
  if (footnote !== null) {
    const f: { number: number; parts: string[]; line: number } = footnote;
    warnings.push({ source: `line ${f.line}`, message: `footnote ${f.number} is not closed with "]"` });
    footnotes.push({ number: f.number, text: f.parts.join('').trim(), source: `line ${f.line}` });
  }
  endTable();
  flush();
  return { blocks, footnotes, sourceUnit: 'line', warnings };
}
