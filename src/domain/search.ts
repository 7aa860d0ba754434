/**
 * Substring search over a plan's text as people type it: full-width and half-width forms, upper and lower
 * case and the spaces PDF copies leave between characters are all the same to it (“２０２５ 年” finds
 * “2025年”). Chinese has no spaces between words, so a phrase is found wherever its characters occur in a
 * row; no segmenter is needed to find a phrase copied from the plan.
 */

export const SEARCH_QUERY_MAX = 100;
const SNIPPET_AROUND = 40;

/** The folded form of one character ('' for white space), as compared by the search. */
function fold(ch: string): string {
  if (/\s/u.test(ch)) return '';
  return ch.normalize('NFKC').toLowerCase();
}

/** A folded text and, for each folded character, the index of the original character it came from. */
interface Folded {
  text: string;
  origin: number[];
}

function foldWithOrigin(s: string): Folded {
  let text = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = fold(ch);
    text += f;
    for (let u = 0; u < f.length; u++) origin.push(i); // one entry per UTF-16 unit, as indexOf counts
    i += ch.length;
  }
  return { text, origin };
}

/** The index just past the character that starts at `i` (a surrogate pair is one character). */
function endOf(s: string, i: number): number {
  return i + (s.codePointAt(i)! > 0xffff ? 2 : 1);
}

export function normaliseQuery(q: string): string {
  return [...q].map(fold).join('');
}

export interface TextMatch {
  /** The text around the first match, with an ellipsis where it was cut. */
  snippet: string;
  /** Where the match sits in the snippet (UTF-16 offsets), for highlighting. */
  highlight: { start: number; end: number };
}

/** The first occurrence of an already normalised query in `text`, or null. */
export function findInText(query: string, text: string | null | undefined): TextMatch | null {
  if (!text || query === '') return null;
  const folded = foldWithOrigin(text);
  const at = folded.text.indexOf(query);
  if (at < 0) return null;
  const start = folded.origin[at]!;
  const end = endOf(text, folded.origin[at + query.length - 1]!);
  const from = Math.max(0, start - SNIPPET_AROUND);
  const to = Math.min(text.length, end + SNIPPET_AROUND);
  const head = from > 0 ? '…' : '';
  const snippet = `${head}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
  // Collapsing white space before the match moves it; find it again in the snippet's own folded form.
  const again = foldWithOrigin(snippet);
  const k = again.text.indexOf(query);
  const s = k < 0 ? head.length : again.origin[k]!;
  const e = k < 0 ? head.length : endOf(snippet, again.origin[k + query.length - 1]!);
  return { snippet, highlight: { start: s, end: e } };
}

/** The first of several fields that matches, in the order given (a title before a body). */
export function findInFields(
  query: string,
  fields: readonly (string | null | undefined)[],
): (TextMatch & { field: number }) | null {
  for (let k = 0; k < fields.length; k++) {
    const m = findInText(query, fields[k]);
    if (m) return { ...m, field: k };
  }
  return null;
}
