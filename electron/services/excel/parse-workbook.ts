// Untrusted bytes -> WorkbookData. Runs inside the read worker (read-worker.ts), or in the calling thread when
// asked to (tests, tools). The caller has already checked the size and sniffed the format.
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/contract/errors.js';
import { parseCsv, type CsvParse } from '../../../shared/domain/intake/csv.js';
import type { CellValue, SheetData, WorkbookData } from '../../../shared/domain/intake/types.js';
import { readErrors } from './messages.js';
import { checkZipDirectory, verifyZipContents } from './zip-guard.js';

/** Last non-empty row of a sheet. */
export const MAX_ROWS = 100_000;
/** Last non-empty column of a sheet (an application file has about 20). */
export const MAX_COLUMNS = 500;
/** Cells of all sheets together, once made dense (rows × columns). */
export const MAX_CELLS = 5_000_000;
/** exceljs stops reading a worksheet with more `<row>` elements than this (empty formatted rows included). */
const MAX_ROW_ELEMENTS = 2 * MAX_ROWS;

/**
 * Worksheet parts exceljs need not read: besides being useless here, some are expanded cell by cell on load
 * (a data validation on A1:XFD1048576 is 17 billion iterations).
 */
const IGNORED_NODES = [
  'sheetViews',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

export type SpreadsheetKind = 'xlsx' | 'csv';

function throttled(onProgress: ((fraction: number) => void) | undefined): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (!onProgress) return;
    if (fraction >= 1 || fraction - last >= 0.02) {
      last = fraction;
      onProgress(Math.min(1, fraction));
    }
  };
}

/** Parses bytes already sniffed as `kind`. Throws AppError only. */
export async function parseSpreadsheet(
  kind: SpreadsheetKind,
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (fraction: number) => void,
): Promise<WorkbookData> {
  const progress = throttled(onProgress);
  const data = kind === 'xlsx' ? await parseXlsx(bytes, fileName, progress) : parseCsvChecked(bytes, fileName);
  checkLimits(data, fileName);
  progress(1);
  return data;
}

function parseCsvChecked(bytes: Uint8Array, fileName: string): WorkbookData {
  let parsed: CsvParse;
  try {
    parsed = parseCsv(bytes);
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(`[excel] lecture CSV de « ${fileName} » :`, error);
    throw readErrors.internal(fileName);
  }
  if (!parsed.ok) throw new AppError('too_large', parsed.message.replace('du fichier CSV', `du fichier « ${fileName} »`));
  const data = parsed.workbook;
  return { ...data, sheets: data.sheets.map((sheet) => ({ name: sheet.name, rows: dropTrailingEmptyRows(sheet.rows) })) };
}

async function parseXlsx(bytes: Uint8Array, fileName: string, progress: (fraction: number) => void): Promise<WorkbookData> {
  progress(0.05);
  const entries = checkZipDirectory(bytes, fileName);
  verifyZipContents(bytes, entries, fileName, (f) => progress(0.05 + 0.35 * f));

  const workbook = new ExcelJS.Workbook();
  try {
    const options = { ignoreNodes: IGNORED_NODES, maxRows: MAX_ROW_ELEMENTS };
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer, options);
  } catch (error) {
    if (error instanceof Error && /^Max row count/.test(error.message)) throw readErrors.tooManyRows(fileName, null, MAX_ROWS);
    throw readErrors.corrupt(fileName);
  }
  progress(0.8);

  const worksheets = workbook.worksheets;
  const sheets: SheetData[] = [];
  let cells = 0;
  worksheets.forEach((worksheet, index) => {
    // Hidden sheets (our own drop-down lists among them) are not what a secretariat means to import.
    if (worksheet.state === 'hidden' || worksheet.state === 'veryHidden') return;
    const sheet = readSheet(worksheet, fileName);
    cells += sheet.rows.length * (sheet.rows[0]?.length ?? 0);
    if (cells > MAX_CELLS) throw readErrors.tooManyCells(fileName, MAX_CELLS);
    sheets.push(sheet);
    progress(0.8 + (0.19 * (index + 1)) / worksheets.length);
  });
  return { format: 'xlsx', sheets };
}

/** Dense rows: rows[i][j] is the cell of row i + 1, column j + 1, so row numbers match what Excel shows. */
function readSheet(worksheet: ExcelJS.Worksheet, fileName: string): SheetData {
  const found: { row: number; col: number; value: Exclude<CellValue, null> }[] = [];
  let lastRow = 0;
  let lastCol = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      if (rowNumber > MAX_ROWS) throw readErrors.tooManyRows(fileName, worksheet.name, MAX_ROWS);
      if (colNumber > MAX_COLUMNS) throw readErrors.tooManyColumns(fileName, worksheet.name, MAX_COLUMNS);
      found.push({ row: rowNumber, col: colNumber, value });
      lastRow = Math.max(lastRow, rowNumber);
      lastCol = Math.max(lastCol, colNumber);
    });
  });
  if (lastRow * lastCol > MAX_CELLS) throw readErrors.tooManyCells(fileName, MAX_CELLS);
  const rows: CellValue[][] = [];
  for (let r = 0; r < lastRow; r++) rows.push(new Array<CellValue>(lastCol).fill(null));
  for (const { row, col, value } of found) rows[row - 1]![col - 1] = value;
  return { name: worksheet.name, rows };
}

function cellValue(cell: ExcelJS.Cell): CellValue {
  // Every cell of a merged area reads as its master (top-left) cell.
  const source = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  return plainValue(source.value, 0);
}

/** What a person sees in the cell, as a plain value: formulas give their cached result, rich text its text. */
function plainValue(value: unknown, depth: number): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return calendarDate(value);
  if (typeof value !== 'object' || depth > 3) return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return plainValue((v.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join(''), depth + 1);
  }
  if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result, depth + 1);
  if ('error' in v) return typeof v.error === 'string' ? v.error : null;
  if ('text' in v) return plainValue(v.text, depth + 1);
  return null;
}

/** exceljs reads a date-formatted serial as UTC; the app only wants the calendar date, at UTC midnight. */
function calendarDate(date: Date): Date | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function isEmptyRow(row: CellValue[]): boolean {
  return row.every((cell) => cell === null || cell === '');
}

function dropTrailingEmptyRows(rows: CellValue[][]): CellValue[][] {
  let end = rows.length;
  while (end > 0 && isEmptyRow(rows[end - 1]!)) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}

function checkLimits(data: WorkbookData, fileName: string): void {
  let cells = 0;
  for (const sheet of data.sheets) {
    if (sheet.rows.length > MAX_ROWS) throw readErrors.tooManyRows(fileName, sheet.name, MAX_ROWS);
    for (const row of sheet.rows) {
      if (row.length > MAX_COLUMNS) throw readErrors.tooManyColumns(fileName, sheet.name, MAX_COLUMNS);
      cells += row.length;
    }
  }
  if (cells > MAX_CELLS) throw readErrors.tooManyCells(fileName, MAX_CELLS);
}
