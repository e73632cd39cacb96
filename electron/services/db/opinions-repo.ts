// Storage of the IA-IPR opinions: the secretariat's routing choices, requests with what they contained,
// opinions (one per file, locked) and their history. Writes run inside the dispatch's transaction.
import type { IsoDate, IsoInstant } from '../../../shared/model/entities.js';
import type { IprAvis, IprOpinion, IprOpinionChange, OpinionRequestInfo } from '../../../shared/model/opinions.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

export function assignmentsOfCall(db: Db, callId: number): Map<number, number> {
  const rows = stmt(
    db,
    'SELECT a.candidate_id, a.inspector_id FROM opinion_assignments a JOIN candidates c ON c.id = a.candidate_id WHERE c.call_id = ?',
  ).all(callId) as { candidate_id: number; inspector_id: number }[];
  return new Map(rows.map((r) => [r.candidate_id, r.inspector_id]));
}

export function assignmentOf(db: Db, candidateId: number): number | null {
  const row = stmt(db, 'SELECT inspector_id FROM opinion_assignments WHERE candidate_id = ?').get(candidateId) as { inspector_id: number } | undefined;
  return row?.inspector_id ?? null;
}

export function setAssignment(db: Db, candidateId: number, inspectorId: number | null, by: string, at: IsoInstant): void {
  if (inspectorId === null) {
    stmt(db, 'DELETE FROM opinion_assignments WHERE candidate_id = ?').run(candidateId);
    return;
  }
  stmt(
    db,
    `INSERT INTO opinion_assignments (candidate_id, inspector_id, chosen_by, chosen_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (candidate_id) DO UPDATE SET inspector_id = excluded.inspector_id, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at`,
  ).run(candidateId, inspectorId, by, at);
}

interface RequestRecord {
  id: number;
  call_id: number;
  inspector_id: number;
  requested_at: string;
  due_on: string;
  reminder: number;
}

function toRequest(r: RequestRecord): OpinionRequestInfo {
  return { id: r.id, inspectorId: r.inspector_id, requestedAt: r.requested_at, dueOn: r.due_on, reminder: r.reminder === 1 };
}

export interface RequestInsert {
  callId: number;
  inspectorId: number;
  requestedAt: IsoInstant;
  dueOn: IsoDate;
  reminder: boolean;
  requestedBy: string;
  items: { candidateId: number; nom: string; prenom: string; discipline: string | null }[];
}

export function insertRequest(db: Db, request: RequestInsert): OpinionRequestInfo {
  const id = Number(
    stmt(db, 'INSERT INTO opinion_requests (call_id, inspector_id, requested_at, due_on, reminder, requested_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      request.callId,
      request.inspectorId,
      request.requestedAt,
      request.dueOn,
      request.reminder ? 1 : 0,
      request.requestedBy,
    ).lastInsertRowid,
  );
  const item = stmt(db, 'INSERT INTO opinion_request_items (request_id, candidate_id, nom, prenom, discipline) VALUES (?, ?, ?, ?, ?)');
  for (const i of request.items) item.run(id, i.candidateId, i.nom, i.prenom, i.discipline);
  return { id, inspectorId: request.inspectorId, requestedAt: request.requestedAt, dueOn: request.dueOn, reminder: request.reminder };
}

export interface RequestItem {
  candidateId: number;
  nom: string;
  prenom: string;
  discipline: string | null;
}

/** What the latest request of the call to this inspector sent about this file (null when never requested from them). */
export function latestRequestItem(db: Db, callId: number, inspectorId: number, candidateId: number): (RequestItem & { request: OpinionRequestInfo }) | null {
  const r = stmt(
    db,
    `SELECT i.candidate_id, i.nom, i.prenom, i.discipline, r.* FROM opinion_request_items i JOIN opinion_requests r ON r.id = i.request_id
      WHERE r.call_id = ? AND r.inspector_id = ? AND i.candidate_id = ? ORDER BY r.id DESC LIMIT 1`,
  ).get(callId, inspectorId, candidateId) as (RequestRecord & { candidate_id: number; nom: string; prenom: string; discipline: string | null }) | undefined;
  return r ? { candidateId: r.candidate_id, nom: r.nom, prenom: r.prenom, discipline: r.discipline, request: toRequest(r) } : null;
}

/** The latest request that included each file of the call. */
export function latestRequestsOfCall(db: Db, callId: number): Map<number, OpinionRequestInfo> {
  const rows = stmt(
    db,
    `SELECT i.candidate_id, r.* FROM opinion_request_items i JOIN opinion_requests r ON r.id = i.request_id
      WHERE r.call_id = ? ORDER BY r.id`,
  ).all(callId) as (RequestRecord & { candidate_id: number })[];
  const latest = new Map<number, OpinionRequestInfo>();
  for (const r of rows) latest.set(r.candidate_id, toRequest(r));
  return latest;
}

export function latestRequestOf(db: Db, candidateId: number): OpinionRequestInfo | null {
  const r = stmt(
    db,
    `SELECT r.* FROM opinion_request_items i JOIN opinion_requests r ON r.id = i.request_id WHERE i.candidate_id = ? ORDER BY r.id DESC LIMIT 1`,
  ).get(candidateId) as RequestRecord | undefined;
  return r ? toRequest(r) : null;
}

interface OpinionRecord {
  candidate_id: number;
  inspector_id: number | null;
  inspector_name: string;
  avis: string;
  motivation: string;
  given_on: string;
  source: string;
  recorded_by: string;
  recorded_at: string;
}

function toOpinion(r: OpinionRecord): IprOpinion {
  return {
    avis: r.avis as IprAvis,
    motivation: r.motivation,
    inspectorName: r.inspector_name,
    inspectorId: r.inspector_id,
    givenOn: r.given_on,
    source: r.source as IprOpinion['source'],
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

export function opinionsOfCall(db: Db, callId: number): Map<number, IprOpinion> {
  const rows = stmt(db, 'SELECT o.* FROM ipr_opinions o JOIN candidates c ON c.id = o.candidate_id WHERE c.call_id = ?').all(callId) as OpinionRecord[];
  return new Map(rows.map((r) => [r.candidate_id, toOpinion(r)]));
}

export function opinionOf(db: Db, candidateId: number): IprOpinion | null {
  const r = stmt(db, 'SELECT * FROM ipr_opinions WHERE candidate_id = ?').get(candidateId) as OpinionRecord | undefined;
  return r ? toOpinion(r) : null;
}

/** Replaces (or removes) the opinion of a file and writes the change to its history, together. */
export function recordOpinion(db: Db, candidateId: number, after: IprOpinion | null, change: { at: IsoInstant; by: string; reason: string }): void {
  const before = opinionOf(db, candidateId);
  if (after) {
    stmt(
      db,
      `INSERT INTO ipr_opinions (candidate_id, inspector_id, inspector_name, avis, motivation, given_on, source, recorded_by, recorded_at)
       VALUES (@candidateId, @inspectorId, @inspectorName, @avis, @motivation, @givenOn, @source, @recordedBy, @recordedAt)
       ON CONFLICT (candidate_id) DO UPDATE SET inspector_id = excluded.inspector_id, inspector_name = excluded.inspector_name,
         avis = excluded.avis, motivation = excluded.motivation, given_on = excluded.given_on, source = excluded.source,
         recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
    ).run({ candidateId, ...after });
  } else {
    stmt(db, 'DELETE FROM ipr_opinions WHERE candidate_id = ?').run(candidateId);
  }
  stmt(db, 'INSERT INTO ipr_opinion_history (candidate_id, at, by, reason, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)').run(
    candidateId,
    change.at,
    change.by,
    change.reason,
    before ? JSON.stringify(before) : null,
    after ? JSON.stringify(after) : null,
  );
}

/** Whether opinions were ever requested from this inspector (their requests are a record to keep). */
export function hasRequests(db: Db, inspectorId: number): boolean {
  return stmt(db, 'SELECT 1 FROM opinion_requests WHERE inspector_id = ? LIMIT 1').get(inspectorId) !== undefined;
}

export function historyOf(db: Db, candidateId: number): IprOpinionChange[] {
  const rows = stmt(db, 'SELECT at, by, reason, before_json, after_json FROM ipr_opinion_history WHERE candidate_id = ? ORDER BY id DESC').all(
    candidateId,
  ) as { at: string; by: string; reason: string; before_json: string | null; after_json: string | null }[];
  return rows.map((r) => ({
    at: r.at,
    by: r.by,
    reason: r.reason,
    before: r.before_json ? (JSON.parse(r.before_json) as IprOpinion) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as IprOpinion) : null,
  }));
}
