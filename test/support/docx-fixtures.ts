import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild } from 'docx';
import type {
  PlanBox,
  PlanChapter,
  PlanDocument,
  PlanSection,
  PlanTable,
  PlanTask,
} from '../../src/importers/plan-document.ts';

/**
 * Builds .docx fixtures in code from a plan document (normally the one read from the .txt outline), so
 * the same content can be imported from Word and compared with the .txt reading.
 *
 * - "styled": headings carry Heading 1/2/3 paragraph styles, the document has a Title, boxes (专栏) are
 *   one-column Word tables, indicator tables are Word tables, footnotes live in the footnotes part.
 * - "plain": no styles at all — headings are bold runs whose text carries the numbering (第一篇 …),
 *   boxes are plain paragraphs ended by an empty one; tables and footnotes as above.
 */
export type DocxFixtureStyle = 'styled' | 'plain';

interface Ctx {
  style: DocxFixtureStyle;
  doc: PlanDocument;
  children: FileChild[];
  footnotes: Record<string, { children: Paragraph[] }>;
}

function heading(ctx: Ctx, level: 1 | 2 | 3, text: string): void {
  if (ctx.style === 'styled') {
    const h =
      level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
    ctx.children.push(new Paragraph({ text, heading: h }));
  } else {
    ctx.children.push(new Paragraph({ children: [new TextRun({ text, bold: true })] }));
  }
}

function paragraph(ctx: Ctx, text: string, nodeId: string | null = null): void {
  const runs: (TextRun | FootnoteReferenceRun)[] = [new TextRun(text)];
  if (nodeId !== null) {
    for (const f of ctx.doc.footnotes.filter((x) => x.nodeId === nodeId)) {
      if (ctx.footnotes[String(f.number)]) continue;
      ctx.footnotes[String(f.number)] = { children: [new Paragraph(f.text)] };
      runs.push(new FootnoteReferenceRun(f.number));
    }
  }
  ctx.children.push(new Paragraph({ children: runs }));
}

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)], width: { size: 1500, type: WidthType.DXA } });
}

function indicatorTable(ctx: Ctx, t: PlanTable): void {
  paragraph(ctx, `表${t.number} ${t.caption}`);
  const rows = [new TableRow({ children: t.header.map(cell), tableHeader: true })];
  let category: string | null = null;
  for (const r of t.rows) {
    const cells = t.columns.map((c) => {
      switch (c.role) {
        case 'category': {
          const shown = r.category !== category ? (r.category ?? '') : '';
          category = r.category;
          return shown;
        }
        case 'number':
          return r.number === null ? '' : String(r.number);
        case 'name':
          return r.unit === null ? r.name : `${r.name}（${r.unit}）`;
        case 'baseline':
          return r.baseline?.raw ?? '';
        case 'target':
          return r.target?.raw ?? '';
        case 'actual':
          return r.actual?.raw ?? '';
        case 'attribute':
          return r.attribute === 'binding' ? '约束性' : r.attribute === 'expected' ? '预期性' : '';
        case 'unit':
          return r.unit ?? '';
        case 'status':
          return r.status ?? '';
        case 'growth':
        case 'other':
          return '';
      }
    });
    rows.push(new TableRow({ children: cells.map(cell) }));
  }
  ctx.children.push(new Table({ rows }));
}

function box(ctx: Ctx, b: PlanBox): void {
  const items = b.items.map((i) => (i.label === null ? i.text : `${i.label}：${i.text}`));
  if (ctx.style === 'styled') {
    const rows = [`专栏${b.number} ${b.title}`, ...items].map((t) => new TableRow({ children: [cell(t)] }));
    ctx.children.push(new Table({ rows }));
  } else {
    paragraph(ctx, `专栏${b.number} ${b.title}`);
    for (const i of items) paragraph(ctx, i);
    ctx.children.push(new Paragraph(''));
  }
}

function attached(ctx: Ctx, nodeId: string): void {
  const items: { source: number; render: () => void }[] = [
    ...ctx.doc.tables
      .filter((t) => t.nodeId === nodeId)
      .map((t) => ({ source: line(t.source), render: () => indicatorTable(ctx, t) })),
    ...ctx.doc.boxes
      .filter((b) => b.nodeId === nodeId)
      .map((b) => ({ source: line(b.source), render: () => box(ctx, b) })),
    ...ctx.doc.figures
      .filter((f) => f.nodeId === nodeId)
      .map((f) => ({ source: line(f.source), render: () => paragraph(ctx, `图${f.number} ${f.caption}`) })),
  ];
  items.sort((a, b) => a.source - b.source);
  for (const i of items) i.render();
}

function line(source: string): number {
  return Number(/\d+/.exec(source)?.[0] ?? '0');
}

function tasks(ctx: Ctx, ts: PlanTask[]): void {
  for (const t of ts) {
    paragraph(ctx, `${t.title}。${t.text}`, t.id);
    for (const p of t.paragraphs) paragraph(ctx, p);
  }
}

function section(ctx: Ctx, s: PlanSection): void {
  heading(ctx, 3, `${s.number ?? ''} ${s.title}`.trim());
  s.paragraphs.forEach((p, i) => paragraph(ctx, p, i === 0 ? s.id : null));
  tasks(ctx, s.tasks);
  attached(ctx, s.id);
}

function chapter(ctx: Ctx, c: PlanChapter): void {
  heading(ctx, 2, `${c.number ?? ''} ${c.title}`.trim());
  c.paragraphs.forEach((p, i) => paragraph(ctx, p, i === 0 ? c.id : null));
  tasks(ctx, c.tasks);
  attached(ctx, c.id);
  for (const s of c.sections) section(ctx, s);
}

/** Renders the plan document as a .docx. */
export async function buildDocxFixture(doc: PlanDocument, style: DocxFixtureStyle): Promise<Uint8Array> {
  const ctx: Ctx = { style, doc, children: [], footnotes: {} };
  if (style === 'styled')
    ctx.children.push(new Paragraph({ text: doc.meta.title, heading: HeadingLevel.TITLE }));
  if (doc.preamble) {
    heading(ctx, 1, doc.preamble.title || '序言');
    for (const p of doc.preamble.paragraphs) paragraph(ctx, p, 'preamble');
    tasks(ctx, doc.preamble.tasks);
  }
  for (const part of doc.parts) {
    heading(ctx, 1, `${part.number ?? ''} ${part.title}`.trim());
    part.paragraphs.forEach((p, i) => paragraph(ctx, p, i === 0 ? part.id : null));
    attached(ctx, part.id);
    for (const c of part.chapters) chapter(ctx, c);
  }
  for (const c of doc.chapters) chapter(ctx, c);
  const document = new Document({ footnotes: ctx.footnotes, sections: [{ children: ctx.children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A tiny hand-written outline as .docx, for error-path and unit tests. */
export async function buildMiniDocx(opts: { headingStyles: boolean }): Promise<Uint8Array> {
  const h = (level: 1 | 2 | 3, text: string): Paragraph =>
    opts.headingStyles
      ? new Paragraph({
          text,
          heading:
            level === 1
              ? HeadingLevel.HEADING_1
              : level === 2
                ? HeadingLevel.HEADING_2
                : HeadingLevel.HEADING_3,
        })
      : new Paragraph({ children: [new TextRun({ text, bold: true })] });
  const children: FileChild[] = [
    new Paragraph({
      text: '某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
      heading: HeadingLevel.TITLE,
    }),
    h(1, '第一篇 总体要求'),
    h(2, '第一章 发展基础'),
    new Paragraph('“十三五”时期，经济持续向好。'),
    h(2, '第二章 发展目标'),
    new Paragraph('表1 “十四五”主要指标'),
    new Table({
      rows: [
        ['类别', '序号', '指标', '2020年完成值', '2025年目标值', '指标属性'],
        ['经济', '1', '地区生产总值年均增速（%）', '6', '6左右', '预期性'],
        ['', '2', '城镇登记失业率（%）', '2', '<3', '约束性'],
      ].map((r) => new TableRow({ children: r.map(cell) })),
    }),
    h(3, '第一节 产业发展'),
    new Paragraph({
      children: [
        new TextRun('推动产业集群发展。到2025年，工业总产值达3000亿元。'),
        new FootnoteReferenceRun(1),
      ],
    }),
  ];
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('即规模以上工业。')] } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
