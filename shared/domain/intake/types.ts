// The shapes spreadsheet intake and export share. Parsing happens in the services (exceljs, in a worker);
// everything after the cells are read is pure and lives in shared/domain/intake.

/** A cell as read from a workbook or a CSV. Dates only come from xlsx cells formatted as dates (UTC midnight). */
export type CellValue = string | number | boolean | Date | null;

export interface SheetData {
  name: string;
  /** Dense rows, top to bottom; merged areas carry the master cell's value in every cell. */
  rows: CellValue[][];
}

export interface WorkbookData {
  format: 'xlsx' | 'csv';
  sheets: SheetData[];
  /** CSV only: what was detected. */
  csv?: { encoding: 'utf-8' | 'windows-1252'; separator: ';' | ',' | '\t' };
}

/** The columns a spreadsheet may carry, in the order of the export and of the blank template. */
export const INTAKE_FIELDS = [
  'nom',
  'prenom',
  'dateNaissance',
  'discipline',
  'statut',
  'corps',
  'grade',
  'echelon',
  'corpsGradeEchelon',
  'etablissement',
  'ville',
  'affectation',
  'adresse',
  'telephone',
  'email',
  'wishes',
  'receivedOn',
  'status',
  'experience',
  'motivations',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** Column index -> field (null: ignored). Same length as the header row. */
export type ColumnMapping = (IntakeField | null)[];

export interface RowProblem {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  /** The column's header as written in the file ('' when the problem is the whole row). */
  column: string;
  message: string;
}

export type RowOutcome = 'new' | 'updated' | 'unchanged' | 'rejected';

export interface IntakeTotals {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
