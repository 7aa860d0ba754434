import { LantuError } from '../domain/errors.ts';
import type { Block, ParaBlock, ReadResult } from './blocks.ts';
import { inferMeta } from './meta.ts';
import type {
  ImportReport,
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
} from './plan-document.ts';
import { PLAN_DOCUMENT_FORMAT } from './plan-document.ts';
import { buildReport } from './report.ts';
import type { RawTable } from './tables.ts';
import { interpretTable } from './tables.ts';
import type { TextUnit } from './targets.ts';
import { findProseTargets, yearOfHeading } from './targets.ts';

export interface BuildOptions {
  filename: string | null;
  sourceFormat: PlanDocument['meta']['sourceFormat'];
}

type AnyNode = PlanPart | PlanChapter | PlanSection | PlanPreamble;

/** What the pass over the blocks found, before meta, tables, footnotes and targets are read. */
export interface Skeleton {
  read: ReadResult;
  blocks: Block[];
  preamble: PlanPreamble | null;
  parts: PlanPart[];
  looseChapters: PlanChapter[];
  boxes: PlanBox[];
  figures: PlanFigure[];
  rawTables: RawTable[];
  footnoteNode: Map<number, string>;
  titleCandidates: string[];
  allParagraphs: string[];
  warnings: ImportWarning[];
  contentsSkipped: ImportReport['contentsSkipped'];
  tablesNotUnderstood: ImportReport['tablesNotUnderstood'];
  headingLike: ImportReport['headingLike'];
}

/** Meta, tables, footnotes, prose targets and the import report, from the plan's skeleton. */
export function finishDocument(k: Skeleton, opts: BuildOptions): PlanDocument {
  const { read, blocks, parts, looseChapters, boxes, figures, rawTables, footnoteNode, warnings } = k;
  const chapters = [...parts.flatMap((p) => p.chapters), ...looseChapters];
  if (chapters.length === 0) {
    const unit = read.sourceUnit === 'line' ? 'lines' : read.sourceUnit === 'page' ? 'pages' : 'paragraphs';
    const unitZh = read.sourceUnit === 'line' ? '行' : read.sourceUnit === 'page' ? '页' : '段';
    const first = blocks.find((x): x is ParaBlock => x.type === 'para');
    throw new LantuError(
      'not_a_plan',
      {
        zh: `这不是规划纲要：在 ${blocks.length} ${unitZh}中没有找到章标题（“第…章”，或顶层的“一、二、…”）${first ? `（首段文字位于 ${first.source}）` : ''}`,
        en: `not a plan outline: no chapter headings (第…章, or 一、二、… at the top level) found${first ? ` (first text at ${first.source})` : ''} in ${blocks.length} blocks of ${unit}`,
      },
      { source: first?.source ?? null },
    );
  }

  const pre = k.preamble;
  const meta = inferMeta({
    titleCandidates: k.titleCandidates,
    leadParagraphs: [
      ...(pre ? [...pre.paragraphs, ...pre.tasks.map((t) => `${t.title}。${t.text}`)] : []),
      ...k.allParagraphs.slice(0, 8),
    ],
    allText: k.allParagraphs.join('\n'),
    filename: opts.filename,
    sourceFormat: opts.sourceFormat,
  });
  if (!meta) {
    throw new LantuError(
      'not_a_plan',
      {
        zh: '不是规划纲要：无法判断规划期（标题未写明“第N个五年规划/计划”，无“十四五”“十五”等简称，也无“（2021—2025年）”“2001年至2005年”等期间）',
        en: 'not a plan outline: cannot tell the plan period (no title naming the plan as 第N个五年规划/计划, no “十四五”/“十五” short name, no period such as （2021—2025年） or 2001年至2005年)',
      },
      { source: null },
    );
  }

  const tablesNotUnderstood = [...k.tablesNotUnderstood];
  const tables: PlanTable[] = [];
  for (const raw of rawTables) {
    const before = warnings.length;
    const t = interpretTable(raw, meta.period, warnings);
    if (t) tables.push(t);
    else
      tablesNotUnderstood.push({
        table: raw.number,
        caption: raw.caption,
        problem: warnings[before]?.message ?? 'not understood',
        source: raw.source,
      });
  }

  const footnotes: PlanFootnote[] = read.footnotes.map((f) => {
    const nodeId = footnoteNode.get(f.number);
    if (nodeId === undefined)
      warnings.push({ source: f.source, message: `footnote ${f.number} has no anchor in the text` });
    return { number: f.number, text: f.text, nodeId: nodeId ?? 'preamble', source: f.source };
  });

  const units = textUnits(pre, parts, looseChapters, boxes, meta.period, meta.planNumber);
  const undated: ImportReport['targetsWithoutYear'] = [];
  const targets = findProseTargets(units, meta.period, meta.planNumber, meta.visionYear, undated);

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
    report: buildReport({
      parts,
      chapters,
      tables,
      script: 'simplified',
      contentsSkipped: k.contentsSkipped,
      tablesNotUnderstood,
      targetsWithoutYear: undated,
      headingLike: k.headingLike,
    }),
  };
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
