import type { Actor, JournalEntry } from '../../../shared/model/entities.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

/** Who a change is recorded under when nobody said « qui suis-je » on this laptop. */
export const UNNAMED_ACTOR = 'Personne non identifiée';

export interface JournalWrite {
  at: string;
  actor: Actor | null;
  method: string;
  entity: string;
  entityId: number | null;
  callId: number | null;
}

export function appendJournal(db: Db, entry: JournalWrite): void {
  stmt(db, 'INSERT INTO journal (at, actor_name, actor_email, method, entity, entity_id, call_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(entry.at, entry.actor?.name ?? UNNAMED_ACTOR, entry.actor?.email ?? '', entry.method, entry.entity, entry.entityId, entry.callId);
}

export function listJournal(db: Db, callId: number | undefined, limit: number): JournalEntry[] {
  const rows = db
    .prepare(`SELECT * FROM journal WHERE (? IS NULL OR call_id = ?) ORDER BY id DESC LIMIT ?`)
    .all(callId ?? null, callId ?? null, limit) as Array<{
    id: number;
    at: string;
    actor_name: string;
    actor_email: string;
    method: string;
    entity: string;
    entity_id: number | null;
    call_id: number | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    actorEmail: r.actor_email,
    method: r.method,
    entity: r.entity,
    entityId: r.entity_id,
    callId: r.call_id,
  }));
}
