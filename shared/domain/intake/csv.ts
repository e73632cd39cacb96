// CSV as French secretariats produce it: Excel's "CSV (séparateur : point-virgule)" in Windows-1252,
// "CSV UTF-8" with a BOM, LibreOffice's comma files, tab-separated copies. Read per RFC 4180
// (quotes, doubled quotes, separators and line breaks inside quotes), leniently: a stray quote
// never makes a file unreadable. Written for French Excel: UTF-8 with BOM, ';', CRLF.
import { neutraliseFormula } from './formula.js';
import type { CellValue, WorkbookData } from './types.js';

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvSeparator = ';' | ',' | '\t';

/** Limits past which a file is not a table of candidates (or a quote was never closed). */
export const CSV_LIMITS = { maxRecordChars: 1024 * 1024, maxColumns: 500 } as const;

export type CsvRefusalCode = 'line_too_long' | 'too_many_columns';
export type CsvParse =
  | { ok: true; workbook: WorkbookData }
  /** `row`: 1-based line (record) of the file where the limit was crossed. */
  | { ok: false; code: CsvRefusalCode; row: number; message: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });

// Windows-1252 bytes 0x80-0x9F (the rest is Latin-1): €, ‚, „, …, œ, Œ, curly quotes, dashes…
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 by hand rather than TextDecoder('windows-1252'): Node 20's decoder reads 0x80-0x9F
 * as Latin-1 control characters (0x9C gives U+009C, not œ), which would garble every "œ" and "€"
 * of a file saved by French Excel.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Bytes to text. A UTF-8 BOM is stripped; bytes that are not valid UTF-8 can only be Windows-1252
 * here (what Excel writes for "CSV" on a French Windows), where every byte is a character.
 * A file that declares UTF-8 with a BOM stays UTF-8: a damaged byte becomes U+FFFD, not every accent.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (hasBom) return { text: UTF8_LENIENT.decode(body), encoding: 'utf-8' };
  try {
    return { text: UTF8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SEPARATORS: readonly CsvSeparator[] = [';', '\t', ',']; // order of preference on a tie

/**
 * The separator of a text, from its first non-empty lines (quotes respected): the one that splits
 * the most lines into the same number of fields. A title line above the header does not mislead it.
 */
export function detectSeparator(text: string): CsvSeparator {
  const perLine: Record<CsvSeparator, number>[] = [];
  const scanEnd = Math.min(text.length, 256 * 1024);
  let counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < scanEnd && perLine.length < 20; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === ';' || c === ',' || c === '\t') counts[c]++;
      else if (c === '\n' || c === '\r') {
        if (content) perLine.push(counts);
        counts = { ';': 0, ',': 0, '\t': 0 };
        content = false;
        continue;
      }
    }
    if (c !== ' ' && c !== '\t') content = true;
  }
  if (content) perLine.push(counts);

  let best: CsvSeparator = ';';
  let bestFrequency = 0;
  let bestCount = 0;
  for (const sep of SEPARATORS) {
    const frequency = new Map<number, number>();
    for (const line of perLine) if (line[sep] > 0) frequency.set(line[sep], (frequency.get(line[sep]) ?? 0) + 1);
    for (const [count, times] of frequency) {
      if (times > bestFrequency || (times === bestFrequency && count > bestCount)) {
        best = sep;
        bestFrequency = times;
        bestCount = count;
      }
    }
  }
  return best;
}

type Records = { ok: true; rows: CellValue[][] } | Extract<CsvParse, { ok: false }>;

function refuse(code: CsvRefusalCode, row: number): Extract<CsvParse, { ok: false }> {
  const message =
    code === 'line_too_long'
      ? `La ligne ${row} du fichier CSV dépasse 1 Mo : ce n’est pas un tableau de candidatures, ou un guillemet n’y est jamais refermé.`
      : `La ligne ${row} du fichier CSV compte plus de ${CSV_LIMITS.maxColumns} colonnes : ce n’est pas un tableau de candidatures.`;
  return { ok: false, code, row, message };
}

/** RFC 4180 records. Empty fields are null; blank lines at the end of the file are dropped. */
export function parseRecords(text: string, separator: CsvSeparator): Records {
  const rows: CellValue[][] = [];
  const sep = separator.charCodeAt(0);
  const n = text.length;
  let keep = 0; // rows up to the last one that is not a blank line
  let row: CellValue[] = [];
  let recordStart = 0;
  let i = 0;
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          // Never closed: the rest of the file is the field (the length limit catches runaways).
          value += text.slice(from);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      // Lenient: what follows the closing quote up to the separator belongs to the field.
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sep || c === CR || c === LF) break;
        k++;
      }
      if (k > i) value += text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === sep || c === CR || c === LF) break;
        k++;
      }
      value = text.slice(i, k);
      i = k;
    }
    if (i - recordStart > CSV_LIMITS.maxRecordChars) return refuse('line_too_long', rows.length + 1);
    row.push(value === '' ? null : value);
    if (row.length > CSV_LIMITS.maxColumns) return refuse('too_many_columns', rows.length + 1);

    const blank = i === recordStart;
    if (i >= n) {
      rows.push(row);
      if (!blank) keep = rows.length;
      break;
    }
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    if (!blank) keep = rows.length;
    row = [];
    recordStart = i;
    if (i >= n) break;
  }
  rows.length = keep;
  return { ok: true, rows };
}

/** A CSV file as a one-sheet workbook named 'CSV', or a typed refusal when it is not a table. */
export function parseCsv(bytes: Uint8Array): CsvParse {
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  const records = parseRecords(text, separator);
  if (!records.ok) return records;
  return { ok: true, workbook: { format: 'csv', sheets: [{ name: 'CSV', rows: records.rows }], csv: { encoding, separator } } };
}

/** Numbers as French Excel reads them: decimal comma. */
function numberField(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? numberField(value) : neutraliseFormula(value);
  // Commas and tabs are quoted too, although ';' separates: the separator guess on re-import then
  // never sees them outside quotes.
  return /[;",\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV bytes for French Excel: UTF-8 with BOM, ';', CRLF after every row, text cells
 * neutralised against formula injection. A row that would be a blank line is written `""` so that
 * it is not taken for the end of the file.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): Uint8Array {
  let out = '\ufeff';
  for (const row of rows) {
    const line = row.map(field).join(';');
    out += (line === '' ? '""' : line) + '\r\n';
  }
  return new TextEncoder().encode(out);
}
