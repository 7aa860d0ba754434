import type { Block, ParaBlock } from './blocks.ts';
import { compact, matchHeading } from './patterns.ts';

/**
 * The table of contents (目录) at the head of a plan: headings (often with page numbers or dot
 * leaders) that the body repeats. It is skipped, or the plan would get every heading twice.
 */

const CONTENTS_RE = /^目录$/;
const PAGE_TAIL_RE = /[\s.…·．_\-—]*\d{1,4}$/;

/** "第一章 发展环境……3" → "第一章|发展环境": the key a contents entry and its heading share. */
function entryKey(text: string): string | null {
  const h = matchHeading(text.replace(PAGE_TAIL_RE, ''));
  if (!h) return null;
  return `${h.number}|${compact(h.title).replace(PAGE_TAIL_RE, '')}`;
}

function isPara(b: Block | undefined): b is ParaBlock {
  return b?.type === 'para';
}

export interface ContentsResult {
  blocks: Block[];
  /** Where the skipped contents began, or null when there was none. */
  skipped: { source: string; entries: number } | null;
}

/**
 * Drops the contents: from a 目录 line (or, without one, from the first heading) up to the point where
 * the first entry's heading comes again, when everything in between is headings or short lines.
 */
export function skipContents(blocks: Block[]): ContentsResult {
  const marker = blocks.findIndex((b, i) => i < 200 && isPara(b) && CONTENTS_RE.test(compact(b.text)));
  const start = marker >= 0 ? marker + 1 : blocks.findIndex((b) => isPara(b) && entryKey(b.text) !== null);
  if (start < 0) return { blocks, skipped: null };
  let firstKey: string | null = null;
  let firstAt = -1;
  for (let i = start; i < blocks.length && i < start + 50; i++) {
    const b = blocks[i];
    if (!isPara(b)) continue;
    firstKey = entryKey(b.text);
    if (firstKey !== null) {
      firstAt = i;
      break;
    }
    if (marker < 0 || compact(b.text).length > 40) break;
  }
  if (firstKey === null) return { blocks, skipped: null };
  let entries = 1;
  for (let i = firstAt + 1; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b || b.type === 'break') continue;
    if (b.type === 'table') return { blocks, skipped: null };
    const key = entryKey(b.text);
    if (key === firstKey) {
      const from = marker >= 0 ? marker : firstAt;
      if (entries < 2) return { blocks, skipped: null };
      return {
        blocks: [...blocks.slice(0, from), ...blocks.slice(i)],
        skipped: { source: blocks[from]?.source ?? '', entries },
      };
    }
    if (key !== null) entries += 1;
    // Body text: this was not a contents list.
    else if (compact(b.text).length > 40) return { blocks, skipped: null };
  }
  return { blocks, skipped: null };
}
