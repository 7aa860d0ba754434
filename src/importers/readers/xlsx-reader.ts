import ExcelJS from 'exceljs';
import { LantuError } from '../../domain/errors.ts';
import { ZipArchive } from './zip.ts';

/** Largest .xlsx accepted. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** What its parts may inflate to, all together: a bound on memory whatever the headers claim. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5_000;
/**
 * Where a cell may sit, and how many a workbook may hold. lantu's sheets (templates, annual targets,
 * assignments) have one row per indicator or task and a column per year: far inside these. A cell
 * beyond them (XFD1048576) would make the spreadsheet library build every row and cell up to it.
 */
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 256;
export const MAX_CELLS = 100_000;

/** What a cell shows, already reduced to text or number (empty cells are left out). */
export type CellData = string | number;

/** A sheet as plain data (it crosses from the parsing worker): cells as [row, column, value], 1-based. */
export interface SheetData {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  rowCount: number;
  cells: [number, number, CellData][];
}

export interface WorkbookData {
  sheets: SheetData[];
}

const notXlsx = (why: string) =>
  new LantuError('unsupported_input', {
    zh: `不是有效的xlsx文件: ${why}`,
    en: `Not a readable .xlsx workbook (${why})`,
  });

const bomb = () =>
  new LantuError(
    'payload_too_large',
    {
      zh: '解压后过大',
      en: `The workbook inflates beyond ${MAX_INFLATED_BYTES / 1024 / 1024} MB (zip bomb?)`,
    },
    { limit: 'inflated bytes', max: MAX_INFLATED_BYTES },
  );

function rethrow(e: unknown): LantuError {
  if (e instanceof LantuError)
    return e.code === 'payload_too_large' ? bomb() : notXlsx(e.message.replace(/\.docx/g, '.xlsx'));
  return notXlsx('corrupt archive');
}

const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function beyond(where: string, ref: string, row: number): LantuError {
  const rows = row > MAX_ROWS;
  return new LantuError(
    'payload_too_large',
    {
      zh: `超出行列上限（最多${MAX_ROWS}行、${MAX_COLUMNS}列）`,
      en: `${where} ${ref} is past the last ${rows ? 'row' : 'column'} a workbook may use (at most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns)`,
    },
    { limit: rows ? 'rows' : 'columns', max: rows ? MAX_ROWS : MAX_COLUMNS, ref },
  );
}

function checkRef(where: string, ref: string): void {
  const m = REF.exec(ref.toUpperCase());
  if (!m) return;
  const row = Number(m[2]);
  const col = columnNumber(m[1] ?? '');
  if (row > MAX_ROWS || col > MAX_COLUMNS) throw beyond(where, ref, row);
}

/**
 * Reads a sheet's XML for what would make the spreadsheet library allocate: every cell and row
 * reference, and the ranges it expands cell by cell (merged cells, data validations). Cheap: one
 * scan of the text, nothing built.
 */
export function prescanSheet(part: string, xml: string): number {
  let cells = 0;
  const tag = /<(?:\w+:)?(c|row|mergeCell|dataValidation)(?=[\s/>])([^>]*)>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const name = m[1];
    const attrs = m[2] ?? '';
    if (name === 'c') {
      cells++;
      if (cells > MAX_CELLS) {
        throw new LantuError(
          'payload_too_large',
          { zh: `单元格过多（最多${MAX_CELLS}个）`, en: `${part} holds more than ${MAX_CELLS} cells` },
          { limit: 'cells', max: MAX_CELLS },
        );
      }
      const r = /\br="([^"]*)"/.exec(attrs)?.[1];
      if (r) checkRef('cell', r);
    } else if (name === 'row') {
      const r = Number(/\br="(\d+)"/.exec(attrs)?.[1] ?? 0);
      if (r > MAX_ROWS) throw beyond('row', String(r), r);
    } else {
      const refs = /\b(?:sq)?ref="([^"]*)"/.exec(attrs)?.[1] ?? '';
      for (const range of refs.split(/\s+/)) {
        for (const end of range.split(':')) checkRef(`${name} ${range} ends at`, end);
      }
    }
  }
  return cells;
}

/** The text or number a cell shows, whatever ExcelJS made of it (rich text, formula results, hyperlinks). */
export function cellValue(cell: { value: ExcelJS.CellValue }): CellData | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return (
      v.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('result' in v) {
    const r = v.result;
    if (typeof r === 'number') return r;
    if (typeof r === 'string') return r.trim() || null;
    return null;
  }
  if ('text' in v && typeof v.text === 'string') return v.text.trim() || null;
  return null;
}

/**
 * Opens an uploaded workbook safely and returns its cells as plain data: size limit, ZIP signature,
 * the parts an .xlsx must have, every part inflated once under a hard cap (a zip bomb fails here), and
 * every sheet pre-scanned for cells beyond the row/column/cell caps, all before ExcelJS sees it.
 * Synchronous work of up to seconds: the server runs it in the parsing worker (src/importers/worker).
 */
export async function readWorkbookData(bytes: Uint8Array): Promise<WorkbookData> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new LantuError(
      'payload_too_large',
      { zh: '文件过大', en: `The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` },
      { limit: 'bytes', max: MAX_UPLOAD_BYTES },
    );
  }
  if (
    bytes.byteLength < 4 ||
    bytes[0] !== 0x50 ||
    bytes[1] !== 0x4b ||
    bytes[2] !== 0x03 ||
    bytes[3] !== 0x04
  ) {
    throw notXlsx('no ZIP signature (is it .xls, .csv or something else?)');
  }
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, MAX_INFLATED_BYTES);
  } catch (e) {
    throw rethrow(e);
  }
  if (zip.entries.size > MAX_ENTRIES) throw notXlsx(`${zip.entries.size} parts`);
  if (!zip.has('[Content_Types].xml') || !zip.has('xl/workbook.xml')) throw notXlsx('no workbook part');
  let inflated = 0;
  let cells = 0;
  const decoder = new TextDecoder('utf-8');
  for (const name of zip.entries.keys()) {
    let part: Uint8Array | null;
    try {
      part = zip.read(name);
    } catch (e) {
      throw rethrow(e);
    }
    inflated += part?.byteLength ?? 0;
    if (inflated > MAX_INFLATED_BYTES) throw bomb();
    if (part && /^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      cells += prescanSheet(name, decoder.decode(part));
      if (cells > MAX_CELLS) {
        throw new LantuError(
          'payload_too_large',
          { zh: `单元格过多（最多${MAX_CELLS}个）`, en: `The workbook holds more than ${MAX_CELLS} cells` },
          { limit: 'cells', max: MAX_CELLS },
        );
      }
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw notXlsx('the workbook cannot be parsed');
  }
  return {
    sheets: wb.worksheets.map((ws) => {
      const out: SheetData['cells'] = [];
      let rowCount = 0;
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          const v = cellValue(cell);
          if (v === null) return;
          out.push([r, c, v]);
          rowCount = Math.max(rowCount, r);
        });
      });
      return { name: ws.name, state: ws.state, rowCount, cells: out };
    }),
  };
}
