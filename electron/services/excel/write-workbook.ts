// Every workbook the app writes follows the same conventions, checked against Excel's file format and
// LibreOffice (tests/integration/excel-write.test.ts):
// - one header row, bold white on the State blue (#000091), frozen;
// - an autofilter both applications show: LibreOffice ignores `<autoFilter>` unless the workbook also
//   defines the sheet-local hidden name `_xlnm._FilterDatabase`, which exceljs cannot write (see below);
// - column widths from the content; dates as real dates shown dd/mm/yyyy;
// - drop-down lists on enumerated columns: inline when short, otherwise a range of a hidden "Listes" sheet
//   (an inline list is limited to 255 characters);
// - a "Métadonnées" sheet of key/value rows;
// - every text cell through neutraliseFormula (a cell starting with = + - @ is never run as a formula).
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../shared/domain/intake/formula.js';

export interface ColumnSpec {
  header: string;
  /** In characters; from the content (8 to 60) when absent. */
  width?: number;
  /** 'date': ISO 'YYYY-MM-DD' strings (and Dates) become real dates shown dd/mm/yyyy. */
  kind: 'text' | 'date' | 'number';
  /** The values of a drop-down list on the column (Excel refuses other values typed in it). */
  list?: string[];
  /** false: the list only suggests, other values get a warning (e.g. several posts « A ; B » in one cell). */
  listStrict?: boolean;
  /** Long text: wrapped in its cells, top-aligned (a protected sheet does not let the reader turn it on). */
  wrap?: boolean;
  /** Whole numbers from min to max only (Excel refuses anything else typed in the column). */
  wholeRange?: { min: number; max: number };
}

export interface TableSheetSpec {
  /** At most 31 characters, none of : \ / ? * [ ] ; not "Listes" nor "Métadonnées". */
  name: string;
  columns: ColumnSpec[];
  rows: (string | number | Date | null)[][];
  /** Rows to cover with the drop-down lists when the table is shorter, e.g. 1000 for a blank template. */
  validationRows?: number;
  /**
   * When given, the sheet is protected (without password: against slips, not against a determined person — the
   * import checks what matters) and only these columns (0-based) of the data rows stay editable.
   */
  editableColumns?: number[];
}

export interface TableWorkbookSpec {
  sheets: TableSheetSpec[];
  metadata: [string, string][];
  creator: string;
  now: Date;
}

export const STATE_BLUE = 'FF000091';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const LISTS_SHEET = 'Listes';
export const METADATA_SHEET = 'Métadonnées';
export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;
/** Excel's limit for the source of an inline list (the quotes excluded). */
const MAX_INLINE_LIST = 255;
/** Excel refuses to open a file with a longer cell. */
const MAX_CELL_TEXT = 32_767;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WHITE = 'FFFFFFFF';
/** exceljs's default font, spelled out: a `<font>` without size or name renders differently from one app to another. */
const BASE_FONT = { name: 'Calibri', family: 2, size: 11 } as const;

const LIST_VALIDATION = {
  type: 'list',
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Valeur non prévue',
  error: 'Choisissez une valeur dans la liste.',
} as const;

type Cell = string | number | Date | null | undefined;

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name as a formula writes it: quoted unless plain letters, digits and underscores. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function text(value: string): string {
  const safe = neutraliseFormula(value);
  return safe.length > MAX_CELL_TEXT ? `${safe.slice(0, MAX_CELL_TEXT - 1)}…` : safe;
}

function isoToDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** What goes in the cell: null leaves it empty. */
function cellValue(value: Cell, kind: ColumnSpec['kind']): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (kind === 'date') {
    const date = isoToDate(value);
    if (date) return date;
  }
  return text(value);
}

/** Characters a value takes on screen (its longest line). */
function displayLength(value: string | number | Date | null): number {
  if (value === null) return 0;
  if (value instanceof Date) return DATE_FORMAT.length;
  if (typeof value === 'number') return String(value).length;
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

function clampWidth(n: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.ceil(n)));
}

function styleHeader(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { ...BASE_FONT, bold: true, color: { argb: WHITE } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATE_BLUE } };
    cell.alignment = { vertical: 'middle' };
  }
}

function checkSheetNames(sheets: TableSheetSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    const key = name.toLowerCase();
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) throw new Error(`Invalid sheet name: ${name}`);
    if (seen.has(key) || key === LISTS_SHEET.toLowerCase() || key === METADATA_SHEET.toLowerCase()) throw new Error(`Duplicate or reserved sheet name: ${name}`);
    seen.add(key);
  }
}

/** The source of an inline list ("a,b,c"), or null when the list must go to the Listes sheet. */
function inlineList(values: string[]): string | null {
  const joined = values.join(',');
  if (joined.length > MAX_INLINE_LIST || values.some((v) => v.includes(',') || v.includes('"'))) return null;
  return `"${joined}"`;
}

interface FilterName {
  sheetIndex: number;
  ref: string;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Adds the `_xlnm._FilterDatabase` names (sheet-local, hidden) to xl/workbook.xml as exceljs wrote it. */
export function addFilterDatabaseNames(workbookXml: string, names: FilterName[]): string {
  if (names.length === 0) return workbookXml;
  const tags = names
    .map((n) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${n.sheetIndex}" hidden="1">${escapeXml(n.ref)}</definedName>`)
    .join('');
  if (workbookXml.includes('<definedNames>')) return workbookXml.replace('<definedNames>', `<definedNames>${tags}`);
  if (workbookXml.includes('<definedNames/>')) return workbookXml.replace('<definedNames/>', `<definedNames>${tags}</definedNames>`);
  if (workbookXml.includes('</sheets>')) return workbookXml.replace('</sheets>', `</sheets><definedNames>${tags}</definedNames>`);
  throw new Error('xl/workbook.xml has no <sheets> element');
}

type ZipWriter = { append(data: unknown, options: { name: string }): void };
type XlsxInternals = { addWorkbook(zip: ZipWriter, model: unknown): Promise<void> };

/**
 * exceljs 4.4 writes defined names without `hidden` and, for names of its own API, without `localSheetId`.
 * Its writer appends xl/workbook.xml from `addWorkbook(zip, model)`: we wrap that one call of this workbook
 * instance to patch the XML on its way into the zip. If exceljs changes, `patched` stays false and the write
 * fails loudly instead of producing a file whose filter LibreOffice ignores.
 */
async function writeWithFilterNames(workbook: ExcelJS.Workbook, names: FilterName[]): Promise<Buffer> {
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const original = xlsx.addWorkbook.bind(xlsx);
  let patched = names.length === 0;
  xlsx.addWorkbook = async (zip, model) => {
    const append = zip.append.bind(zip);
    zip.append = (data, options) => {
      if (options.name === 'xl/workbook.xml' && typeof data === 'string') {
        patched = true;
        return append(addFilterDatabaseNames(data, names), options);
      }
      return append(data, options);
    };
    try {
      await original(zip, model);
    } finally {
      zip.append = append;
    }
  };
  const out = await workbook.xlsx.writeBuffer();
  if (!patched) throw new Error('exceljs did not write xl/workbook.xml through addWorkbook: the autofilter names are missing');
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

type DataValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

/** Writes an .xlsx of one or more tables following the app's conventions (see the header of this file). */
export async function writeTableWorkbook(spec: TableWorkbookSpec): Promise<Buffer> {
  const protections: Promise<void>[] = [];
  checkSheetNames(spec.sheets);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator;
  workbook.lastModifiedBy = spec.creator;
  workbook.created = spec.now;
  workbook.modified = spec.now;

  // Sheet order is fixed first: localSheetId is the index of a sheet in the workbook.
  const tables = spec.sheets.map((sheet) =>
    workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] }),
  );
  const listValues = (values: string[]) => [...new Set(values.filter((v) => v !== '').map(text))];
  const needsListsSheet = spec.sheets.some((s) => s.columns.some((c) => c.list && c.list.length > 0 && inlineList(listValues(c.list)) === null));
  const lists = needsListsSheet ? workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' }) : null;
  let listColumns = 0;
  const filterNames: FilterName[] = [];

  spec.sheets.forEach((sheet, sheetIndex) => {
    const ws = tables[sheetIndex]!;
    const count = sheet.columns.length;
    if (count === 0) return;
    const widths = sheet.columns.map((c) => c.header.length + 4); // room for the filter button
    sheet.columns.forEach((column, j) => {
      if (column.kind === 'date') ws.getColumn(j + 1).numFmt = DATE_FORMAT;
    });
    styleHeader(ws.addRow(sheet.columns.map((c) => text(c.header))), count);
    for (const row of sheet.rows) {
      const values = sheet.columns.map((column, j) => cellValue(row[j], column.kind));
      const added = ws.addRow(values);
      values.forEach((value, j) => {
        widths[j] = Math.max(widths[j]!, displayLength(value) + 2);
        if (value instanceof Date) added.getCell(j + 1).numFmt = DATE_FORMAT;
      });
    }
    sheet.columns.forEach((column, j) => {
      ws.getColumn(j + 1).width = column.width ?? clampWidth(widths[j]!);
      if (column.wrap) {
        for (let r = 2; r <= sheet.rows.length + 1; r++) ws.getCell(r, j + 1).alignment = { wrapText: true, vertical: 'top' };
      }
    });

    const lastColumn = columnLetters(count);
    const lastRow = Math.max(1, sheet.rows.length + 1);
    ws.autoFilter = `A1:${lastColumn}${lastRow}`;
    filterNames.push({ sheetIndex, ref: `${sheetRef(sheet.name)}!$A$1:$${lastColumn}$${lastRow}` });

    const validationEnd = 1 + Math.max(1, sheet.rows.length, sheet.validationRows ?? 0);
    sheet.columns.forEach((column, j) => {
      if (!column.wholeRange) return;
      const letters = columnLetters(j + 1);
      (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letters}2:${letters}${validationEnd}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Note hors de l’échelle',
        error: `Une note entière de ${column.wholeRange.min} à ${column.wholeRange.max}.`,
        formulae: [column.wholeRange.min, column.wholeRange.max],
      });
    });
    sheet.columns.forEach((column, j) => {
      if (!column.list || column.list.length === 0) return;
      const values = listValues(column.list);
      let source = inlineList(values);
      if (source === null && lists) {
        listColumns++;
        const letters = columnLetters(listColumns);
        lists.getCell(1, listColumns).value = text(column.header);
        lists.getCell(1, listColumns).font = { ...BASE_FONT, bold: true };
        values.forEach((value, i) => (lists.getCell(i + 2, listColumns).value = value));
        lists.getColumn(listColumns).width = clampWidth(Math.max(column.header.length, ...values.map((v) => v.length)) + 2);
        source = `${sheetRef(LISTS_SHEET)}!$${letters}$2:$${letters}$${values.length + 1}`;
      }
      if (source === null) return;
      const letters = columnLetters(j + 1);
      (ws as unknown as { dataValidations: DataValidations }).dataValidations.add(`${letters}2:${letters}${validationEnd}`, {
        ...LIST_VALIDATION,
        ...(column.listStrict === false
          ? { errorStyle: 'warning', error: 'Valeur hors de la liste : plusieurs choix se séparent par « ; ». Continuer ?' }
          : {}),
        formulae: [source],
      });
    });

    if (sheet.editableColumns) {
      for (const j of sheet.editableColumns) {
        for (let r = 2; r <= validationEnd; r++) ws.getCell(r, j + 1).protection = { locked: false };
      }
      protections.push(
        ws.protect('', {
          selectLockedCells: true,
          selectUnlockedCells: true,
          formatColumns: true,
          formatRows: true,
          autoFilter: true,
          sort: false,
          insertRows: false,
          deleteRows: false,
        }),
      );
    }
  });
  await Promise.all(protections);

  if (spec.metadata.length > 0) {
    const meta = workbook.addWorksheet(METADATA_SHEET);
    styleHeader(meta.addRow(['Information', 'Valeur']), 2);
    for (const [key, value] of spec.metadata) meta.addRow([text(key), value === '' ? null : text(value)]);
    const keyWidth = Math.max(11, ...spec.metadata.map(([k]) => k.length));
    const valueWidth = Math.max(6, ...spec.metadata.map(([, v]) => displayLength(v)));
    meta.getColumn(1).width = clampWidth(keyWidth + 2);
    meta.getColumn(2).width = clampWidth(valueWidth + 2);
    if (valueWidth + 2 > MAX_COLUMN_WIDTH) meta.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  }

  return writeWithFilterNames(workbook, filterNames);
}
