import type { Block, ParaBlock } from './blocks.ts';
import { para } from './blocks.ts';
import { parseNumeral } from '../domain/numerals.ts';
import type { HeadingMatch } from './patterns.ts';
import { matchHeading, squash } from './patterns.ts';
import { splitTitle } from './readers/line-layout.ts';

/**
 * Plans without 第…章 headings (many special and district plans) number their top level 一、二、…
 * and the level below （一）（二）…. When a document has no 章 at all, these become its chapters and
 * sections; inside a plan that has 章 they stay ordinary paragraphs (tasks).
 */

const TOP_RE = /^([一二三四五六七八九十]{1,3})、\s*([\s\S]+)$/;
const SUB_RE = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*([\s\S]+)$/;

function listMatch(text: string): { heading: HeadingMatch; body: string } | null {
  const top = TOP_RE.exec(text);
  const sub = top ? null : SUB_RE.exec(text);
  const m = top ?? sub;
  if (!m) return null;
  const numeral = m[1] ?? '';
  const { title, body } = splitTitle(m[2] ?? '');
  if (title === '' || title.length > 30 || /[。；，：]/.test(title)) return null;
  // A one-line item that is a sentence ("一、坚持创新驱动" is a heading; "一、加快…，推动…" is not).
  if (body === '' && /[。；]$/.test(squash(m[2] ?? ''))) return null;
  return {
    heading: {
      level: top ? 'chapter' : 'section',
      number: top ? `${numeral}、` : `（${numeral}）`,
      numeral,
      title,
    },
    body,
  };
}

export interface ListHeadings {
  blocks: Block[];
  headings: Map<ParaBlock, HeadingMatch>;
}

/** Finds 一、/（一） headings when the document has no 章; returns the blocks with bodies split off. */
export function listHeadings(blocks: Block[]): ListHeadings {
  const headings = new Map<ParaBlock, HeadingMatch>();
  const paras = blocks.filter((b): b is ParaBlock => b.type === 'para');
  if (paras.some((b) => matchHeading(b.text)?.level === 'chapter')) return { blocks, headings };
  const tops = paras
    .map((b) => listMatch(squash(b.text)))
    .filter((m) => m?.heading.level === 'chapter')
    .map((m) => parseNumeral(m?.heading.numeral ?? ''));
  if (tops.length < 2 || tops[0] !== 1) return { blocks, headings };
  let rising = 0;
  for (let i = 1; i < tops.length; i++) if ((tops[i] ?? 0) === (tops[i - 1] ?? 0) + 1) rising += 1;
  if (rising < (tops.length - 1) / 2) return { blocks, headings };

  const out: Block[] = [];
  let chapterSeen = false;
  for (const b of blocks) {
    if (b.type !== 'para') {
      out.push(b);
      continue;
    }
    const m = listMatch(squash(b.text));
    if (!m || (m.heading.level === 'section' && !chapterSeen)) {
      out.push(b);
      continue;
    }
    if (m.heading.level === 'chapter') chapterSeen = true;
    const head = para(`${m.heading.number}${m.heading.title}`, b.source, {
      levelHint: b.levelHint,
      footnoteRefs: b.footnoteRefs,
    });
    headings.set(head, m.heading);
    out.push(head);
    if (m.body.trim() !== '') out.push(para(m.body.trim(), b.source));
  }
  return { blocks: out, headings };
}
