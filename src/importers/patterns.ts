/** Text patterns shared by the readers and the structure builder. */

export const NUMERAL_CHARS = '0-9０-９一二三四五六七八九十百零〇两';

/** 第一篇 / 第17章 / 第4节 followed by the title. */
export const HEADING_RE = new RegExp(`^第\\s*([${NUMERAL_CHARS}]{1,6})\\s*([篇章节])\\s*(.*)$`);
export const TABLE_CAPTION_RE = /^表\s*([0-9０-９]{1,3})\s*(?:[：:.．、]\s*)?(\S.*)$/;
export const FIGURE_CAPTION_RE = /^图\s*([0-9０-９]{1,3})\s*(?:[：:.．、]\s*)?(\S.*)$/;
export const BOX_CAPTION_RE = /^专栏\s*([0-9０-９]{1,3})\s*(?:[：:.．、]\s*)?(.*)$/;
export const PREAMBLE_RE = /^(?:序言|前言|引言|序|导言)$/;

/** Ends a sentence or a paragraph: a line ending with one of these is complete. */
const TERMINAL_RE = /(?:[。！？；：!?;:…]|[。！？][”’」』）)])$/;

export function endsParagraph(text: string): boolean {
  return TERMINAL_RE.test(text.trimEnd());
}

export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Collapses inner whitespace to one space and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

const MAX_HEADING = 60;

export interface HeadingMatch {
  level: 'part' | 'chapter' | 'section';
  number: string;
  numeral: string;
  title: string;
}

/** Recognises a numbered heading line; refuses sentences that merely start with 第X章. */
export function matchHeading(text: string): HeadingMatch | null {
  const t = squash(text);
  if (t.length > MAX_HEADING) return null;
  const m = HEADING_RE.exec(t);
  if (!m) return null;
  const title = squash(m[3] ?? '');
  if (title === '' || /[。；，]$/.test(title) || /[。；]/.test(title)) return null;
  const numeral = m[1] ?? '';
  const kindChar = m[2] ?? '';
  const level = kindChar === '篇' ? 'part' : kindChar === '章' ? 'chapter' : 'section';
  return { level, number: `第${numeral}${kindChar}`, numeral, title };
}

/** A line that always stands on its own: never joined to the paragraph before or after it. */
export function isStandalone(text: string): boolean {
  const t = squash(text);
  if (matchHeading(t)) return true;
  if (
    t.length <= 60 &&
    (TABLE_CAPTION_RE.test(t) || FIGURE_CAPTION_RE.test(t) || BOX_CAPTION_RE.test(t)) &&
    !/[。；]$/.test(t)
  )
    return true;
  if (t.length <= 30 && LIST_HEADING_RE.test(t) && !/[。；，：]/.test(t)) return true;
  return PREAMBLE_RE.test(compact(t));
}

/** 一、发展基础 / （一）指导思想: a numbered list heading (used as headings only in plans without 章). */
const LIST_HEADING_RE = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])\s*\S/;
