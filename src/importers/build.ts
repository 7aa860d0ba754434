import { LantuError } from '../domain/errors.ts';
import type { Block, ParaBlock, ReadResult } from './blocks.ts';
import { skipContents } from './contents.ts';
import { listHeadings } from './list-headings.ts';
import { inferMeta } from './meta.ts';
import { parseNumeral, toHalfWidth } from './numerals.ts';
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
  ImportWarning,
  PlanBox,
  PlanChapter,
  PlanDocument,
  PlanFigure,
  PlanFootnote,
  PlanPart,
  PlanPreamble,
  PlanSection,
  PlanTable,
  PlanTask,
} from './plan-document.ts';
import { PLAN_DOCUMENT_FORMAT } from './plan-document.ts';
import type { RawTable } from './tables.ts';
import { interpretTable } from './tables.ts';
import type { TextUnit } from './targets.ts';
import { findProseTargets, yearOfHeading } from './targets.ts';

export interface BuildOptions {
  filename: string | null;
  sourceFormat: PlanDocument['meta']['sourceFormat'];
}

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

export function buildPlanDocument(read: ReadResult, opts: BuildOptions): PlanDocument {
  const warnings: ImportWarning[] = [...read.warnings];
  const parts: PlanPart[] = [];
  const looseChapters: PlanChapter[] = [];
  const boxes: PlanBox[] = [];
  const figures: PlanFigure[] = [];
  const rawTables: RawTable[] = [];
  const footnoteNode = new Map<number, string>();
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

  const startPart = (number: string | null, numeral: string | null, title: string, source: string): void => {
    part = {
      id: `P${parts.length + 1}`,
      number,
      ordinal: numeral === null ? null : parseNumeral(numeral),
      title,
      paragraphs: [],
      source,
      chapters: [],
    };
    parts.push(part);
    chapter = null;
    section = null;
    lastTask = null;
  };
  const startChapter = (
    number: string | null,
    numeral: string | null,
    title: string,
    source: string,
  ): void => {
    chapterCount += 1;
    chapter = {
      id: `C${chapterCount}`,
      number,
      ordinal: numeral === null ? null : parseNumeral(numeral),
      title,
      paragraphs: [],
      source,
      tasks: [],
      sections: [],
    };
    const p: PlanPart | null = part;
    if (p) p.chapters.push(chapter);
    else looseChapters.push(chapter);
    section = null;
    lastTask = null;
  };
  const startSection = (
    number: string | null,
    numeral: string | null,
    title: string,
    source: string,
  ): boolean => {
    const c: PlanChapter | null = chapter;
    if (!c) return false;
    section = {
      id: `${c.id}.S${c.sections.length + 1}`,
      number,
      ordinal: numeral === null ? null : parseNumeral(numeral),
      title,
      paragraphs: [],
      source,
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
      rawTables.push({
        number: Number(toHalfWidth(tableCap[1] ?? '0')),
        caption: squash(tableCap[2] ?? ''),
        rows: next.rows,
        rowSources: next.rowSources,
        nodeId: currentId(),
        source: b.source,
      });
      lastTask = null;
      i += 1;
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
    addParagraph(b);
  }

  const chapters = [...parts.flatMap((p) => p.chapters), ...looseChapters];
  if (chapters.length === 0) {
    const unit = read.sourceUnit === 'line' ? 'lines' : 'paragraphs';
    const first = blocks.find((x): x is ParaBlock => x.type === 'para');
    throw new LantuError(
      'not_a_plan',
      `not a plan outline: no chapter headings (第…章, or 一、二、… at the top level) found${first ? ` (first text at ${first.source})` : ''} in ${blocks.length} blocks of ${unit}`,
      { source: first?.source ?? null },
    );
  }

  const pre = preamble as PlanPreamble | null;
  const meta = inferMeta({
    titleCandidates,
    leadParagraphs: [
      ...(pre ? [...pre.paragraphs, ...pre.tasks.map((t) => `${t.title}。${t.text}`)] : []),
      ...allParagraphs.slice(0, 8),
    ],
    allText: allParagraphs.join('\n'),
    filename: opts.filename,
    sourceFormat: opts.sourceFormat,
  });
  if (!meta) {
    throw new LantuError(
      'not_a_plan',
      'not a plan outline: cannot tell the plan period (no title naming the plan as 第N个五年规划/计划, no “十四五”/“十五” short name, no period such as （2021—2025年） or 2001年至2005年)',
      {
        source: null,
      },
    );
  }

  const tables: PlanTable[] = [];
  for (const raw of rawTables) {
    const t = interpretTable(raw, meta.period, warnings);
    if (t) tables.push(t);
  }

  const footnotes: PlanFootnote[] = read.footnotes.map((f) => {
    const nodeId = footnoteNode.get(f.number);
    if (nodeId === undefined)
      warnings.push({ source: f.source, message: `footnote ${f.number} has no anchor in the text` });
    return { number: f.number, text: f.text, nodeId: nodeId ?? 'preamble', source: f.source };
  });

  const units = textUnits(pre, parts, looseChapters, boxes, meta.period, meta.planNumber);
  const targets = findProseTargets(units, meta.period, meta.planNumber, meta.visionYear);

  return {
    format: PLAN_DOCUMENT_FORMAT,
    meta,
    preamble: pre,
    parts,
    chapters: looseChapters,
    tables,
    boxes,
    figures,
    footnotes,
    targets,
    warnings,
  };
}

function boxItem(text: string, source: string): PlanBox['items'][number] {
  const m = BOX_ITEM_RE.exec(squash(text));
  if (m) return { label: (m[1] ?? '').trim(), text: (m[2] ?? '').trim(), source };
  return { label: null, text: squash(text), source };
}

/** Every run of prose in document order, with its node and the year its heading implies. */
function textUnits(
  preamble: PlanPreamble | null,
  parts: PlanPart[],
  looseChapters: PlanChapter[],
  boxes: PlanBox[],
  period: { start: number; end: number },
  planNumber: number | null,
): TextUnit[] {
  const units: TextUnit[] = [];
  const fromNode = (node: AnyNode, inherited: number | null): void => {
    const year = yearOfHeading(node.title, period, planNumber) ?? inherited;
    for (const p of node.paragraphs)
      units.push({ text: p, nodeId: node.id, boxNumber: null, source: node.source, defaultYear: year });
    if ('tasks' in node) {
      for (const t of node.tasks) {
        units.push({
          text: `${t.title}。${t.text}`,
          nodeId: t.id,
          boxNumber: null,
          source: t.source,
          defaultYear: year,
        });
        for (const p of t.paragraphs)
          units.push({ text: p, nodeId: t.id, boxNumber: null, source: t.source, defaultYear: year });
      }
    }
    for (const b of boxes.filter((x) => x.nodeId === node.id)) {
      for (const item of b.items)
        units.push({
          text: item.text,
          nodeId: node.id,
          boxNumber: b.number,
          source: item.source,
          defaultYear: year,
        });
    }
    if ('sections' in node) for (const s of node.sections) fromNode(s, year);
  };
  if (preamble) fromNode(preamble, null);
  for (const p of parts) {
    fromNode(p, null);
    for (const c of p.chapters) fromNode(c, null);
  }
  for (const c of looseChapters) fromNode(c, null);
  return units;
}
