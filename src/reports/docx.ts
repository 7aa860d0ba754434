/**
 * The .docx writer: A4, a title page, a table of contents over real Word headings (Heading 1/2, so the
 * navigation pane works), tables with a repeated header row and coloured verdicts, charts as PNG images,
 * page numbers and the snapshot id in every footer. Layout of official documents (GB/T 9704): body text in
 * 仿宋 三号 (16 pt) on a fixed 28 pt line, first-level headings in 黑体, second-level in 楷体 (both 三号), the
 * title in 黑体 二号, page numbers "— N —" in 宋体 四号; Times New Roman / Arial for Latin text. 仿宋, 楷体, 黑体 and
 * 宋体 are the names Word and WPS resolve on Windows (SimFang, KaiTi, SimHei, SimSun); other systems substitute.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  LevelFormat,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { FileChild, IFontAttributesProperties, ISectionOptions } from 'docx';
import type { ChartImage } from './charts/render.ts';
import { TONE_FILL } from './charts/theme.ts';
import type { Cell, ChartBlock, ReportModel, TableBlock } from './types.ts';

const latin = (eastAsia: string, latinFont = 'Times New Roman'): IFontAttributesProperties => ({
  ascii: latinFont,
  hAnsi: latinFont,
  eastAsia,
  cs: latinFont,
});
/** Body text. */
export const FANG = latin('仿宋');
/** First-level headings, captions, table headers, the title. */
export const HEI = latin('黑体', 'Arial');
/** Second-level headings. */
export const KAI = latin('楷体');
/** Page numbers. */
const SONG = latin('宋体');

/** A4 with the margins of official documents (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right). */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Text width in CSS pixels (96 dpi) for images. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, wuhao: 21, xiaowu: 18 } as const;
const BODY_SIZE = SIZE.sanhao;
const TABLE_SIZE = SIZE.xiaowu;
/** GB/T 9704: 22 lines a page on the type area — a fixed line of 28 pt (560 twips). */
const LINE = 560;

/** Paragraph spacing with line spacing as a multiple (240 = single): LibreOffice reads a bare `line` as exact. */
function sp(
  before: number,
  after: number,
  line = 360,
): { before: number; after: number; line: number; lineRule: (typeof LineRuleType)['AUTO'] } {
  return { before, after, line, lineRule: LineRuleType.AUTO };
}

/** Paragraph spacing on the fixed 28 pt line of body text. */
function fixed(
  before: number,
  after: number,
): { before: number; after: number; line: number; lineRule: (typeof LineRuleType)['EXACT'] } {
  return { before, after, line: LINE, lineRule: LineRuleType.EXACT };
}

function run(
  text: string,
  opts: { bold?: boolean; size?: number; font?: IFontAttributesProperties; color?: string } = {},
): TextRun {
  return new TextRun({ text, bold: opts.bold, size: opts.size, font: opts.font, color: opts.color });
}

function cover(model: ReportModel): Paragraph[] {
  const c = model.cover;
  const centered = (
    text: string,
    size: number,
    font: IFontAttributesProperties,
    before: number,
    bold = false,
    color?: string,
  ) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: sp(before, 120),
      children: [run(text, { size, font, bold, color })],
    });
  const out = [
    centered(c.planTitle, SIZE.sanhao, FANG, 2400),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: sp(600, 120),
      children: titleLines(c.reportTitle).map(
        (t, k) => new TextRun({ text: t, size: SIZE.erhao, font: HEI, break: k > 0 ? 1 : undefined }),
      ),
    }),
    centered(c.draftMark, SIZE.sihao, FANG, 120),
    centered(c.period, SIZE.sanhao, FANG, 600),
  ];
  if (c.dataNote !== null && c.dataNote !== '')
    out.push(centered(c.dataNote, SIZE.sihao, FANG, 240, false, 'B3261E'));
  out.push(centered(c.issuer ?? '', SIZE.sanhao, FANG, 2000));
  out.push(centered(c.date, SIZE.sanhao, FANG, 120));
  return out;
}

/** About 20 characters of 二号 fit the type area: a longer title breaks before 实施情况 (or in the middle), never leaving one character alone. */
function titleLines(title: string): string[] {
  if ([...title].length <= 20) return [title];
  const at = title.indexOf('实施情况');
  const cut = at > 4 ? at : Math.ceil([...title].length / 2);
  return [title.slice(0, cut), title.slice(cut)];
}

function cellParagraph(
  cell: Cell,
  align: 'left' | 'center' | 'right' | undefined,
  header: boolean,
): Paragraph {
  const alignment =
    header || align === 'center'
      ? AlignmentType.CENTER
      : align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return new Paragraph({
    alignment,
    spacing: sp(20, 20, 240),
    children: [
      run(cell.text, { size: TABLE_SIZE, bold: header || cell.bold === true, font: header ? HEI : FANG }),
    ],
  });
}

function table(block: TableBlock): FileChild[] {
  const totalWeight = block.columns.reduce((a, c) => a + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / totalWeight) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, k) =>
        new TableCell({
          width: { size: widths[k] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E9EC' },
          borders,
          children: [cellParagraph({ text: c.title }, 'center', true)],
        }),
    ),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((c, k) => {
          const cell = r[k] ?? { text: '' };
          return new TableCell({
            width: { size: widths[k] ?? 0, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            shading:
              cell.tone !== undefined
                ? { type: ShadingType.CLEAR, color: 'auto', fill: TONE_FILL[cell.tone] }
                : undefined,
            borders,
            children: [cellParagraph(cell, c.align, false)],
          });
        }),
      }),
  );
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: sp(200, 80, 240),
      children: [run(block.caption, { size: SIZE.wuhao, font: HEI })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      margins: { left: 50, right: 50, top: 20, bottom: 20 },
      rows: [headerRow, ...rows],
    }),
    new Paragraph({ spacing: sp(0, 120, 240), children: [] }),
  ];
}

function chart(block: ChartBlock, image: ChartImage | undefined, failed: string): FileChild[] {
  const capt = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: sp(60, 200, 240),
    children: [run(block.caption, { size: SIZE.wuhao, font: HEI })],
  });
  if (image === undefined)
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(failed, { size: SIZE.wuhao, color: '5F6368' })],
      }),
      capt,
    ];
  const width = Math.min(TEXT_WIDTH_PX, block.width);
  const height = Math.round((width * image.height) / image.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: sp(120, 0, 240),
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width, height },
          altText: { name: block.id, title: block.caption, description: block.caption },
        }),
      ],
    }),
    capt,
  ];
}

function body(model: ReportModel, images: ReadonlyMap<string, ChartImage>): FileChild[] {
  const out: FileChild[] = [];
  const indent = { firstLine: 2 * BODY_SIZE * 10 }; // two characters
  for (const b of model.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            keepNext: true,
            children: [new TextRun(b.text)],
          }),
        );
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            indent,
            spacing: fixed(0, 0),
            alignment: AlignmentType.JUSTIFIED,
            children: [run(b.text, b.style === 'note' ? { size: SIZE.sihao, color: 'B3261E' } : {})],
          }),
        );
        break;
      case 'bullets':
        for (const item of b.items)
          out.push(
            new Paragraph({
              numbering: { reference: 'bullets', level: 0 },
              spacing: fixed(0, 0),
              alignment: AlignmentType.JUSTIFIED,
              children: [run(item)],
            }),
          );
        break;
      case 'table':
        out.push(...table(b));
        break;
      case 'chart':
        out.push(...chart(b, images.get(b.id), model.labels.chartFailed));
        break;
      case 'toc':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: sp(0, 240),
            children: [run(b.title, { size: SIZE.sanhao, font: HEI })],
          }),
        );
        out.push(
          new TableOfContents(b.title, { hyperlink: true, headingStyleRange: '1-2', beginDirty: true }),
        );
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

function footer(model: ReportModel, withPages: boolean): Footer {
  const small = 18;
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: model.footer, size: small, font: FANG, color: '5F6368' })],
    }),
  ];
  // "— 1 —", the page number of official documents (GB/T 9704); Word and LibreOffice both fill PAGE.
  if (withPages)
    children.unshift(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.sihao, font: SONG })],
      }),
    );
  return new Footer({ children });
}

export async function writeDocx(
  model: ReportModel,
  images: ReadonlyMap<string, ChartImage>,
): Promise<Buffer> {
  const page = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: {
      top: PAGE.top,
      bottom: PAGE.bottom,
      left: PAGE.left,
      right: PAGE.right,
      header: 851,
      footer: 851,
    },
  };
  const header = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 1 } },
        children: [new TextRun({ text: model.header, size: 18, font: FANG, color: '5F6368' })],
      }),
    ],
  });
  const sections: ISectionOptions[] = [
    { properties: { page }, footers: { default: footer(model, false) }, children: cover(model) },
    {
      properties: { page: { ...page, pageNumbers: { start: 1 } } },
      headers: { default: header },
      footers: { default: footer(model, true) },
      children: body(model, images),
    },
  ];
  const doc = new Document({
    title: model.cover.reportTitle,
    subject: model.cover.planTitle,
    creator: 'lantu 蓝图',
    description: model.footer,
    keywords: `snapshot:${model.snapshot.id}`,
    customProperties: [
      { name: 'lantu.snapshotId', value: model.snapshot.id },
      { name: 'lantu.engineVersion', value: model.snapshot.engineVersion },
      { name: 'lantu.reportKind', value: model.kind },
    ],
    // The table of contents is written with its entries (docx fills them from the headings) and a dirty field,
    // so Word and WPS add the page numbers on opening. (docx/layout's estimatePageNumbers would write them
    // too, but costs ≈ 10 s for this document.)
    features: { updateFields: true },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 300 } } },
            },
          ],
        },
      ],
    },
    styles: {
      default: {
        document: { run: { font: FANG, size: BODY_SIZE }, paragraph: { spacing: sp(0, 0) } },
        heading1: {
          run: { font: HEI, size: SIZE.sanhao, bold: false, color: '000000' },
          paragraph: { spacing: fixed(280, 0), keepNext: true, indent: { firstLine: 640 } },
        },
        heading2: {
          run: { font: KAI, size: SIZE.sanhao, bold: false, color: '000000' },
          paragraph: { spacing: fixed(0, 0), keepNext: true, indent: { firstLine: 640 } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(doc);
}
