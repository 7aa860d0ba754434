import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildPdf } from './pdf-fixtures.ts';

/**
 * The inputs that once stalled the server (issue 12, break 3), for the parse-stall reliability test and the
 * loop-stall bench: each must be read without holding the server's event loop.
 */

/** A small valid template (填报: 编码, 指标, 2021, 2022 and one row) whose first sheet's XML goes through `edit`. */
export async function withSheetXml(edit: (xml: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('填报');
  ws.addRow(['编码', '指标', 2021, 2022]);
  ws.addRow(['T2-01', '地区生产总值', 100, 110]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A 9 KB template with one extra cell at XFD1048576 (held the loop 9–11 s before the parsing worker). */
export async function farCellWorkbook(): Promise<Uint8Array> {
  return withSheetXml((xml) =>
    xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
  );
}

/** A valid outline of 1,000 chapters with body text: seconds of parsing, under every cap. */
export async function largeDocx(): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph('某区国民经济和社会发展第十五个五年规划纲要（2026—2030年）')];
  for (let c = 1; c <= 1000; c++) {
    children.push(new Paragraph(`第${c}章 第${c}项重点工作`));
    for (let p = 1; p <= 12; p++)
      children.push(
        new Paragraph(
          `围绕第${c}项重点工作第${p}方面，加快推进改革创新，完善体制机制，强化要素保障，推动高质量发展取得新成效。`.repeat(
            3,
          ),
        ),
      );
  }
  const buf = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buf);
}

/** A 60-chapter outline as a 60-page PDF with a text layer (one chapter a page). */
export function pdfOutline(): Uint8Array {
  const pages: string[][] = [['某区国民经济和社会发展第十五个五年规划纲要（2026—2030年）']];
  for (let c = 1; c <= 60; c++) {
    const lines = [`第${c}章 第${c}项重点工作`];
    for (let l = 1; l <= 26; l++)
      lines.push(`围绕第${c}项工作第${l}方面，加快推进改革创新，完善体制机制，推动高质量发展。`);
    pages.push(lines);
  }
  return buildPdf({ pages, size: 10 });
}

/** 130,000 chapters in a 7.4 MB .txt: over the 200,000-line cap (answered 500 by a stack overflow once). */
export function hugeOutline(): Uint8Array {
  const lines = ['某区国民经济和社会发展第十五个五年规划纲要（2026—2030年）', ''];
  for (let i = 1; i <= 130_000; i++) lines.push(`第${i}章 第${i}项工作`, `推进第${i}项工作。`);
  return new TextEncoder().encode(lines.join('\n'));
}

/** 60 MB of one byte: over every body limit. */
export const sixtyMegabytes = (): Uint8Array => new Uint8Array(60 * 1024 * 1024).fill(0x41);
