import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isLantuError } from '../../../domain/errors.ts';
import { cellValue, MAX_CELLS, MAX_COLUMNS } from '../../../importers/readers/xlsx-reader.ts';
import { refusal } from '../../../../test/support/refusal.ts';
import { withSheetXml } from '../../../../test/support/stall-inputs.ts';
import { MAX_INFLATED_BYTES, readWorkbook } from './xlsx.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return isLantuError(e) ? e.code : 'other';
  }
}

async function bomb(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', new Uint8Array(MAX_INFLATED_BYTES + 1024 * 1024));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Rewrites every declared uncompressed size to 1 byte: the headers lie about the bomb. */
function lie(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let o = 0; o + 46 <= out.length; o++) {
    const sig = view.getUint32(o, true);
    if (sig === 0x04034b50) view.setUint32(o + 22, 1, true); // local header
    if (sig === 0x02014b50) view.setUint32(o + 24, 1, true); // central directory
  }
  return out;
}

describe('readWorkbook', () => {
  it('opens a real workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['编码', 2021]);
    const opened = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(opened.getWorksheet('A')?.getRow(1).getCell(1).value).toBe('编码');
    expect(opened.getWorksheet('A')?.getRow(1).getCell(2).value).toBe(2021);
    expect(opened.getWorksheet('A')?.getRow(2).getCell(1).value).toBeNull();
  });

  it('refuses what is not an .xlsx', async () => {
    expect(await codeOf(readWorkbook(new TextEncoder().encode('a,b\n1,2\n')))).toBe('unsupported_input');
    const zip = new JSZip();
    zip.file('word/document.xml', '<w/>');
    expect(await codeOf(readWorkbook(await zip.generateAsync({ type: 'uint8array' })))).toBe(
      'unsupported_input',
    );
    const truncated = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await codeOf(readWorkbook(truncated))).toBe('unsupported_input');
  });

  it('refuses zip bombs, whether the headers tell the truth or lie', async () => {
    const honest = await bomb();
    expect(await codeOf(readWorkbook(honest))).toBe('payload_too_large');
    expect(await codeOf(readWorkbook(lie(honest)))).toBe('payload_too_large');
  });

  it('reads cell values whatever their shape', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('A');
    const cell = (v: ExcelJS.CellValue) => {
      const c = ws.getCell('A1');
      c.value = v;
      return cellValue(c);
    };
    expect(cell(12.5)).toBe(12.5);
    expect(cell('  x ')).toBe('x');
    expect(cell('   ')).toBeNull();
    expect(cell({ richText: [{ text: '比' }, { text: '重' }] })).toBe('比重');
    expect(cell({ formula: 'A2*2', result: 4 })).toBe(4);
    expect(cell(null)).toBeNull();
  });
});

// Issue 12, break 3: one cell at XFD1048576 in a 9 KB template made ExcelJS (and the services walking
// every row) build a million rows, blocking the event loop for ~10 s and taking 2 GB. Failed before the
// fix (the workbook was opened). Now the sheet XML is scanned before any library sees it.
describe('caps on where cells sit and how many there are', () => {
  it('refuses a far cell with payload_too_large naming the cap, quickly', async () => {
    const bytes = await withSheetXml((x) =>
      x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    expect(bytes.byteLength).toBeLessThan(20_000);
    const t = performance.now();
    const e = await refusal(readWorkbook(bytes));
    expect(e.code).toBe('payload_too_large');
    expect(e.message).toContain('1048576');
    expect(e.message).toContain('20000 rows');
    expect(e.details).toMatchObject({ limit: 'rows' });
    expect(performance.now() - t).toBeLessThan(30_000);
  });

  it('refuses a cell beyond the last column, and ranges ExcelJS would expand cell by cell', async () => {
    const col = await withSheetXml((x) =>
      x.replace('</sheetData>', '<row r="3"><c r="IW3"><v>1</v></c></row></sheetData>'),
    );
    expect((await refusal(readWorkbook(col))).details).toMatchObject({ limit: 'columns', max: MAX_COLUMNS });
    const merged = await withSheetXml((x) =>
      x.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>',
      ),
    );
    expect((await refusal(readWorkbook(merged))).message).toContain('mergeCell A5:XFD1048576');
    const validation = await withSheetXml((x) =>
      x.replace(
        '</worksheet>',
        '<dataValidations count="1"><dataValidation type="decimal" sqref="C3 C4:C1048576"><formula1>0</formula1></dataValidation></dataValidations></worksheet>',
      ),
    );
    expect((await refusal(readWorkbook(validation))).code).toBe('payload_too_large');
  });

  it('refuses more cells than the cap, counted before parsing', async () => {
    const row = (r: number) =>
      `<row r="${r}">${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => `<c r="${String.fromCharCode(64 + c)}${r}"><v>${c}</v></c>`).join('')}</row>`;
    const many = await withSheetXml((x) => {
      const rows: string[] = [];
      for (let r = 3; r <= MAX_CELLS / 10 + 3; r++) rows.push(row(r));
      return x.replace(/<row r="2".*?<\/row>/, rows.join(''));
    });
    const e = await refusal(readWorkbook(many));
    expect(e.code).toBe('payload_too_large');
    expect(e.details).toMatchObject({ limit: 'cells', max: MAX_CELLS });
  });
});
