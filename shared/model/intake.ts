import type { ColumnMapping, IntakeField, IntakeTotals, RowProblem } from '../domain/intake/types.js';

/** What the secretariat sees before confirming an import: nothing is written yet. */
export interface IntakePreview {
  intakeId: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  /** CSV only: what was detected, shown so that a wrong guess is visible. */
  csv: { encoding: string; separator: string } | null;
  sheets: string[];
  sheetIndex: number;
  /** 1-based row of the header as the spreadsheet shows it; null when no header was recognised. */
  headerRow: number | null;
  columns: { index: number; header: string; field: IntakeField | null }[];
  mapping: ColumnMapping;
  /** Whether the mapping came from one saved earlier for files with the same headers. */
  mappingFromSaved: boolean;
  signature: string;
  /** The first data rows as text, for the preview table. */
  sample: { row: number; cells: string[] }[];
  totals: IntakeTotals;
  /** What the updates will change in stored files (capped for display): re-importing an old file shows here. */
  updates: { row: number; name: string; changes: { field: string; before: string; after: string }[] }[];
  /** Rejected rows' problems, capped for display; `problemCount` is the full count. */
  problems: RowProblem[];
  problemCount: number;
}

export interface IntakeResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** A file produced by the app, to save or download. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}
