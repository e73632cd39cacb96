import type { Call, CallSummary, Post } from '../../../shared/model/entities.js';
import type { AgentStatus } from '../../../shared/model/referential.js';
import type { CallInput } from '../../../shared/domain/call.js';
import { AppError } from '../../../shared/contract/errors.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

interface CallRecord {
  id: number;
  title: string;
  reference: string;
  academie: string;
  employer: string;
  location: string;
  category: string;
  description: string;
  accepted_statuses: string;
  accepted_disciplines: string;
  deadline: string | null;
  interview_start: string | null;
  interview_end: string | null;
  interview_place: string;
  presided_by: string;
  panel_size: number | null;
  contact_email: string;
  subject_pattern: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

interface PostRecord {
  id: number;
  call_id: number;
  label: string;
  site: string;
  places: number;
  position: number;
}

function toPost(r: PostRecord): Post {
  return { id: r.id, callId: r.call_id, label: r.label, site: r.site, places: r.places, position: r.position };
}

export function listPosts(db: Db, callId: number): Post[] {
  return (stmt(db, 'SELECT * FROM posts WHERE call_id = ? ORDER BY position, id').all(callId) as PostRecord[]).map(toPost);
}

export function getCall(db: Db, id: number): Call {
  const r = stmt(db, 'SELECT * FROM calls WHERE id = ?').get(id) as CallRecord | undefined;
  if (!r) throw new AppError('not_found', `L’appel n° ${id} n’existe pas (ou plus).`);
  return {
    id: r.id,
    title: r.title,
    reference: r.reference,
    academie: r.academie,
    employer: r.employer,
    location: r.location,
    category: r.category,
    description: r.description,
    acceptedStatuses: JSON.parse(r.accepted_statuses) as AgentStatus[],
    acceptedDisciplines: JSON.parse(r.accepted_disciplines) as string[],
    deadline: r.deadline,
    interviewStart: r.interview_start,
    interviewEnd: r.interview_end,
    interviewPlace: r.interview_place,
    presidedBy: r.presided_by,
    panelSize: r.panel_size,
    contactEmail: r.contact_email,
    subjectPattern: r.subject_pattern,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    posts: listPosts(db, id),
  };
}

export function listCalls(db: Db, includeArchived: boolean): CallSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.title, c.reference, c.academie, c.deadline, c.archived_at,
              (SELECT COUNT(*) FROM posts p WHERE p.call_id = c.id) AS post_count,
              (SELECT COALESCE(SUM(places), 0) FROM posts p WHERE p.call_id = c.id) AS place_count,
              (SELECT COUNT(*) FROM candidates k WHERE k.call_id = c.id) AS candidate_count
         FROM calls c
        WHERE (? = 1 OR c.archived_at IS NULL)
        ORDER BY c.archived_at IS NOT NULL, COALESCE(c.deadline, '9999') DESC, c.id DESC`,
    )
    .all(includeArchived ? 1 : 0) as Array<{
    id: number;
    title: string;
    reference: string;
    academie: string;
    deadline: string | null;
    archived_at: string | null;
    post_count: number;
    place_count: number;
    candidate_count: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    reference: r.reference,
    academie: r.academie,
    deadline: r.deadline,
    archivedAt: r.archived_at,
    postCount: r.post_count,
    placeCount: r.place_count,
    candidateCount: r.candidate_count,
  }));
}

function callColumns(input: CallInput): Record<string, unknown> {
  return {
    title: input.title,
    reference: input.reference,
    academie: input.academie,
    employer: input.employer,
    location: input.location,
    category: input.category,
    description: input.description,
    accepted_statuses: JSON.stringify(input.acceptedStatuses),
    accepted_disciplines: JSON.stringify(input.acceptedDisciplines),
    deadline: input.deadline,
    interview_start: input.interviewStart,
    interview_end: input.interviewEnd,
    interview_place: input.interviewPlace,
    presided_by: input.presidedBy,
    panel_size: input.panelSize,
    contact_email: input.contactEmail,
    subject_pattern: input.subjectPattern,
  };
}

/** Inserts a call and its posts; the caller runs it inside a transaction. */
export function insertCall(db: Db, input: CallInput, nowIso: string, demoKey: string | null = null): number {
  const cols = { ...callColumns(input), demo_key: demoKey, created_at: nowIso, updated_at: nowIso };
  const names = Object.keys(cols);
  const info = db
    .prepare(`INSERT INTO calls (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`)
    .run(cols);
  const callId = Number(info.lastInsertRowid);
  savePosts(db, callId, input.posts);
  return callId;
}

export function updateCall(db: Db, id: number, input: CallInput, nowIso: string): void {
  getCall(db, id);
  const cols = { ...callColumns(input), updated_at: nowIso };
  const names = Object.keys(cols);
  db.prepare(`UPDATE calls SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...cols, id });
  savePosts(db, id, input.posts);
}

/** Replaces the call's posts with `posts`: existing ids are updated, new ones inserted, missing ones removed. */
function savePosts(db: Db, callId: number, posts: CallInput['posts']): void {
  const existing = new Map(listPosts(db, callId).map((p) => [p.id, p]));
  const kept = new Set<number>();
  posts.forEach((p, position) => {
    if (p.id !== undefined) {
      if (!existing.has(p.id)) throw new AppError('not_found', `Le poste n° ${p.id} n’appartient pas à cet appel.`);
      db.prepare('UPDATE posts SET label = ?, site = ?, places = ?, position = ? WHERE id = ?').run(
        p.label,
        p.site,
        p.places,
        position,
        p.id,
      );
      kept.add(p.id);
    } else {
      db.prepare('INSERT INTO posts (call_id, label, site, places, position) VALUES (?, ?, ?, ?, ?)').run(
        callId,
        p.label,
        p.site,
        p.places,
        position,
      );
    }
  });
  for (const post of existing.values()) {
    if (kept.has(post.id)) continue;
    const wished = db.prepare('SELECT COUNT(*) AS n FROM candidate_wishes WHERE post_id = ?').get(post.id) as { n: number };
    if (wished.n > 0) {
      throw new AppError(
        'conflict',
        `Le poste « ${post.label} » est demandé par ${wished.n} candidat(s) : retirez d’abord ce vœu de leur dossier.`,
      );
    }
    db.prepare('DELETE FROM posts WHERE id = ?').run(post.id);
  }
}

export function setArchived(db: Db, id: number, archived: boolean, nowIso: string): void {
  getCall(db, id);
  db.prepare('UPDATE calls SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? nowIso : null, nowIso, id);
}

export function findDemoCalls(db: Db): number[] {
  // In creation order, as the first demo-open returns them (the screen opens the first one).
  return (db.prepare('SELECT id FROM calls WHERE demo_key IS NOT NULL ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
}
