import type { CandidateFile } from '../../../shared/model/entities.js';
import type { AgentStatus, ApplicationStatus } from '../../../shared/model/referential.js';
import type { CandidateInput } from '../../../shared/domain/candidate.js';
import { AppError } from '../../../shared/contract/errors.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

interface CandidateRecord {
  id: number;
  call_id: number;
  nom: string;
  prenom: string;
  date_naissance: string | null;
  discipline: string | null;
  adresse: string;
  telephone: string;
  statut: string | null;
  corps: string;
  grade: string;
  echelon: number | null;
  etablissement: string;
  ville: string;
  email: string;
  experience: string;
  motivations: string;
  received_on: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

/** The query behind every candidate list (exported so that a test can check its plan uses candidates_call). */
export const CANDIDATES_BY_CALL_SQL = 'SELECT * FROM candidates WHERE call_id = ?';
// Wishes of a whole call in one pass, rather than a sub-query per file.
export const WISHES_BY_CALL_SQL = `SELECT w.candidate_id, w.post_id FROM candidate_wishes w
                              JOIN candidates c ON c.id = w.candidate_id
                             WHERE c.call_id = ? ORDER BY w.candidate_id, w.rank`;

function toFile(r: CandidateRecord, wishes: number[]): CandidateFile {
  return {
    id: r.id,
    callId: r.call_id,
    nom: r.nom,
    prenom: r.prenom,
    dateNaissance: r.date_naissance,
    discipline: r.discipline,
    adresse: r.adresse,
    telephone: r.telephone,
    statut: r.statut as AgentStatus | null,
    corps: r.corps,
    grade: r.grade,
    echelon: r.echelon,
    etablissement: r.etablissement,
    ville: r.ville,
    email: r.email,
    experience: r.experience,
    motivations: r.motivations,
    wishes,
    receivedOn: r.received_on,
    status: r.status as ApplicationStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCandidate(db: Db, id: number): CandidateFile {
  const r = stmt(db, 'SELECT * FROM candidates WHERE id = ?').get(id) as CandidateRecord | undefined;
  if (!r) throw new AppError('not_found', `Le dossier n° ${id} n’existe pas (ou plus).`);
  const wishes = (stmt(db, 'SELECT post_id FROM candidate_wishes WHERE candidate_id = ? ORDER BY rank').all(id) as { post_id: number }[]).map(
    (w) => w.post_id,
  );
  return toFile(r, wishes);
}

export function listCandidates(db: Db, callId: number): CandidateFile[] {
  const wishes = new Map<number, number[]>();
  for (const w of stmt(db, WISHES_BY_CALL_SQL).all(callId) as { candidate_id: number; post_id: number }[]) {
    const list = wishes.get(w.candidate_id);
    if (list) list.push(w.post_id);
    else wishes.set(w.candidate_id, [w.post_id]);
  }
  return (stmt(db, CANDIDATES_BY_CALL_SQL).all(callId) as CandidateRecord[]).map((r) => toFile(r, wishes.get(r.id) ?? []));
}

/** What the candidates table needs of a file: its row fields, and enough to assess its completeness. */
export type CandidateSummary = Omit<CandidateFile, 'createdAt' | 'updatedAt'>;

// The long free texts are cut to their first character: the list only needs to know whether they are filled,
// and reading them whole for 10,000 files is most of the cost of opening a large call.
export const SUMMARIES_BY_CALL_SQL = `SELECT id, call_id, nom, prenom, date_naissance, discipline, substr(adresse, 1, 1) AS adresse,
         telephone, statut, corps, grade, echelon, etablissement, ville, email, substr(experience, 1, 1) AS experience,
         substr(motivations, 1, 1) AS motivations, received_on, status
    FROM candidates WHERE call_id = ?`;

// In the column order of SUMMARIES_BY_CALL_SQL.
type SummaryTuple = [
  number, number, string, string, string | null, string | null, string, string, string | null,
  string, string, number | null, string, string, string, string, string, string | null, string,
];

export function listCandidateSummaries(db: Db, callId: number): CandidateSummary[] {
  const wishes = new Map<number, number[]>();
  for (const w of stmt(db, WISHES_BY_CALL_SQL).all(callId) as { candidate_id: number; post_id: number }[]) {
    const list = wishes.get(w.candidate_id);
    if (list) list.push(w.post_id);
    else wishes.set(w.candidate_id, [w.post_id]);
  }
  // Arrays rather than objects from the driver: half the time for 10,000 rows (measured), same result.
  const rows = stmt(db, SUMMARIES_BY_CALL_SQL).raw(true).all(callId) as SummaryTuple[];
  return rows.map(
    ([id, call_id, nom, prenom, date_naissance, discipline, adresse, telephone, statut, corps, grade, echelon, etablissement, ville, email, experience, motivations, received_on, status]) => ({
      id,
      callId: call_id,
      nom,
      prenom,
      dateNaissance: date_naissance,
      discipline,
      adresse,
      telephone,
      statut: statut as AgentStatus | null,
      corps,
      grade,
      echelon,
      etablissement,
      ville,
      email,
      experience,
      motivations,
      wishes: wishes.get(id) ?? [],
      receivedOn: received_on,
      status: status as ApplicationStatus,
    }),
  );
}

function columns(input: CandidateInput): Record<string, unknown> {
  return {
    nom: input.nom,
    prenom: input.prenom,
    date_naissance: input.dateNaissance,
    discipline: input.discipline,
    adresse: input.adresse,
    telephone: input.telephone,
    statut: input.statut,
    corps: input.corps,
    grade: input.grade,
    echelon: input.echelon,
    etablissement: input.etablissement,
    ville: input.ville,
    email: input.email,
    experience: input.experience,
    motivations: input.motivations,
    received_on: input.receivedOn,
    status: input.status,
  };
}

// `email <> ''` lets SQLite use the partial unique index candidates_call_email; without it, every check
// scanned the call's files and importing 10,000 rows took over six seconds (measured).
export const EMAIL_TAKEN_SQL = "SELECT id, nom, prenom FROM candidates WHERE call_id = ? AND email = ? AND email <> '' AND id IS NOT ?";

function assertEmailFree(db: Db, callId: number, email: string, exceptId: number | null): void {
  if (!email) return;
  const other = stmt(db, EMAIL_TAKEN_SQL)
    .get(callId, email, exceptId) as { id: number; nom: string; prenom: string } | undefined;
  if (other) {
    throw new AppError('conflict', `Un dossier existe déjà avec cette adresse mail dans cet appel (${other.nom} ${other.prenom}).`, {
      email: `Adresse déjà utilisée par le dossier de ${other.nom} ${other.prenom}.`,
    });
  }
}

function saveWishes(db: Db, candidateId: number, wishes: readonly number[]): void {
  stmt(db, 'DELETE FROM candidate_wishes WHERE candidate_id = ?').run(candidateId);
  const insert = stmt(db, 'INSERT INTO candidate_wishes (candidate_id, post_id, rank) VALUES (?, ?, ?)');
  wishes.forEach((postId, rank) => insert.run(candidateId, postId, rank + 1));
}

/** The caller runs it inside a transaction. */
export function insertCandidate(db: Db, callId: number, input: CandidateInput, nowIso: string): number {
  assertEmailFree(db, callId, input.email, null);
  const cols = { ...columns(input), call_id: callId, created_at: nowIso, updated_at: nowIso };
  const names = Object.keys(cols);
  const info = stmt(db, `INSERT INTO candidates (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`).run(cols);
  const id = Number(info.lastInsertRowid);
  saveWishes(db, id, input.wishes);
  return id;
}

export function updateCandidate(db: Db, id: number, input: CandidateInput, nowIso: string): void {
  const current = getCandidate(db, id);
  assertEmailFree(db, current.callId, input.email, id);
  const cols = { ...columns(input), updated_at: nowIso };
  const names = Object.keys(cols);
  stmt(db, `UPDATE candidates SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...cols, id });
  saveWishes(db, id, input.wishes);
}

export function deleteCandidate(db: Db, id: number): number {
  const current = getCandidate(db, id);
  db.prepare('DELETE FROM candidates WHERE id = ?').run(id);
  return current.callId;
}

/** A convocation was prepared: « reçue » or « en instruction » becomes « convoquée » (a later state stays). */
export function markApplicationConvoked(db: Db, id: number, nowIso: string): boolean {
  return stmt(db, "UPDATE candidates SET status = 'convoquee', updated_at = ? WHERE id = ? AND status IN ('recue', 'en_instruction')").run(nowIso, id).changes > 0;
}

/** Sets the day an application arrived (from its mail), leaving the rest of the file as it is. */
export function setReceivedOn(db: Db, id: number, receivedOn: string, nowIso: string): void {
  stmt(db, 'UPDATE candidates SET received_on = ?, updated_at = ? WHERE id = ?').run(receivedOn, nowIso, id);
}
