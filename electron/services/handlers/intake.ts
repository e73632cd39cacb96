// Spreadsheet intake: read (guarded, in a worker) -> preview and report -> confirm -> one transaction.
// The parsed workbook stays in memory between the steps so that a 50 MB file crosses the contract once.
import { AppError } from '../../../shared/contract/errors.js';
import { analyseSheet, cellText, detectHeaderRow, headerSignature, proposeMapping } from '../../../shared/domain/intake/index.js';
import type { Analysis } from '../../../shared/domain/intake/index.js';
import type { ColumnMapping, WorkbookData } from '../../../shared/domain/intake/types.js';
import type { IntakePreview } from '../../../shared/model/intake.js';
import { getCall } from '../db/calls-repo.js';
import { getCandidate, insertCandidate, listCandidates, updateCandidate } from '../db/candidates-repo.js';
import { CANDIDATE_FIELD_LABELS, type CandidateInput } from '../../../shared/domain/candidate.js';
import { formatFrenchDate } from '../../../shared/domain/dates.js';
import { spreadsheetPostNames } from '../../../shared/domain/intake/index.js';
import {
  AGENT_STATUS_LABELS,
  APPLICATION_STATUS_LABELS,
  disciplineLabel,
  type AgentStatus,
  type ApplicationStatus,
} from '../../../shared/model/referential.js';
import { findMapping, saveMapping } from '../db/mappings-repo.js';
import { readWorkbook, type ReadWorkerHost } from '../excel/read-workbook.js';
import { todayOf, type HandlerContext, type HandlerSlice } from './types.js';

interface IntakeSession {
  callId: number;
  fileName: string;
  controller: AbortController;
  workbook: WorkbookData | null;
  startedAt: number;
  /** The sheet last shown (by the open or a preview): the one a saved mapping is for. */
  sheetIndex: number;
  /** The last analysis shown, reused by the commit when neither the choices nor the stored data changed since. */
  analysed: { key: string; revision: string; analysis: Analysis } | null;
}

const MAX_PROBLEMS_SHOWN = 500;
const SAMPLE_ROWS = 8;
// A few imports may be prepared at once (two windows); older ones are dropped to bound memory.
const MAX_SESSIONS = 4;
const SESSION_TTL_MS = 30 * 60 * 1000;

function ready(sessions: Map<string, IntakeSession>, intakeId: string): IntakeSession & { workbook: WorkbookData } {
  const session = sessions.get(intakeId);
  if (!session?.workbook) {
    throw new AppError('not_found', 'Cet import n’est plus disponible (abandonné ou trop ancien) : choisissez de nouveau le fichier.');
  }
  return session as IntakeSession & { workbook: WorkbookData };
}

function sheetAt(workbook: WorkbookData, index: number) {
  const sheet = workbook.sheets[index];
  if (!sheet) throw new AppError('validation', `Le classeur n’a pas de feuille n° ${index + 1}.`);
  return sheet;
}

/** The header row found in a sheet, or its first non-empty row when none is recognised (the user maps it). */
function headerIndexOf(rows: WorkbookData['sheets'][number]['rows']): number | null {
  const found = detectHeaderRow(rows);
  if (found !== null) return found;
  const first = rows.findIndex((r) => r.some((c) => cellText(c) !== ''));
  return first === -1 ? null : first;
}

function buildPreview(ctx: HandlerContext, intakeId: string, session: IntakeSession & { workbook: WorkbookData }, sheetIndex: number, override?: ColumnMapping): IntakePreview {
  const sheet = sheetAt(session.workbook, sheetIndex);
  const headerIndex = headerIndexOf(sheet.rows);
  const headerCells = headerIndex === null ? [] : sheet.rows[headerIndex]!;
  const headers = headerCells.map((c) => cellText(c));
  const signature = headerSignature(headerCells);
  const saved = override ? null : findMapping(ctx.db, session.callId, signature);
  // A saved mapping is only reused when it fits this layout exactly.
  const usable = saved && saved.length === headers.length ? saved : null;
  const mapping = override ?? usable ?? proposeMapping(headerCells);
  if (mapping.length !== headers.length) {
    throw new AppError('validation', `La correspondance indique ${mapping.length} colonnes, la feuille en a ${headers.length}.`);
  }
  const analysis: Analysis =
    headerIndex === null ? { rows: [], totals: { new: 0, updated: 0, unchanged: 0, rejected: 0 }, problems: [] } : analyse(ctx, session, sheetIndex, mapping);
  const sample: IntakePreview['sample'] = [];
  if (headerIndex !== null) {
    for (let i = headerIndex + 1; i < sheet.rows.length && sample.length < SAMPLE_ROWS; i++) {
      const cells = headers.map((_h, c) => cellText(sheet.rows[i]![c] ?? null));
      if (cells.some((c) => c !== '')) sample.push({ row: i + 1, cells });
    }
  }
  session.sheetIndex = sheetIndex;
  return {
    intakeId,
    fileName: session.fileName,
    format: session.workbook.format,
    csv: session.workbook.csv ? { encoding: session.workbook.csv.encoding, separator: session.workbook.csv.separator } : null,
    sheets: session.workbook.sheets.map((s) => s.name),
    sheetIndex,
    headerRow: headerIndex === null ? null : headerIndex + 1,
    columns: headers.map((header, index) => ({ index, header, field: mapping[index] ?? null })),
    mapping,
    mappingFromSaved: usable !== null && !override,
    signature,
    sample,
    totals: analysis.totals,
    updates: describeUpdates(ctx, session.callId, analysis),
    problems: analysis.problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: analysis.problems.length,
  };
}

/** A stored value as the report shows it. */
function shown(field: keyof CandidateInput, value: unknown, postName: (id: number) => string): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  switch (field) {
    case 'dateNaissance':
    case 'receivedOn':
      return formatFrenchDate(value as string);
    case 'discipline':
      return disciplineLabel(value as string);
    case 'statut':
      return AGENT_STATUS_LABELS[value as AgentStatus];
    case 'status':
      return APPLICATION_STATUS_LABELS[value as ApplicationStatus];
    case 'wishes':
      return (value as number[]).map(postName).join(' ; ') || '(aucun)';
    default: {
      const text = String(value).replace(/\s+/g, ' ');
      return text.length > 80 ? `${text.slice(0, 79)}…` : text;
    }
  }
}

/** Before → after for each field an update changes, for the rows shown in the report. */
function describeUpdates(ctx: HandlerContext, callId: number, analysis: Analysis): IntakePreview['updates'] {
  const call = getCall(ctx.db, callId);
  const names = spreadsheetPostNames(call.posts);
  const postName = (id: number) => names.get(id) ?? `poste n° ${id}`;
  const updates: IntakePreview['updates'] = [];
  for (const row of analysis.rows) {
    if (row.outcome !== 'updated' || !row.input || row.matchId === null || !row.changedFields) continue;
    if (updates.length >= MAX_PROBLEMS_SHOWN) break;
    const stored = getCandidate(ctx.db, row.matchId);
    updates.push({
      row: row.row,
      name: `${stored.nom} ${stored.prenom}`,
      changes: row.changedFields.map((field) => ({
        field: CANDIDATE_FIELD_LABELS[field as keyof typeof CANDIDATE_FIELD_LABELS] ?? field,
        before: shown(field, stored[field], postName),
        after: shown(field, row.input![field], postName),
      })),
    });
  }
  return updates;
}

/** Analyses a sheet against what is stored now, or returns the same analysis when nothing changed since. */
function analyse(ctx: HandlerContext, session: IntakeSession & { workbook: WorkbookData }, sheetIndex: number, mapping: ColumnMapping): Analysis {
  const key = `${sheetIndex}:${JSON.stringify(mapping)}:${todayOf(ctx)}`;
  if (session.analysed && session.analysed.key === key && session.analysed.revision === ctx.revision()) return session.analysed.analysis;
  const sheet = sheetAt(session.workbook, sheetIndex);
  const headerIndex = headerIndexOf(sheet.rows);
  if (headerIndex === null) throw new AppError('validation', 'La feuille choisie est vide : rien à importer.');
  const call = getCall(ctx.db, session.callId);
  const analysis = analyseSheet(sheet, headerIndex, mapping, { today: todayOf(ctx), posts: call.posts, existing: listCandidates(ctx.db, session.callId) });
  session.analysed = { key, revision: ctx.revision(), analysis };
  return analysis;
}

/** The intake methods, bound to this services instance's sessions (no state at module level). */
export function intakeHandlers(reader: ReadWorkerHost): HandlerSlice<'intake-open' | 'intake-preview' | 'intake-mapping-save' | 'intake-commit' | 'intake-cancel'> {
  const sessions = new Map<string, IntakeSession>();

  return {
    'intake-open': async ({ callId, intakeId, fileName, contentBase64 }, ctx) => {
      getCall(ctx.db, callId);
      if (sessions.has(intakeId)) throw new AppError('conflict', 'Cet import est déjà en cours.');
      // Forgotten imports (a window closed mid-way) are dropped after a while; the oldest go first past the cap.
      for (const [id, old] of sessions) {
        if (Date.now() - old.startedAt > SESSION_TTL_MS || sessions.size >= MAX_SESSIONS) {
          old.controller.abort();
          sessions.delete(id);
        }
      }
      const session: IntakeSession = { callId, fileName, controller: new AbortController(), workbook: null, startedAt: Date.now(), sheetIndex: 0, analysed: null };
      sessions.set(intakeId, session);
      try {
        const bytes = Buffer.from(contentBase64, 'base64');
        session.workbook = await readWorkbook(bytes, fileName, {
          signal: session.controller.signal,
          host: reader,
          onProgress: (fraction) => ctx.push({ event: 'progress', payload: { task: 'intake', id: intakeId, fraction, label: `Lecture de « ${fileName} »` } }),
        });
      } catch (error) {
        sessions.delete(intakeId);
        throw error;
      }
      if (session.workbook.sheets.length === 0) {
        sessions.delete(intakeId);
        throw new AppError('validation', `Le fichier « ${fileName} » ne contient aucune feuille.`);
      }
      // Open on the first sheet that has a recognisable header (secretariats often keep notes on sheet 1).
      const first = Math.max(0, session.workbook.sheets.findIndex((s) => detectHeaderRow(s.rows) !== null));
      return buildPreview(ctx, intakeId, ready(sessions, intakeId), first);
    },
    'intake-preview': ({ intakeId, sheetIndex, mapping }, ctx) => {
      const session = ready(sessions, intakeId);
      return buildPreview(ctx, intakeId, session, sheetIndex ?? 0, mapping);
    },
    'intake-mapping-save': ({ intakeId, mapping }, ctx) => {
      const session = ready(sessions, intakeId);
      // The signature is that of the sheet last previewed (not of another sheet that happens to be as wide).
      const sheet = sheetAt(session.workbook, session.sheetIndex);
      const headerIndex = headerIndexOf(sheet.rows);
      const width = headerIndex === null ? 0 : sheet.rows[headerIndex]!.length;
      if (headerIndex === null || width !== mapping.length) {
        throw new AppError('validation', `La correspondance indique ${mapping.length} colonnes, la feuille « ${sheet.name} » en a ${width}.`);
      }
      saveMapping(ctx.db, session.callId, headerSignature(sheet.rows[headerIndex]!), mapping, ctx.now().toISOString());
      ctx.record({ entity: 'calls', entityId: session.callId, callId: session.callId });
      return { saved: true };
    },
    'intake-commit': ({ intakeId, sheetIndex, mapping }, ctx) => {
      const session = ready(sessions, intakeId);
      // Analysed again if anything was stored since the preview (another window, another import).
      const analysis = analyse(ctx, session, sheetIndex, mapping);
      const at = ctx.now().toISOString();
      let created = 0;
      let updated = 0;
      for (const row of analysis.rows) {
        if (row.outcome === 'new' && row.input) {
          const id = insertCandidate(ctx.db, session.callId, row.input, at);
          ctx.record({ entity: 'candidates', entityId: id, callId: session.callId });
          created++;
        } else if (row.outcome === 'updated' && row.input && row.matchId !== null) {
          updateCandidate(ctx.db, row.matchId, row.input, at);
          ctx.record({ entity: 'candidates', entityId: row.matchId, callId: session.callId });
          updated++;
        }
      }
      sessions.delete(intakeId);
      return { created, updated, unchanged: analysis.totals.unchanged, rejected: analysis.totals.rejected };
    },
    'intake-cancel': ({ intakeId }) => {
      const session = sessions.get(intakeId);
      if (!session) return { cancelled: false };
      session.controller.abort();
      sessions.delete(intakeId);
      return { cancelled: true };
    },
  };
}
