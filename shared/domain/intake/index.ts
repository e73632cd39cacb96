// Spreadsheet intake and export, the pure part: CSV bytes <-> tables, headers -> fields, cells ->
// the candidate form's draft, and the validation report of an import. Reading .xlsx is the
// services' job (exceljs); everything after the cells are read is here, shared by every layer.
export * from './types.js';
export { CSV_LIMITS, decodeText, detectSeparator, parseCsv, parseRecords, toCsv } from './csv.js';
export type { CsvEncoding, CsvParse, CsvRefusalCode, CsvSeparator } from './csv.js';
export { looksLikeFormula, neutraliseFormula, restoreNeutralised } from './formula.js';
export {
  INTAKE_FIELD_LABELS,
  INTAKE_FIELD_SYNONYMS,
  MULTI_COLUMN_FIELDS,
  detectHeaderRow,
  foldKey,
  headerSignature,
  matchHeader,
  proposeMapping,
} from './headers.js';
export { cellDate, cellPhone, cellText, excelSerialToFrench } from './cells.js';
export { NO_NAME_COLUMN_MESSAGE, analyseSheet, echelonText, sameInput, splitAffectation, splitCorpsGradeEchelon, spreadsheetPostNames } from './analyse.js';
export type { AnalyseContext, AnalysedRow, Analysis, ExistingFile, IntakePost } from './analyse.js';
