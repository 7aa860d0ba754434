import ExcelJS from 'exceljs';
import { LantuError } from '../../../domain/errors.ts';
import { ZipArchive } from '../../../importers/readers/zip.ts';

/** Largest .xlsx accepted. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** What its parts may inflate to, all together: a bound on memory whatever the headers claim. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const notXlsx = (why: string) =>
  new LantuError('unsupported_input', `Not a readable .xlsx workbook 不是有效的xlsx文件: ${why}`);

/**
 * Opens an uploaded workbook safely: size limit, ZIP signature, the parts an .xlsx must have, and every
 * part inflated once under a hard cap (a zip bomb fails here with payload_too_large, before ExcelJS sees it).
 */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new LantuError(
      'payload_too_large',
      `The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 文件过大`,
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
  for (const name of zip.entries.keys()) {
    try {
      inflated += zip.read(name)?.byteLength ?? 0;
    } catch (e) {
      throw rethrow(e);
    }
    if (inflated > MAX_INFLATED_BYTES) throw bomb();
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw notXlsx('the workbook cannot be parsed');
  }
  return wb;
}

const bomb = () =>
  new LantuError(
    'payload_too_large',
    `The workbook inflates beyond ${MAX_INFLATED_BYTES / 1024 / 1024} MB (zip bomb?) 解压后过大`,
  );

function rethrow(e: unknown): LantuError {
  if (e instanceof LantuError)
    return e.code === 'payload_too_large' ? bomb() : notXlsx(e.message.replace(/\.docx/g, '.xlsx'));
  return notXlsx('corrupt archive');
}

/** The text or number a cell shows, whatever ExcelJS made of it (rich text, formula results, hyperlinks). */
export function cellValue(cell: ExcelJS.Cell): string | number | null {
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

export const cellText = (cell: ExcelJS.Cell): string => {
  const v = cellValue(cell);
  return v === null ? '' : String(v);
};
