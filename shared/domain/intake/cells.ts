// Cells as spreadsheets really hold them, turned into the text the candidate form accepts.
// The form's validator (checkCandidateDraft) stays the one judge: these functions only undo what a
// spreadsheet did to a value (a date turned into a serial, a phone number that lost its zero).
import type { CellValue } from './types.js';

const DAY_MS = 86_400_000;
/** Last day Excel can show: 31/12/9999. */
const MAX_SERIAL = 2_958_465;
/** Excel's day 0 is 31/12/1899 for serials before its fake 29/02/1900 (serial 60). */
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 31);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function frenchOf(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${String(d.getUTCFullYear()).padStart(4, '0')}`;
}

/** A Date read from a workbook as the calendar day it shows (xlsx dates come as UTC midnight). */
function dateText(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  // Rounded to the second: a serial converted to a Date may land a few ms before midnight.
  return frenchOf(Math.round(ms / 1000) * 1000);
}

/** Numbers as a person would write them: no "0.30000000000000004", no "7.0". */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** The text of a cell, trimmed; booleans as 'oui' / 'non'; dates as jj/mm/aaaa. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return dateText(value);
  return '';
}

/**
 * An Excel serial (1900 date system) as jj/mm/aaaa, or null when it is not one.
 * Excel counts 29/02/1900, a day that never was (a Lotus 1-2-3 bug kept for compatibility):
 * serial 60 gives that text so that the date check refuses it, serial 61 is 01/03/1900.
 */
export function excelSerialToFrench(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial); // the fraction is the time of day
  if (day < 1 || day > MAX_SERIAL) return null;
  if (day === 60) return '29/02/1900';
  return frenchOf(EXCEL_DAY_ZERO + (day < 60 ? day : day - 1) * DAY_MS);
}

/**
 * A date cell as text for parseFrenchDate: a Date, an Excel serial (number, or text of five digits
 * such as "45427" when a column was stored as text), or the text as typed.
 * A whole number between 1900 and 2100 is a year typed alone, not a day of 1905: it is left as is so
 * that the report says it is not a full date.
 */
export function cellDate(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'boolean') return cellText(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return String(value);
    return excelSerialToFrench(value) ?? numberText(value);
  }
  const text = value.trim();
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) return excelSerialToFrench(Number(text.replace(',', '.'))) ?? text;
  // "15/05/2024 00:00:00" or "2024-05-15T00:00:00Z", as some programs export dates: the day only.
  const withTime = /^(\S+?)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/.exec(text);
  if (withTime) return withTime[1]!;
  return text;
}

/**
 * A phone cell as text for checkPhone. A number cell lost its leading zero (612345678) or its plus
 * sign (33612345678): both are given back. Text is kept as typed; checkPhone reads every French format.
 */
export function cellPhone(value: CellValue | undefined): string {
  if (typeof value !== 'number') return cellText(value);
  if (!Number.isInteger(value) || value < 0) return numberText(value);
  const digits = String(value);
  if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
  if (/^33[1-9]\d{8}$/.test(digits)) return `+${digits}`;
  return digits;
}
