import type { Block, ParaBlock, ReadResult } from './blocks.ts';
import { skipContents } from './contents.ts';
import type { BuildOptions } from './finish.ts';
import { finishDocument } from './finish.ts';
import { listHeadings } from './list-headings.ts';
import { parseNumeral } from '../domain/numerals.ts';
import { toHalfWidth } from '../domain/quantity-parser.ts';
import {
  BOX_CAPTION_RE,
  compact,
  type HeadingMatch,
  FIGURE_CAPTION_RE,
  matchHeading,
  PREAMBLE_RE,
  squash,
  TABLE_CAPTION_RE,
} from './patterns.ts';
import type {
  ImportReport,
  ImportWarning,
  PlanBox,
  PlanChapter,
  PlanDocument,
  PlanFigure,
  PlanPart,
  PlanPreamble,
  PlanSection,
  PlanTask,
} from './plan-document.ts';
import type { RawTable } from './tables.ts';

const NOTE_RE = /^(?:注|备注|说明)\s*\d?\s*[：:]\s*/;

/** A paragraph that starts like a heading (第三章 …, 第 3 节 …) but was not taken as one. */
const HEADING_LIKE_RE = /^第\s*[0-9０-９一二三四五六七八九十百零〇两]{1,6}\s*[篇章节]/;

type TaskHolder = PlanChapter | PlanSection | PlanPreamble;
type AnyNode = PlanPart | PlanChapter | PlanSection | PlanPreamble;

/** The longest first sentence still read as a lead phrase (聚力推动产业集群发展。 is 9). */
const MAX_LEAD = 24;
const LEAD_RE = /^(?:——)?([^。！？]{2,40}?)[。！？]/;
const BOX_ITEM_RE = /^([^：:。，；]{1,24})[：:]\s*(.*)$/s;

/** A paragraph whose first sentence is a short phrase without commas: that phrase and the rest. */
export function splitLead(text: string): { title: string; text: string } | null {
  const m = LEAD_RE.exec(text);
  if (!m) return null;
  const lead = (m[1] ?? '').trim();
  if (lead.length < 2 || lead.length > MAX_LEAD) return null;
  if (/[，,；;：:]/.test(lead)) return null;
  if (/^[\d\s.%]+$/.test(lead)) return null;
  return { title: lead, text: text.slice(m[0].length).trim() };
}

export type { BuildOptions };

/** Opens a part, chapter or section at `source`; number and numeral are null for a heading known by its style. */
type OpenHeading<R> = (number: string | null, numeral: string | null, title: string, source: string) => R;

/** What a part, chapter or section starts as: its id, number (and the ordinal it reads as), title and place. */
function headingNode(
  id: string,
  number: string | null,
  numeral: string | null,
  title: string,
  source: string,
) {
  const ordinal = numeral === null ? null : parseNumeral(numeral);
  return { id, number, ordinal, title, paragraphs: [] as string[], source };
}

export function buildPlanDocument(read: ReadResult, opts: BuildOptions): PlanDocument {
  const warnings: ImportWarning[] = [...read.warnings];
  const parts: PlanPart[] = [];
  const looseChapters: PlanChapter[] = [];
  const boxes: PlanBox[] = [];
  const figures: PlanFigure[] = [];
  const rawTables: RawTable[] = [];
  const footnoteNode = new Map<number, string>();
  const tablesNotUnderstood: ImportReport['tablesNotUnderstood'] = [];
  const headingLike: ImportReport['headingLike'] = [];
  const titleCandidates: string[] = [];
  const allParagraphs: string[] = [];

  let preamble: PlanPreamble | null = null;
  let part: PlanPart | null = null;
  let chapter: PlanChapter | null = null;
  let section: PlanSection | null = null;
  let lastTask: PlanTask | null = null;
  let box: PlanBox | null = null;
  let chapterCount = 0;
  let seenContent = false;

  const current = (): AnyNode | null => section ?? chapter ?? part ?? preamble;
  const currentId = (): string => current()?.id ?? 'preamble';
  const ensurePreamble = (source: string, title = ''): PlanPreamble => {
    preamble ??= { id: 'preamble', title, paragraphs: [], tasks: [], source };
    return preamble;
  };

  const startPart: OpenHeading<void> = (number, numeral, title, source) => {
    part = { ...headingNode(`P${parts.length + 1}`, number, numeral, title, source), chapters: [] };
    parts.push(part);
    chapter = null;
    section = null;
    lastTask = null;
  };
  const startChapter: OpenHeading<void> = (number, numeral, title, source) => {
    chapterCount += 1;
    chapter = { ...headingNode(`C${chapterCount}`, number, numeral, title, source), tasks: [], sections: [] };
    const p: PlanPart | null = part;
    if (p) p.chapters.push(chapter);
    else looseChapters.push(chapter);
    section = null;
    lastTask = null;
  };
  /** False where there is no chapter to hold the section. */
  const startSection: OpenHeading<boolean> = (number, numeral, title, source) => {
    const c: PlanChapter | null = chapter;
    if (!c) return false;
    section = {
      ...headingNode(`${c.id}.S${c.sections.length + 1}`, number, numeral, title, source),
      tasks: [],
    };
    c.sections.push(section);
    lastTask = null;
    return true;
  };

  const addParagraph = (p: ParaBlock): void => {
    allParagraphs.push(p.text);
    let node = current();
    if (!node) {
      node = ensurePreamble(p.source);
    }
    let targetId = node.id;
    const holder: TaskHolder | null = 'tasks' in node ? node : null;
    const lead = holder ? splitLead(p.text) : null;
    if (holder && lead) {
      const task: PlanTask = {
        id: `${holder.id}.T${holder.tasks.length + 1}`,
        title: lead.title,
        text: lead.text,
        paragraphs: [],
        source: p.source,
      };
      holder.tasks.push(task);
      lastTask = task;
      targetId = task.id;
    } else if (lastTask) {
      const t: PlanTask = lastTask;
      t.paragraphs.push(p.text);
      targetId = t.id;
    } else {
      node.paragraphs.push(p.text);
    }
    for (const ref of p.footnoteRefs) footnoteNode.set(ref, targetId);
  };

  const contents = skipContents(read.blocks);
  const list = listHeadings(contents.blocks);
  const blocks = list.blocks;
  const headingOf = (b: ParaBlock, text: string): HeadingMatch | null =>
    list.headings.get(b) ?? matchHeading(text);
  for (let i = 0; i < blocks.length; i++) {
    const b: Block | undefined = blocks[i];
    if (!b) continue;
    if (b.type === 'break') {
      box = null;
      continue;
    }
    if (b.type === 'table') {
      const first = squash(b.rows[0]?.[0] ?? '');
      const boxMatch = BOX_CAPTION_RE.exec(first);
      if (boxMatch && b.rows.every((r) => r.length <= 1)) {
        // A box laid out as a one-column table: caption row, then one item a row.
        const items = b.rows.slice(1).map((r, k) => boxItem(r[0] ?? '', b.rowSources[k + 1] ?? b.source));
        boxes.push({
          number: Number(toHalfWidth(boxMatch[1] ?? '0')),
          title: squash(boxMatch[2] ?? ''),
          items,
          nodeId: currentId(),
          source: b.source,
        });
        lastTask = null;
        continue;
      }
      warnings.push({ source: b.source, message: 'table without a 表N caption ignored' });
      tablesNotUnderstood.push({
        table: null,
        caption: squash(b.rows[0]?.join(' ') ?? '').slice(0, 40),
        problem: 'no 表N caption before the table: ignored',
        source: b.source,
      });
      continue;
    }

    const text = squash(b.text);
    if (text === '') continue;

    // Box items continue until a break, a heading or a paragraph that is not "label：text".
    const openBox: PlanBox | null = box;
    if (openBox) {
      const heading = headingOf(b, text) !== null || b.styleLevel !== null;
      const item = BOX_ITEM_RE.exec(text);
      if (!heading && item && !BOX_CAPTION_RE.test(text)) {
        openBox.items.push(boxItem(text, b.source));
        continue;
      }
      box = null;
    }

    const heading = headingOf(b, text);
    const compactText = compact(text);
    if (heading) {
      seenContent = true;
      box = null;
      switch (heading.level) {
        case 'part':
          startPart(heading.number, heading.numeral, heading.title, b.source);
          break;
        case 'chapter':
          startChapter(heading.number, heading.numeral, heading.title, b.source);
          break;
        case 'section':
          if (!startSection(heading.number, heading.numeral, heading.title, b.source)) {
            warnings.push({
              source: b.source,
              message: `section "${text}" outside any chapter kept as a paragraph`,
            });
            addParagraph(b);
          }
          break;
      }
      for (const ref of b.footnoteRefs) footnoteNode.set(ref, currentId());
      continue;
    }
    if (PREAMBLE_RE.test(compactText) && (b.styleLevel !== null || text.length <= 6)) {
      seenContent = true;
      ensurePreamble(b.source, compactText);
      if (preamble !== null) (preamble as PlanPreamble).title = compactText;
      part = null;
      chapter = null;
      section = null;
      lastTask = null;
      continue;
    }
    if (b.styleLevel !== null && text.length <= 60 && !/[。；]$/.test(text)) {
      // A styled heading without 第X篇/章/节: the style level decides.
      seenContent = true;
      if (b.styleLevel <= 1) startPart(null, null, text, b.source);
      else if (b.styleLevel === 2) startChapter(null, null, text, b.source);
      else if (!startSection(null, null, text, b.source)) addParagraph(b);
      continue;
    }
    if (!seenContent && (b.isTitle || (text.length <= 80 && !/[。；，]/.test(text)))) {
      titleCandidates.push(text);
      continue;
    }
    const tableCap = TABLE_CAPTION_RE.exec(text);
    const next = blocks[i + 1];
    if (tableCap && next?.type === 'table') {
      // The table's own notes follow it: 注：①〔〕内为五年累计数。②带*的为2019年数据。
      const notes: string[] = [];
      let j = i + 2;
      for (let note = blocks[j]; note?.type === 'para' && NOTE_RE.test(squash(note.text)); note = blocks[++j])
        notes.push(squash(note.text).replace(NOTE_RE, ''));
      rawTables.push({
        number: Number(toHalfWidth(tableCap[1] ?? '0')),
        caption: squash(tableCap[2] ?? ''),
        rows: next.rows,
        rowSources: next.rowSources,
        nodeId: currentId(),
        source: b.source,
        notes,
      });
      lastTask = null;
      i = j - 1;
      continue;
    }
    const figCap = FIGURE_CAPTION_RE.exec(text);
    if (figCap && text.length <= 60 && !/[。；]$/.test(text)) {
      figures.push({
        number: Number(toHalfWidth(figCap[1] ?? '0')),
        caption: squash(figCap[2] ?? ''),
        nodeId: currentId(),
        source: b.source,
      });
      lastTask = null;
      continue;
    }
    const boxCap = BOX_CAPTION_RE.exec(text);
    if (boxCap && text.length <= 60 && !/[。；]$/.test(text)) {
      const nb: PlanBox = {
        number: Number(toHalfWidth(boxCap[1] ?? '0')),
        title: squash(boxCap[2] ?? ''),
        items: [],
        nodeId: currentId(),
        source: b.source,
      };
      boxes.push(nb);
      box = nb;
      lastTask = null;
      continue;
    }
    seenContent = true;
    if (HEADING_LIKE_RE.test(text) && text.length <= 80)
      headingLike.push({ text: text.slice(0, 60), source: b.source });
    addParagraph(b);
  }

  return finishDocument(
    {
      read,
      blocks,
      preamble: preamble,
      parts,
      looseChapters,
      boxes,
      figures,
      rawTables,
      footnoteNode,
      titleCandidates,
      allParagraphs,
      warnings,
      contentsSkipped: contents.skipped ?? read.contentsSkipped ?? null,
      tablesNotUnderstood,
      headingLike,
    },
    opts,
  );
}

function boxItem(text: string, source: string): PlanBox['items'][number] {
  const m = BOX_ITEM_RE.exec(squash(text));
  if (m) return { label: (m[1] ?? '').trim(), text: (m[2] ?? '').trim(), source };
  return { label: null, text: squash(text), source };
}
