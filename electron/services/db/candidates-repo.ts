import type { CandidateFile } from '../../../shared/model/entities.js';
import type { AgentStatus, ApplicationStatus } from '../../../shared/model/referential.js';
import type { CandidateInput } from '../../../shared/domain/candidate.js';
import { AppError } from '../../../shared/contract/errors.js';
import type { Db } from './open.js';

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
  wishes: string | null;
}

// Wishes come back as one comma-joined column so that listing 10,000 files is a single query.
const SELECT = `SELECT c.*, (SELECT group_concat(post_id, ',') FROM
                   (SELECT post_id FROM candidate_wishes w WHERE w.candidate_id = c.id ORDER BY rank)) AS wishes
                FROM candidates c`;

/** The query behind every candidate list (exported so that a test can check its plan uses candidates_call). */
export const CANDIDATES_BY_CALL_SQL = `${SELECT} WHERE c.call_id = ?`;

function toFile(r: CandidateRecord): CandidateFile {
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
    wishes: r.wishes ? r.wishes.split(',').map(Number) : [],
    receivedOn: r.received_on,
    status: r.status as ApplicationStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCandidate(db: Db, id: number): CandidateFile {
  const r = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CandidateRecord | undefined;
  if (!r) throw new AppError('not_found', `Le dossier n° ${id} n’existe pas (ou plus).`);
  return toFile(r);
}

export function listCandidates(db: Db, callId: number): CandidateFile[] {
  return (db.prepare(CANDIDATES_BY_CALL_SQL).all(callId) as CandidateRecord[]).map(toFile);
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

function assertEmailFree(db: Db, callId: number, email: string, exceptId: number | null): void {
  if (!email) return;
  const other = db
    .prepare('SELECT id, nom, prenom FROM candidates WHERE call_id = ? AND email = ? AND id IS NOT ?')
    .get(callId, email, exceptId) as { id: number; nom: string; prenom: string } | undefined;
  if (other) {
    throw new AppError('conflict', `Un dossier existe déjà avec cette adresse mail dans cet appel (${other.nom} ${other.prenom}).`, {
      email: `Adresse déjà utilisée par le dossier de ${other.nom} ${other.prenom}.`,
    });
  }
}

function saveWishes(db: Db, candidateId: number, wishes: readonly number[]): void {
  db.prepare('DELETE FROM candidate_wishes WHERE candidate_id = ?').run(candidateId);
  const insert = db.prepare('INSERT INTO candidate_wishes (candidate_id, post_id, rank) VALUES (?, ?, ?)');
  wishes.forEach((postId, rank) => insert.run(candidateId, postId, rank + 1));
}

/** The caller runs it inside a transaction. */
export function insertCandidate(db: Db, callId: number, input: CandidateInput, nowIso: string): number {
  assertEmailFree(db, callId, input.email, null);
  const cols = { ...columns(input), call_id: callId, created_at: nowIso, updated_at: nowIso };
  const names = Object.keys(cols);
  const info = db
    .prepare(`INSERT INTO candidates (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`)
    .run(cols);
  const id = Number(info.lastInsertRowid);
  saveWishes(db, id, input.wishes);
  return id;
}

export function updateCandidate(db: Db, id: number, input: CandidateInput, nowIso: string): void {
  const current = getCandidate(db, id);
  assertEmailFree(db, current.callId, input.email, id);
  const cols = { ...columns(input), updated_at: nowIso };
  const names = Object.keys(cols);
  db.prepare(`UPDATE candidates SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...cols, id });
  saveWishes(db, id, input.wishes);
}

export function deleteCandidate(db: Db, id: number): number {
  const current = getCandidate(db, id);
  db.prepare('DELETE FROM candidates WHERE id = ?').run(id);
  return current.callId;
}
