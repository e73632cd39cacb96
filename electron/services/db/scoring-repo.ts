// Storage of grids, scoring settings, members' score sheets and conflicts of interest. Writes run inside the
// dispatch's transaction.
import type { IsoInstant } from '../../../shared/model/entities.js';
import {
  SCORING_DEFAULTS,
  type ConflictKind,
  type ConflictOfInterest,
  type CriterionScore,
  type Grid,
  type GridSection,
  type Phase,
  type ScoreSheet,
  type ScoringSettings,
  type SheetStatus,
  type Visibility,
} from '../../../shared/model/scoring.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

export function getGrid(db: Db, callId: number, phase: Phase): Grid {
  const r = stmt(db, 'SELECT sections, version, updated_at FROM grids WHERE call_id = ? AND phase = ?').get(callId, phase) as
    | { sections: string; version: number; updated_at: string }
    | undefined;
  return r
    ? { callId, phase, sections: JSON.parse(r.sections) as GridSection[], version: r.version, updatedAt: r.updated_at }
    : { callId, phase, sections: [], version: 0, updatedAt: null };
}

export function saveGrid(db: Db, callId: number, phase: Phase, sections: GridSection[], at: IsoInstant): void {
  stmt(
    db,
    `INSERT INTO grids (call_id, phase, sections, version, updated_at) VALUES (?, ?, ?, 1, ?)
     ON CONFLICT (call_id, phase) DO UPDATE SET sections = excluded.sections, version = grids.version + 1, updated_at = excluded.updated_at`,
  ).run(callId, phase, JSON.stringify(sections), at);
}

export function getSettings(db: Db, callId: number): ScoringSettings {
  const r = stmt(db, 'SELECT visibility, deliberation_open, disagreement_share FROM scoring_settings WHERE call_id = ?').get(callId) as
    | { visibility: string; deliberation_open: number; disagreement_share: number }
    | undefined;
  return r
    ? { visibility: r.visibility as Visibility, deliberationOpen: r.deliberation_open === 1, disagreementShare: r.disagreement_share }
    : { ...SCORING_DEFAULTS };
}

export function saveSettings(db: Db, callId: number, settings: ScoringSettings): void {
  stmt(
    db,
    `INSERT INTO scoring_settings (call_id, visibility, deliberation_open, disagreement_share) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET visibility = excluded.visibility, deliberation_open = excluded.deliberation_open,
       disagreement_share = excluded.disagreement_share`,
  ).run(callId, settings.visibility, settings.deliberationOpen ? 1 : 0, settings.disagreementShare);
}

interface SheetRecord {
  id: number;
  candidate_id: number;
  member_id: number;
  phase: string;
  status: string;
  comment: string;
  grid_version: number;
  revision: number;
  updated_at: string;
  submitted_at: string | null;
}

function toSheet(r: SheetRecord, scores: CriterionScore[]): ScoreSheet {
  return {
    candidateId: r.candidate_id,
    memberId: r.member_id,
    phase: r.phase as Phase,
    status: r.status as SheetStatus,
    scores,
    comment: r.comment,
    gridVersion: r.grid_version,
    revision: r.revision,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
  };
}

/** Every sheet of a call and phase, with their scores (two queries, whatever the size). */
export function sheetsOfCall(db: Db, callId: number, phase: Phase): ScoreSheet[] {
  const records = stmt(
    db,
    'SELECT s.* FROM score_sheets s JOIN candidates c ON c.id = s.candidate_id WHERE c.call_id = ? AND s.phase = ? ORDER BY s.id',
  ).all(callId, phase) as SheetRecord[];
  const scores = new Map<number, CriterionScore[]>();
  const rows = stmt(
    db,
    `SELECT sc.sheet_id, sc.criterion_key, sc.value, sc.comment FROM scores sc JOIN score_sheets s ON s.id = sc.sheet_id
      JOIN candidates c ON c.id = s.candidate_id WHERE c.call_id = ? AND s.phase = ?`,
  ).raw(true).all(callId, phase) as [number, string, number | null, string][];
  for (const [sheetId, criterionKey, value, comment] of rows) {
    let list = scores.get(sheetId);
    if (!list) scores.set(sheetId, (list = []));
    list.push({ criterionKey, value, comment });
  }
  return records.map((r) => toSheet(r, scores.get(r.id) ?? []));
}

export function sheetOf(db: Db, candidateId: number, memberId: number, phase: Phase): ScoreSheet | null {
  const r = stmt(db, 'SELECT * FROM score_sheets WHERE candidate_id = ? AND member_id = ? AND phase = ?').get(candidateId, memberId, phase) as SheetRecord | undefined;
  if (!r) return null;
  const scores = (stmt(db, 'SELECT criterion_key, value, comment FROM scores WHERE sheet_id = ?').all(r.id) as { criterion_key: string; value: number | null; comment: string }[]).map(
    (s) => ({ criterionKey: s.criterion_key, value: s.value, comment: s.comment }),
  );
  return toSheet(r, scores);
}

export function saveSheet(db: Db, sheet: Omit<ScoreSheet, 'revision'>): void {
  stmt(
    db,
    `INSERT INTO score_sheets (candidate_id, member_id, phase, status, comment, grid_version, updated_at, submitted_at)
     VALUES (@candidateId, @memberId, @phase, @status, @comment, @gridVersion, @updatedAt, @submittedAt)
     ON CONFLICT (candidate_id, member_id, phase) DO UPDATE SET status = excluded.status, comment = excluded.comment,
       grid_version = excluded.grid_version, revision = score_sheets.revision + 1, updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
  ).run({ ...sheet, scores: undefined });
  const { id } = stmt(db, 'SELECT id FROM score_sheets WHERE candidate_id = ? AND member_id = ? AND phase = ?').get(sheet.candidateId, sheet.memberId, sheet.phase) as {
    id: number;
  };
  stmt(db, 'DELETE FROM scores WHERE sheet_id = ?').run(id);
  const insert = stmt(db, 'INSERT INTO scores (sheet_id, criterion_key, value, comment) VALUES (?, ?, ?, ?)');
  for (const s of sheet.scores) if (s.value !== null || s.comment) insert.run(id, s.criterionKey, s.value, s.comment);
}

/** Scores already given for a call and phase, by criterion (to weigh a grid change). */
export function valuesByCriterion(db: Db, callId: number, phase: Phase): Map<string, number[]> {
  const rows = stmt(
    db,
    `SELECT sc.criterion_key, sc.value FROM scores sc JOIN score_sheets s ON s.id = sc.sheet_id JOIN candidates c ON c.id = s.candidate_id
      WHERE c.call_id = ? AND s.phase = ? AND sc.value IS NOT NULL`,
  ).all(callId, phase) as { criterion_key: string; value: number }[];
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    let list = byKey.get(r.criterion_key);
    if (!list) byKey.set(r.criterion_key, (list = []));
    list.push(r.value);
  }
  return byKey;
}

/** Submitted sheets of a call and phase (a new criterion would leave them incomplete). */
export function submittedSheetCount(db: Db, callId: number, phase: Phase): number {
  return (stmt(db, "SELECT COUNT(*) AS n FROM score_sheets s JOIN candidates c ON c.id = s.candidate_id WHERE c.call_id = ? AND s.phase = ? AND s.status = 'soumise'").get(callId, phase) as { n: number }).n;
}

/** Puts the submitted sheets of a call and phase back to draft (a criterion was added: they must be completed). */
export function reopenSubmittedSheets(db: Db, callId: number, phase: Phase, at: IsoInstant): void {
  stmt(
    db,
    `UPDATE score_sheets SET status = 'brouillon', submitted_at = NULL, revision = revision + 1, updated_at = ?
      WHERE phase = ? AND status = 'soumise' AND candidate_id IN (SELECT id FROM candidates WHERE call_id = ?)`,
  ).run(at, phase, callId);
}

/** Removes the scores a grid change invalidates: a criterion removed or rescaled (`keep` holds the others). */
export function deleteInvalidScores(db: Db, callId: number, phase: Phase, keep: ReadonlyMap<string, { min: number; max: number }>): number {
  const rows = stmt(
    db,
    `SELECT sc.sheet_id, sc.criterion_key, sc.value FROM scores sc JOIN score_sheets s ON s.id = sc.sheet_id JOIN candidates c ON c.id = s.candidate_id
      WHERE c.call_id = ? AND s.phase = ?`,
  ).all(callId, phase) as { sheet_id: number; criterion_key: string; value: number | null }[];
  const remove = stmt(db, 'DELETE FROM scores WHERE sheet_id = ? AND criterion_key = ?');
  let removed = 0;
  for (const r of rows) {
    const scale = keep.get(r.criterion_key);
    if (!scale || (r.value !== null && (r.value < scale.min || r.value > scale.max))) {
      remove.run(r.sheet_id, r.criterion_key);
      removed++;
    }
  }
  return removed;
}

export function conflictsOfCall(db: Db, callId: number): ConflictOfInterest[] {
  const rows = stmt(
    db,
    `SELECT k.*, m.name AS member_name, c.nom, c.prenom FROM conflicts_of_interest k JOIN candidates c ON c.id = k.candidate_id
      JOIN members m ON m.id = k.member_id WHERE c.call_id = ? ORDER BY c.nom, c.prenom, m.name`,
  ).all(callId) as {
    candidate_id: number;
    member_id: number;
    kind: string;
    note: string;
    declared_by: string;
    declared_at: string;
    member_name: string;
    nom: string;
    prenom: string;
  }[];
  return rows.map((r) => ({
    candidateId: r.candidate_id,
    memberId: r.member_id,
    memberName: r.member_name,
    candidateName: `${r.nom} ${r.prenom}`,
    kind: r.kind as ConflictKind,
    note: r.note,
    declaredBy: r.declared_by,
    declaredAt: r.declared_at,
  }));
}

export function declareConflict(db: Db, c: { candidateId: number; memberId: number; kind: ConflictKind; note: string; by: string; at: IsoInstant }): void {
  stmt(
    db,
    `INSERT INTO conflicts_of_interest (candidate_id, member_id, kind, note, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (candidate_id, member_id) DO UPDATE SET kind = excluded.kind, note = excluded.note, declared_by = excluded.declared_by, declared_at = excluded.declared_at`,
  ).run(c.candidateId, c.memberId, c.kind, c.note, c.by, c.at);
}

export function removeConflict(db: Db, candidateId: number, memberId: number): boolean {
  return stmt(db, 'DELETE FROM conflicts_of_interest WHERE candidate_id = ? AND member_id = ?').run(candidateId, memberId).changes > 0;
}

export function isRecused(db: Db, candidateId: number, memberId: number): boolean {
  return stmt(db, 'SELECT 1 FROM conflicts_of_interest WHERE candidate_id = ? AND member_id = ?').get(candidateId, memberId) !== undefined;
}
