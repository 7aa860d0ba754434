import type ExcelJS from 'exceljs';
import { xmlSafeText } from '../domain/unicode-text.ts';

/** A number as people write it in a cell: -1, +3.5, 1,234.5, 2.5e-3, -12%. */
const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * OWASP's CSV-injection rule: a cell that begins with = + - @, a tab or a carriage return is run as a formula by
 * spreadsheet programs (`-1+HYPERLINK(…)`), so it gets a leading apostrophe — unless it is a plain number.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !(/\d/.test(text) && PLAIN_NUMBER.test(text)) ? `'${text}` : text;
}

/** Text for a generated .xlsx cell: only characters XML allows, never a formula. */
export function spreadsheetText(text: string): string {
  return neutraliseFormula(xmlSafeText(text));
}

/**
 * The last step before a generated workbook is written: every string cell (plain, rich text, hyperlink text)
 * made safe, and sheet names limited to characters XML allows. Numbers, dates and real formulas we wrote stay.
 */
export function makeWorkbookSafe(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    const name = xmlSafeText(ws.name);
    if (name !== ws.name) ws.name = name || 'Sheet';
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') cell.value = spreadsheetText(v);
        else if (v && typeof v === 'object' && 'richText' in v) {
          cell.value = {
            richText: v.richText.map((run, i) => ({
              ...run,
              text: i === 0 ? spreadsheetText(run.text) : xmlSafeText(run.text),
            })),
          };
        } else if (v && typeof v === 'object' && 'hyperlink' in v && typeof v.text === 'string') {
          cell.value = { ...v, text: spreadsheetText(v.text) };
        }
      });
    });
  });
}
