import { parseNumeral } from '../../domain/numerals.ts';
import { compact, NUMERAL_CHARS, squash } from '../patterns.ts';

/**
 * Line handling for text copied out of PDF viewers: headings run into their bodies, several headings
 * on one line, paragraphs separated only by runs of spaces, lines without sentence punctuation, hard
 * wraps at a fixed width, running titles on every page. The .txt reader asks this module how to cut
 * a line into pieces and whether two lines belong to one paragraph.
 */

const WS = '[\\s\\u3000]';
/** Where a heading number starts: at the start of a line or after whitespace. */
const HEADING_AT_RE = new RegExp(
  `(?:^|(?<=${WS}))第${WS}*([${NUMERAL_CHARS}]{1,6})${WS}*([篇章节])(?=${WS}|[^\\s，。、；：）)]|$)`,
  'g',
);
/** A run of whitespace inside a line that stood for a paragraph break in the source. */
const PARAGRAPH_GAP_RE = /(?:\u3000{2,}|[ \u3000]*\u3000[ \u3000]*\u3000[ \u3000]*| {3,})/;
const BODY_PUNCT_RE = /[，。；！？,;!?]/;
const MAX_TITLE = 40;

export interface LinePiece {
  text: string;
  /** The piece is a heading (第…篇/章/节 with its title) cut out of a longer line. */
  heading: boolean;
}

function titleLike(s: string): boolean {
  const t = squash(s);
  return t !== '' && t.length <= MAX_TITLE && !BODY_PUNCT_RE.test(t) && !/[：:]$/.test(t);
}

/** The title of a heading whose body follows on the same line, and the body. */
export function splitTitle(rest: string): { title: string; body: string } {
  const r = rest.replace(/^[\s\u3000]+/, '');
  if (r === '') return { title: '', body: '' };
  const gap = PARAGRAPH_GAP_RE.exec(r) ?? /[\s\u3000]{2,}/.exec(r);
  if (gap && titleLike(r.slice(0, gap.index))) {
    return { title: squash(r.slice(0, gap.index)), body: r.slice(gap.index + gap[0].length) };
  }
  if (titleLike(r)) return { title: squash(r), body: '' };
  // Single spaces only: the title is the leading words that read as a heading, not as a sentence.
  const words = r.split(/[\s\u3000]+/).filter((w) => w !== '');
  const title: string[] = [];
  let length = 0;
  for (const w of words) {
    if (BODY_PUNCT_RE.test(w) || w.length > 24 || length + w.length > MAX_TITLE) break;
    if (title.length > 0 && (/^[“"（(]/.test(w) || w.length > 16 || w.length === 1 || /\d/.test(w))) break;
    title.push(w);
    length += w.length;
  }
  if (title.length === 0) return { title: '', body: r };
  if (title.length === words.length) return { title: squash(r), body: '' };
  const consumed = title.length;
  let idx = 0;
  for (let k = 0; k < consumed; k++) {
    const w = title[k] ?? '';
    idx = r.indexOf(w, idx) + w.length;
  }
  return { title: title.join(' '), body: r.slice(idx).replace(/^[\s\u3000]+/, '') };
}

/** Heading starts in a line (numeral must be a number), as indexes. */
function headingStarts(line: string): number[] {
  const out: number[] = [];
  for (const m of line.matchAll(HEADING_AT_RE)) {
    if (parseNumeral(m[1] ?? '') === null) continue;
    out.push(m.index);
  }
  return out;
}

function bodyPieces(body: string): LinePiece[] {
  return body
    .split(PARAGRAPH_GAP_RE)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((text) => ({ text, heading: false }));
}

/**
 * Cuts one line into headings and paragraphs: `第一篇 … 第一章 发展环境 “十一五”时期是…` gives the
 * part heading, the chapter heading and the paragraph. A line without a heading and without inner
 * paragraph gaps comes back whole.
 */
export function splitLine(line: string): LinePiece[] {
  if (line.includes('\t')) return [{ text: line, heading: false }];
  const starts = headingStarts(line);
  const pieces: LinePiece[] = [];
  const first = starts[0] ?? line.length;
  const lead = line.slice(0, first);
  if (lead.trim() !== '') pieces.push(...bodyPieces(lead));
  starts.forEach((start, k) => {
    const segment = line.slice(start, starts[k + 1] ?? line.length);
    const m = new RegExp(`^(第${WS}*[${NUMERAL_CHARS}]{1,6}${WS}*[篇章节])([\\s\\S]*)$`).exec(segment);
    if (!m) return;
    const { title, body } = splitTitle(m[2] ?? '');
    if (title === '' && body !== '') {
      // Not a heading ("按照第三章 的要求，…"): the segment stays text, joined to the text before it.
      const prev = pieces[pieces.length - 1];
      if (k > 0 && prev && !prev.heading) prev.text += ` ${segment.trim()}`;
      else pieces.push({ text: segment.trim(), heading: false });
      return;
    }
    pieces.push({ text: `${compact(m[1] ?? '')}${title === '' ? '' : ` ${title}`}`, heading: true });
    pieces.push(...bodyPieces(body));
  });
  if (pieces.length === 0) return [{ text: line, heading: false }];
  return pieces;
}

export interface TextLayout {
  /** Most lines end a sentence with 。！？；: line ends without one are wraps. */
  punctuated: boolean;
  /** The fixed width lines were wrapped at (characters), or null when lines were not hard-wrapped. */
  wrapWidth: number | null;
  /** Lines repeated on every page (running titles, mastheads): dropped. */
  running: Set<string>;
}

const TERMINAL_END_RE = /[。！？；：!?;:…”」）)]$/;

/** Looks at the whole text once: sentence punctuation, hard wrap width, repeated running lines. */
export function analyseLayout(lines: string[]): TextLayout {
  const lengths: number[] = [];
  let terminal = 0;
  const counts = new Map<string, number>();
  for (const raw of lines) {
    if (/^[ \u3000]*\t/.test(raw)) continue;
    const t = compact(raw);
    if (t === '') continue;
    if (t.length >= 4 && t.length <= 40) counts.set(t, (counts.get(t) ?? 0) + 1);
    if (t.length < 15 || /^第.{1,6}[篇章节]/.test(t)) continue;
    lengths.push(t.length);
    if (TERMINAL_END_RE.test(t)) terminal += 1;
  }
  // Too few long lines to tell: read as punctuated prose (the converter kept the 。).
  const punctuated = lengths.length < 10 || terminal / lengths.length >= 0.2;
  const running = new Set<string>();
  for (const [t, c] of counts) {
    if (c >= 3 && !/^第.{1,6}[篇章节]/.test(t) && !/^(?:表|图|专栏)\s*\d/.test(t)) running.add(t);
  }
  return { punctuated, wrapWidth: wrapWidthOf(lengths), running };
}

/** A width many lines share exactly (±1) and few exceed: the page's right margin. */
function wrapWidthOf(lengths: number[]): number | null {
  if (lengths.length < 20) return null;
  const byLength = new Map<number, number>();
  for (const l of lengths) byLength.set(l, (byLength.get(l) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const l of byLength.keys()) {
    const c = (byLength.get(l) ?? 0) + (byLength.get(l - 1) ?? 0);
    if (c > bestCount || (c === bestCount && best !== null && l > best)) {
      best = l;
      bestCount = c;
    }
  }
  // Lines that fit the column are not counted in the share: short paragraphs make many of them.
  if (best === null || bestCount < lengths.length * 0.15) return null;
  const longer = lengths.filter((l) => l > (best ?? 0) + 1).length;
  return longer <= lengths.length * 0.05 ? best : null;
}

/** A line that reaches the wrap width continues on the next line unless that one is indented. */
export function reachesMargin(layout: TextLayout, rawLine: string): boolean {
  return layout.wrapWidth !== null && compact(rawLine).length >= layout.wrapWidth - 1;
}

export function isIndented(rawLine: string): boolean {
  return /^(?: {2,}|\u3000)/.test(rawLine);
}
