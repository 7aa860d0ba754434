import { compact, NUMERAL_CHARS, squash, TABLE_CAPTION_RE } from '../patterns.ts';
import type { TextLayout } from './line-layout.ts';

/**
 * Undoes the hard wraps of text copied out of a narrow PDF column before it is read: the column cut
 * every line at the same width whatever it held — inside a heading's title, between 第十 and 二章,
 * inside the plan's title, inside a number — so each run of full-width lines is glued back into the
 * line it was, its page furniture (page numbers, running titles, blank lines at a page break) dropped
 * from between the pieces. The reader then sees the text as it was before the wrap and cuts headings
 * from bodies as usual, so a heading's title that went on into the next line gets all of it and the
 * body after it stays body.
 */

export interface SourceLine {
  text: string;
  /** The source line (1-based) the text starts on. */
  line: number;
}

export const PAGE_NUMBER_RE =
  /^(?:\d{1,4}|[-—–－·•]\s*\d{1,4}\s*[-—–－·•]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

const GAP = '[ \\u3000]';
/** `第 三 章`, `第 十 二 节`: a heading number with the viewer's spaces between its characters. */
const SPACED_NUMBER_RE = new RegExp(`第(?:${GAP}*[${NUMERAL_CHARS}]){1,6}${GAP}*[篇章节]`, 'g');
const HEADING_START_RE = new RegExp(`^第[${NUMERAL_CHARS}]{1,6}[篇章节](?:${GAP}|$)`);
/** Lines of page furniture held between two pieces of a wrapped line before giving up on the join. */
const MAX_HELD = 6;

/** `第 十 二 章` → `第十二章` (only heading numbers; other spaces are left to the reader). */
export function closeHeadingNumbers(line: string): string {
  return line.replace(SPACED_NUMBER_RE, (m) => (/[ \u3000]/.test(m) ? m.replace(/[ \u3000]+/g, '') : m));
}

/** The line fills the column: counted with its spaces, since in the column they took room too. */
function fillsColumn(line: string, width: number): boolean {
  return [...line].length >= width - 1;
}

export function unwrapLines(lines: string[], layout: TextLayout): SourceLine[] {
  const width = layout.wrapWidth;
  const out: SourceLine[] = [];
  if (width === null) return lines.map((l, i) => ({ text: closeHeadingNumbers(l), line: i + 1 }));
  let open: { entry: SourceLine; last: string } | null = null;
  let held: SourceLine[] = [];
  let inTable = false;
  const release = (): void => {
    out.push(...held);
    held = [];
    open = null;
  };
  lines.forEach((raw, i) => {
    const text = closeHeadingNumbers(raw);
    const line = i + 1;
    const t = text.trim();
    const furniture = t === '' || PAGE_NUMBER_RE.test(t) || layout.running.has(compact(t));
    if (t === '') inTable = false;
    const o: { entry: SourceLine; last: string } | null = open;
    if (o && furniture && held.length < MAX_HELD) {
      held.push({ text, line });
      return;
    }
    if (o && !furniture && !inTable && !text.includes('\t')) {
      // A heading at the very start of the next piece began a line of its own: keep it apart.
      const apart = HEADING_START_RE.test(text) && !/[ \u3000]$/.test(o.last);
      o.entry.text += (apart ? '\u3000\u3000' : '') + text;
      o.last = text;
      held = [];
      if (!fillsColumn(text, width)) open = null;
      return;
    }
    release();
    const entry = { text, line };
    out.push(entry);
    if (TABLE_CAPTION_RE.test(squash(t))) inTable = true;
    if (!furniture && !inTable && !text.includes('\t') && fillsColumn(text, width))
      open = { entry, last: text };
  });
  release();
  return out;
}
