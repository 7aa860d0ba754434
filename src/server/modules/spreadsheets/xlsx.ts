import type { CellData, SheetData, WorkbookData } from '../../../importers/readers/xlsx-reader.ts';
import { parsePool } from '../../../importers/worker/parse-pool.ts';

export { MAX_INFLATED_BYTES, MAX_UPLOAD_BYTES } from '../../../importers/readers/xlsx-reader.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One cell of an uploaded sheet: what it shows (null when empty). */
export interface Cell {
  value: CellData | null;
}

class Row {
  constructor(private readonly cells: Map<number, CellData> | undefined) {}

  getCell(col: number): Cell {
    return { value: this.cells?.get(col) ?? null };
  }

  /** The row's non-empty cells, left to right. */
  eachCell(fn: (cell: Cell, col: number) => void): void {
    if (!this.cells) return;
    for (const [col, value] of [...this.cells].sort((a, b) => a[0] - b[0])) fn({ value }, col);
  }
}

/** An uploaded sheet, already read (off the event loop) into plain cells. */
export class Sheet {
  readonly name: string;
  readonly state: SheetData['state'];
  readonly rowCount: number;
  private readonly rows = new Map<number, Map<number, CellData>>();

  constructor(data: SheetData) {
    this.name = data.name;
    this.state = data.state;
    this.rowCount = data.rowCount;
    for (const [r, c, v] of data.cells) {
      let row = this.rows.get(r);
      if (!row) this.rows.set(r, (row = new Map<number, CellData>()));
      row.set(c, v);
    }
  }

  getRow(r: number): Row {
    return new Row(this.rows.get(r));
  }
}

export class Workbook {
  readonly worksheets: Sheet[];

  constructor(data: WorkbookData) {
    this.worksheets = data.sheets.map((s) => new Sheet(s));
  }

  getWorksheet(name: string): Sheet | undefined {
    return this.worksheets.find((w) => w.name === name);
  }
}

/**
 * Opens an uploaded workbook in the parsing worker (src/importers/worker): the checks and caps of
 * readWorkbookData (size, ZIP, zip bombs, rows/columns/cells, time, memory) all apply; the event loop
 * only receives the cells.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  return new Workbook(await parsePool().run({ kind: 'workbook', bytes }));
}

/** The text or number a cell shows. */
export const cellValue = (cell: Cell): CellData | null => cell.value;

export const cellText = (cell: Cell): string => (cell.value === null ? '' : String(cell.value));
