import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isLantuError } from '../../../domain/errors.ts';
import { cellValue, MAX_INFLATED_BYTES, readWorkbook } from './xlsx.ts';

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
