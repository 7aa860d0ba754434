/**
 * The .xlsx writer: an "about" sheet (report, plan, snapshot), one sheet per section with its text, tables
 * (numbers as numbers, shares as percentages, verdicts coloured) and charts, and a raw-values sheet.
 */
import ExcelJS from 'exceljs';
import type { ChartImage } from './charts/render.ts';
import { TONE_FILL, TONE_TEXT } from './charts/theme.ts';
import { makeWorkbookSafe } from './spreadsheet-safety.ts';
import type { ReportModel, TableBlock } from './types.ts';

type Sheet = ExcelJS.Worksheet;

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ , unique. */
function sheetName(title: string, used: Set<string>): string {
  let base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) {
    base = base.slice(0, 28);
    name = `${base} ${k}`;
  }
  used.add(name.toLowerCase());
  return name;
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function writeTable(ws: Sheet, b: TableBlock): void {
  const withCode = b.rowKeys !== undefined;
  const cap = ws.addRow([b.caption]);
  cap.font = { bold: true };
  const head = ws.addRow([...(withCode ? ['代码 / code'] : []), ...b.columns.map((c) => c.title)]);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E9EC' } };
    cell.border = border;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  b.rows.forEach((r, k) => {
    const values = r.map((c) => (c.value !== undefined && c.value !== null ? c.value : c.text));
    const row = ws.addRow([...(withCode ? [b.rowKeys?.[k] ?? ''] : []), ...values]);
    r.forEach((c, j) => {
      const cell = row.getCell(j + 1 + (withCode ? 1 : 0));
      cell.border = border;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: b.columns[j]?.align ?? 'left' };
      if (c.value !== undefined && c.value !== null && c.text.endsWith('%'))
        cell.numFmt = c.text.includes('.') ? '0.0%' : '0%';
      if (c.tone !== undefined) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${TONE_FILL[c.tone]}` } };
        cell.font = { color: { argb: `FF${TONE_TEXT[c.tone]}` }, bold: c.bold === true };
      } else if (c.bold === true) cell.font = { bold: true };
    });
    if (withCode) row.getCell(1).border = border;
  });
  ws.addRow([]);
}

export async function writeXlsx(
  model: ReportModel,
  images: ReadonlyMap<string, ChartImage>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lantu 蓝图';
  wb.title = model.cover.reportTitle;
  wb.subject = model.cover.planTitle;
  wb.description = model.footer;
  wb.keywords = `snapshot:${model.snapshot.id}`;
  const created = new Date(model.snapshot.createdAt);
  if (!Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }
  const used = new Set<string>();
  const zh = model.lang === 'zh';

  const about = wb.addWorksheet(sheetName(zh ? '报告信息' : 'About', used));
  about.columns = [{ width: 22 }, { width: 90 }];
  const c = model.cover;
  const rows: [string, string][] = [
    [zh ? '报告' : 'Report', c.reportTitle],
    [zh ? '规划' : 'Plan', c.planTitle],
    [zh ? '期间' : 'Period', c.period],
    [zh ? '发布单位' : 'Issuer', c.issuer ?? ''],
    [zh ? '日期' : 'Date', c.date],
    [zh ? '评估快照' : 'Snapshot', model.snapshot.id],
    [zh ? '评估引擎' : 'Engine', model.snapshot.engineVersion],
    [zh ? '快照时间' : 'Snapshot created', model.snapshot.createdAt],
  ];
  if (c.dataNote !== null && c.dataNote !== '') rows.push([zh ? '数据说明' : 'Data', c.dataNote]);
  for (const [k, v] of rows) about.addRow([k, v]).getCell(1).font = { bold: true };
  about.headerFooter.oddFooter = model.footer;

  let ws: Sheet | null = null;
  let widths: number[] = [];
  const finish = () => {
    if (ws === null) return;
    ws.columns = widths.map((w) => ({ width: Math.max(10, Math.min(60, w)) }));
  };
  for (const b of model.blocks) {
    switch (b.type) {
      case 'heading':
        if (b.level === 1) {
          finish();
          ws = wb.addWorksheet(sheetName(b.text, used));
          ws.headerFooter.oddFooter = model.footer;
          widths = [14];
          ws.addRow([b.text]).font = { bold: true, size: 14 };
        } else if (ws !== null) ws.addRow([b.text]).font = { bold: true, size: 12 };
        break;
      case 'paragraph':
        ws?.addRow([b.text]);
        break;
      case 'bullets':
        for (const i of b.items) ws?.addRow([`• ${i}`]);
        break;
      case 'table':
        if (ws !== null) {
          writeTable(ws, b);
          const offset = b.rowKeys !== undefined ? 1 : 0;
          const total = b.columns.reduce((a, col) => a + col.width, 0);
          b.columns.forEach(
            (col, k) =>
              (widths[k + offset] = Math.max(widths[k + offset] ?? 0, Math.round((col.width / total) * 110))),
          );
        }
        break;
      case 'chart': {
        const img = images.get(b.id);
        if (ws !== null && img !== undefined) {
          const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
          const top = ws.rowCount;
          const w = 640;
          const h = Math.round((w * img.height) / img.width);
          ws.addImage(id, { tl: { col: 0, row: top }, ext: { width: w, height: h } });
          for (let k = 0; k < Math.ceil(h / 20) + 1; k++) ws.addRow([]);
        }
        if (ws !== null) ws.addRow([b.caption]).font = { italic: true };
        break;
      }
      case 'toc':
      case 'pageBreak':
        break;
    }
  }
  finish();

  const raw = wb.addWorksheet(sheetName(model.labels.rawSheet, used));
  raw.columns = [
    { width: 10 },
    { width: 40 },
    { width: 12 },
    { width: 8 },
    { width: 12 },
    { width: 24 },
    { width: 10 },
  ];
  const head = raw.addRow([...model.labels.rawColumns]);
  head.font = { bold: true };
  raw.views = [{ state: 'frozen', ySplit: 1 }];
  for (const v of model.rawValues)
    raw.addRow([v.code, v.name, v.unit ?? '', v.year, v.value, v.text ?? '', v.kind]);
  raw.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  raw.headerFooter.oddFooter = model.footer;

  makeWorkbookSafe(wb);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}
