// Storage of what admissibility needs beyond the file: the call's extra rules, the secretariat's entries
// (facts, head's opinion, override), the mails received and the documents. The callers run writes inside
// the dispatch's transaction.
import { AppError } from '../../../shared/contract/errors.js';
import { isUnsafeToOpen } from '../../../shared/domain/admissibility/documents.js';
import { emptyStoredAdmissibility, type StoredAdmissibility } from '../../../shared/domain/admissibility/application.js';
import type {
  ApplicationDocument,
  ApplicationFactsEntry,
  ApplicationMail,
  CallRules,
  DiplomaLevel,
  DocumentKind,
  HeadAvis,
  HeadOpinion,
  HeadOpinionRecord,
  MondayFreed,
  TeachingLevel,
  VerdictOverride,
  VerdictStatus,
} from '../../../shared/model/admissibility.js';
import type { Call, IsoInstant } from '../../../shared/model/entities.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

// ---------------------------------------------------------------------------------------------
// Rules of a call.

interface RulesRecord {
  required_documents: string;
  required_level: string | null;
  required_academie: string | null;
  minimum_diploma: number | null;
  wished_diploma: number | null;
  require_monday_freed: number;
  require_head_opinion: number;
  commission_criteria: string;
}

/** The call's rules: what the call states (statuses, disciplines, deadline, subject) with the extra rules. */
export function getCallRules(db: Db, call: Pick<Call, 'id' | 'acceptedStatuses' | 'acceptedDisciplines' | 'deadline' | 'subjectPattern'>): CallRules {
  const r = stmt(db, 'SELECT * FROM call_rules WHERE call_id = ?').get(call.id) as RulesRecord | undefined;
  return {
    requiredDocuments: r ? (JSON.parse(r.required_documents) as DocumentKind[]) : [],
    acceptedStatuses: [...call.acceptedStatuses],
    requiredLevel: (r?.required_level ?? null) as TeachingLevel | null,
    requiredAcademie: r?.required_academie ?? null,
    acceptedDisciplines: [...call.acceptedDisciplines],
    minimumDiploma: (r?.minimum_diploma ?? null) as DiplomaLevel | null,
    wishedDiploma: (r?.wished_diploma ?? null) as DiplomaLevel | null,
    deadline: call.deadline,
    requireMondayFreed: r ? r.require_monday_freed === 1 : false,
    requireHeadOpinion: r ? r.require_head_opinion === 1 : false,
    subjectPattern: call.subjectPattern,
    commissionCriteria: r ? (JSON.parse(r.commission_criteria) as string[]) : [],
  };
}

export function saveCallRules(db: Db, callId: number, rules: CallRules, nowIso: string): void {
  stmt(
    db,
    `UPDATE calls SET accepted_statuses = ?, accepted_disciplines = ?, deadline = ?, subject_pattern = ?, updated_at = ? WHERE id = ?`,
  ).run(JSON.stringify(rules.acceptedStatuses), JSON.stringify(rules.acceptedDisciplines), rules.deadline, rules.subjectPattern, nowIso, callId);
  stmt(
    db,
    `INSERT INTO call_rules (call_id, required_documents, required_level, required_academie, minimum_diploma, wished_diploma,
                             require_monday_freed, require_head_opinion, commission_criteria, updated_at)
     VALUES (@callId, @docs, @level, @academie, @minimum, @wished, @monday, @head, @criteria, @now)
     ON CONFLICT (call_id) DO UPDATE SET required_documents = excluded.required_documents, required_level = excluded.required_level,
       required_academie = excluded.required_academie, minimum_diploma = excluded.minimum_diploma, wished_diploma = excluded.wished_diploma,
       require_monday_freed = excluded.require_monday_freed, require_head_opinion = excluded.require_head_opinion,
       commission_criteria = excluded.commission_criteria, updated_at = excluded.updated_at`,
  ).run({
    callId,
    docs: JSON.stringify(rules.requiredDocuments),
    level: rules.requiredLevel,
    academie: rules.requiredAcademie,
    minimum: rules.minimumDiploma,
    wished: rules.wishedDiploma,
    monday: rules.requireMondayFreed ? 1 : 0,
    head: rules.requireHeadOpinion ? 1 : 0,
    criteria: JSON.stringify(rules.commissionCriteria),
    now: nowIso,
  });
}

// ---------------------------------------------------------------------------------------------
// The secretariat's entries about one application.

interface AdmissibilityRecord {
  candidate_id: number;
  academie: string;
  teaching_level: string | null;
  diploma: number | null;
  received_at: string | null;
  head_avis: string | null;
  head_motivation: string;
  head_monday_freed: string | null;
  head_signed_by: string;
  head_signed_on: string | null;
  head_entered_by: string;
  head_entered_at: string | null;
  override_status: string | null;
  override_motivation: string;
  override_by: string;
  override_at: string | null;
}

function headOf(r: AdmissibilityRecord): HeadOpinionRecord | null {
  if (!r.head_avis) return null;
  return {
    avis: r.head_avis as HeadAvis,
    motivation: r.head_motivation,
    mondayFreed: (r.head_monday_freed ?? 'non_precise') as MondayFreed,
    signedBy: r.head_signed_by,
    signedOn: r.head_signed_on,
    enteredBy: r.head_entered_by,
    enteredAt: r.head_entered_at ?? '',
  };
}

function overrideOf(r: AdmissibilityRecord): VerdictOverride | null {
  if (!r.override_status || !r.override_at) return null;
  return { status: r.override_status as VerdictStatus, motivation: r.override_motivation, by: r.override_by, at: r.override_at };
}

function entryOf(r: AdmissibilityRecord): ApplicationFactsEntry {
  return { academie: r.academie, teachingLevel: r.teaching_level as TeachingLevel | null, diploma: r.diploma as DiplomaLevel | null };
}

/** The head's opinion without who entered it: what the rules read. */
function opinionOnly(record: HeadOpinionRecord | null): HeadOpinion | null {
  if (!record) return null;
  return { avis: record.avis, motivation: record.motivation, mondayFreed: record.mondayFreed, signedBy: record.signedBy, signedOn: record.signedOn };
}

export interface StoredWithRecords extends StoredAdmissibility {
  headRecord: HeadOpinionRecord | null;
}

/** Everything stored about one application's admissibility. */
export function getStoredAdmissibility(db: Db, candidateId: number): StoredWithRecords {
  const stored: StoredWithRecords = { ...emptyStoredAdmissibility(), headRecord: null };
  const r = stmt(db, 'SELECT * FROM candidate_admissibility WHERE candidate_id = ?').get(candidateId) as AdmissibilityRecord | undefined;
  if (r) {
    stored.entry = entryOf(r);
    stored.receivedAt = r.received_at;
    stored.headRecord = headOf(r);
    stored.headOpinion = opinionOnly(stored.headRecord);
    stored.override = overrideOf(r);
  }
  stored.documentKinds = (stmt(db, 'SELECT kind FROM candidate_documents WHERE candidate_id = ?').all(candidateId) as { kind: DocumentKind }[]).map(
    (d) => d.kind,
  );
  const mail = stmt(db, 'SELECT subject FROM candidate_mails WHERE candidate_id = ? ORDER BY id LIMIT 1').get(candidateId) as
    | { subject: string }
    | undefined;
  stored.subject = mail ? mail.subject : null;
  return stored;
}

/** The same for every application of a call, in three queries (the candidates table of 10,000 files). */
export function storedAdmissibilityByCall(db: Db, callId: number): Map<number, StoredAdmissibility & { documentCount: number }> {
  const byId = new Map<number, StoredAdmissibility & { documentCount: number }>();
  const of = (id: number) => {
    let stored = byId.get(id);
    if (!stored) {
      stored = { ...emptyStoredAdmissibility(), documentKinds: [], documentCount: 0 };
      byId.set(id, stored);
    }
    return stored;
  };
  const records = stmt(
    db,
    `SELECT a.* FROM candidate_admissibility a JOIN candidates c ON c.id = a.candidate_id WHERE c.call_id = ?`,
  ).all(callId) as AdmissibilityRecord[];
  for (const r of records) {
    const stored = of(r.candidate_id);
    stored.entry = entryOf(r);
    stored.receivedAt = r.received_at;
    stored.headOpinion = opinionOnly(headOf(r));
    stored.override = overrideOf(r);
  }
  const documents = stmt(
    db,
    `SELECT d.candidate_id, d.kind FROM candidate_documents d JOIN candidates c ON c.id = d.candidate_id WHERE c.call_id = ?`,
  ).all(callId) as { candidate_id: number; kind: DocumentKind }[];
  for (const d of documents) {
    const stored = of(d.candidate_id);
    (stored.documentKinds as DocumentKind[]).push(d.kind);
    stored.documentCount++;
  }
  const subjects = stmt(
    db,
    `SELECT candidate_id, subject FROM candidate_mails WHERE call_id = ? AND id IN (SELECT min(id) FROM candidate_mails WHERE call_id = ? GROUP BY candidate_id)`,
  ).all(callId, callId) as { candidate_id: number; subject: string }[];
  for (const m of subjects) of(m.candidate_id).subject = m.subject;
  return byId;
}

function ensureRow(db: Db, candidateId: number): void {
  stmt(db, 'INSERT INTO candidate_admissibility (candidate_id) VALUES (?) ON CONFLICT (candidate_id) DO NOTHING').run(candidateId);
}

export function saveFactsEntry(db: Db, candidateId: number, entry: ApplicationFactsEntry): void {
  ensureRow(db, candidateId);
  stmt(db, 'UPDATE candidate_admissibility SET academie = ?, teaching_level = ?, diploma = ? WHERE candidate_id = ?').run(
    entry.academie,
    entry.teachingLevel,
    entry.diploma,
    candidateId,
  );
}

export function saveHeadOpinion(db: Db, candidateId: number, opinion: HeadOpinion | null, by: string, nowIso: string): void {
  ensureRow(db, candidateId);
  stmt(
    db,
    `UPDATE candidate_admissibility SET head_avis = ?, head_motivation = ?, head_monday_freed = ?, head_signed_by = ?, head_signed_on = ?,
            head_entered_by = ?, head_entered_at = ? WHERE candidate_id = ?`,
  ).run(
    opinion?.avis ?? null,
    opinion?.motivation ?? '',
    opinion?.mondayFreed ?? null,
    opinion?.signedBy ?? '',
    opinion?.signedOn ?? null,
    opinion ? by : '',
    opinion ? nowIso : null,
    candidateId,
  );
}

export function saveOverride(db: Db, candidateId: number, override: VerdictOverride | null): void {
  ensureRow(db, candidateId);
  stmt(db, 'UPDATE candidate_admissibility SET override_status = ?, override_motivation = ?, override_by = ?, override_at = ? WHERE candidate_id = ?').run(
    override?.status ?? null,
    override?.motivation ?? '',
    override?.by ?? '',
    override?.at ?? null,
    candidateId,
  );
}

export function saveReceivedAt(db: Db, candidateId: number, receivedAt: IsoInstant | null): void {
  ensureRow(db, candidateId);
  stmt(db, 'UPDATE candidate_admissibility SET received_at = ? WHERE candidate_id = ?').run(receivedAt, candidateId);
}

// ---------------------------------------------------------------------------------------------
// Mails.

interface MailRecord {
  id: number;
  candidate_id: number;
  file_name: string;
  subject: string;
  from_name: string;
  from_address: string;
  sent_at: string | null;
  forward_note: string;
  body_text: string;
  warnings: string;
  imported_at: string;
}

export interface MailInsert {
  candidateId: number;
  callId: number;
  fileName: string;
  messageId: string | null;
  contentSha256: string;
  subject: string;
  fromName: string;
  fromAddress: string;
  sentAt: IsoInstant | null;
  forwardNote: string;
  bodyText: string;
  warnings: string[];
  importedAt: IsoInstant;
}

export function insertMail(db: Db, mail: MailInsert): number {
  const info = stmt(
    db,
    `INSERT INTO candidate_mails (candidate_id, call_id, file_name, message_id, content_sha256, subject, from_name, from_address, sent_at,
                                  forward_note, body_text, warnings, imported_at)
     VALUES (@candidateId, @callId, @fileName, @messageId, @contentSha256, @subject, @fromName, @fromAddress, @sentAt,
             @forwardNote, @bodyText, @warnings, @importedAt)`,
  ).run({ ...mail, warnings: JSON.stringify(mail.warnings) });
  return Number(info.lastInsertRowid);
}

/** A mail of the call with the same content, or the same Message-ID: the same mail dropped again. */
export function findSameMail(db: Db, callId: number, contentSha256: string, messageId: string | null): { id: number; candidateId: number } | null {
  const row = stmt(
    db,
    `SELECT id, candidate_id FROM candidate_mails WHERE call_id = ? AND (content_sha256 = ? OR (message_id IS NOT NULL AND message_id = ?)) LIMIT 1`,
  ).get(callId, contentSha256, messageId) as { id: number; candidate_id: number } | undefined;
  return row ? { id: row.id, candidateId: row.candidate_id } : null;
}

export function listMails(db: Db, candidateId: number): ApplicationMail[] {
  return (stmt(db, 'SELECT * FROM candidate_mails WHERE candidate_id = ? ORDER BY id').all(candidateId) as MailRecord[]).map((r) => ({
    id: r.id,
    candidateId: r.candidate_id,
    fileName: r.file_name,
    subject: r.subject,
    fromName: r.from_name,
    fromAddress: r.from_address,
    sentAt: r.sent_at,
    forwardNote: r.forward_note,
    bodyText: r.body_text,
    warnings: JSON.parse(r.warnings) as string[],
    importedAt: r.imported_at,
  }));
}

// ---------------------------------------------------------------------------------------------
// Documents.

interface DocumentRecord {
  id: number;
  candidate_id: number;
  mail_id: number | null;
  kind: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  added_at: string;
}

function toDocument(r: DocumentRecord): ApplicationDocument {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    kind: r.kind as DocumentKind,
    fileName: r.file_name,
    mimeType: r.mime_type,
    size: r.size,
    sha256: r.sha256,
    mailId: r.mail_id,
    addedAt: r.added_at,
    unsafe: isUnsafeToOpen(r.file_name),
  };
}

export interface DocumentInsert {
  candidateId: number;
  mailId: number | null;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  addedAt: IsoInstant;
}

/** Adds a document; null when the file already holds the same content (nothing written). */
export function insertDocument(db: Db, doc: DocumentInsert): number | null {
  const info = stmt(
    db,
    `INSERT INTO candidate_documents (candidate_id, mail_id, kind, file_name, mime_type, size, sha256, added_at)
     VALUES (@candidateId, @mailId, @kind, @fileName, @mimeType, @size, @sha256, @addedAt)
     ON CONFLICT (candidate_id, sha256) DO NOTHING`,
  ).run(doc);
  return info.changes === 0 ? null : Number(info.lastInsertRowid);
}

export function listDocuments(db: Db, candidateId: number): ApplicationDocument[] {
  return (stmt(db, 'SELECT * FROM candidate_documents WHERE candidate_id = ? ORDER BY id').all(candidateId) as DocumentRecord[]).map(toDocument);
}

export function getDocument(db: Db, id: number): ApplicationDocument & { callId: number } {
  const r = stmt(db, 'SELECT d.*, c.call_id FROM candidate_documents d JOIN candidates c ON c.id = d.candidate_id WHERE d.id = ?').get(id) as
    | (DocumentRecord & { call_id: number })
    | undefined;
  if (!r) throw new AppError('not_found', `La pièce n° ${id} n’existe pas (ou plus).`);
  return { ...toDocument(r), callId: r.call_id };
}

export function updateDocumentKind(db: Db, id: number, kind: DocumentKind): void {
  stmt(db, 'UPDATE candidate_documents SET kind = ? WHERE id = ?').run(kind, id);
}

export function deleteDocument(db: Db, id: number): void {
  stmt(db, 'DELETE FROM candidate_documents WHERE id = ?').run(id);
}

/** The hashes of a candidate's documents (to erase their files once the candidate is deleted). */
export function documentHashes(db: Db, candidateId: number): string[] {
  return (stmt(db, 'SELECT sha256 FROM candidate_documents WHERE candidate_id = ?').all(candidateId) as { sha256: string }[]).map((d) => d.sha256);
}

/** Whether any file still holds this content. */
export function isHashReferenced(db: Db, sha256: string): boolean {
  return stmt(db, 'SELECT 1 FROM candidate_documents WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}
