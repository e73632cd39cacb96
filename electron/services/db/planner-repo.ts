// The interview planning of a call: settings, people's constraints, slots and the last run's unplaced.
import type { Availability, HalfDayRef, Slot, Unplaced, UnplacedCode } from '../../../shared/domain/planner/model.js';
import type { PersonAvailability, PlannedSlot, PlannerSettings } from '../../../shared/model/planner.js';
import type { Db } from './open.js';

export interface StoredPlannerState {
  settings: PlannerSettings | null;
  revision: number;
  plannedAt: string | null;
}

export function plannerState(db: Db, callId: number): StoredPlannerState {
  const row = db.prepare('SELECT settings, revision, planned_at FROM planner_settings WHERE call_id = ?').get(callId) as
    | { settings: string | null; revision: number; planned_at: string | null }
    | undefined;
  if (!row) return { settings: null, revision: 0, plannedAt: null };
  return { settings: row.settings ? (JSON.parse(row.settings) as PlannerSettings) : null, revision: row.revision, plannedAt: row.planned_at };
}

/** Every planning change goes through here: the revision a pending proposal was computed from becomes stale. */
export function bumpRevision(db: Db, callId: number, nowIso: string, planned = false): void {
  db.prepare(
    `INSERT INTO planner_settings (call_id, settings, revision, planned_at, updated_at) VALUES (?, NULL, 1, ?, ?)
     ON CONFLICT(call_id) DO UPDATE SET revision = revision + 1, updated_at = excluded.updated_at,
       planned_at = COALESCE(excluded.planned_at, planned_at)`,
  ).run(callId, planned ? nowIso : null, nowIso);
}

export function saveSettings(db: Db, callId: number, settings: PlannerSettings, nowIso: string): void {
  bumpRevision(db, callId, nowIso);
  db.prepare('UPDATE planner_settings SET settings = ? WHERE call_id = ?').run(JSON.stringify(settings), callId);
}

const EMPTY: PersonAvailability = { availability: {}, preferred: [], note: '' };

function constraintsOf(rows: { person: number; availability: string; preferred: string; note: string }[]): Map<number, PersonAvailability> {
  return new Map(
    rows.map((r) => [r.person, { availability: JSON.parse(r.availability) as Availability, preferred: JSON.parse(r.preferred) as HalfDayRef[], note: r.note }]),
  );
}

export function memberConstraints(db: Db, callId: number): Map<number, PersonAvailability> {
  const rows = db
    .prepare('SELECT member_id AS person, availability, preferred, note FROM planner_constraints WHERE call_id = ? AND member_id IS NOT NULL')
    .all(callId) as { person: number; availability: string; preferred: string; note: string }[];
  return constraintsOf(rows);
}

export function candidateConstraints(db: Db, callId: number): Map<number, PersonAvailability> {
  const rows = db
    .prepare('SELECT candidate_id AS person, availability, preferred, note FROM planner_constraints WHERE call_id = ? AND candidate_id IS NOT NULL')
    .all(callId) as { person: number; availability: string; preferred: string; note: string }[];
  return constraintsOf(rows);
}

export function noConstraints(): PersonAvailability {
  return { availability: {}, preferred: [], note: EMPTY.note };
}

export function saveConstraints(db: Db, callId: number, kind: 'member' | 'candidate', personId: number, value: PersonAvailability, nowIso: string): void {
  const column = kind === 'member' ? 'member_id' : 'candidate_id';
  const empty = !value.availability.only && !value.availability.unavailable?.length && !value.availability.weekly?.length && value.preferred.length === 0 && !value.note;
  if (empty) {
    db.prepare(`DELETE FROM planner_constraints WHERE ${column} = ?`).run(personId);
    return;
  }
  db.prepare(
    `INSERT INTO planner_constraints (call_id, ${column}, availability, preferred, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(${column}) DO UPDATE SET availability = excluded.availability, preferred = excluded.preferred, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(callId, personId, JSON.stringify(value.availability), JSON.stringify(value.preferred), value.note, nowIso);
}

interface SlotRow {
  candidate_id: number;
  date: string;
  start: string;
  end: string;
  room_id: string;
  member_ids: string;
  locked: number;
  convoked_at: string | null;
  convoked_for: string | null;
}

export function listSlots(db: Db, callId: number): PlannedSlot[] {
  const rows = db
    .prepare('SELECT candidate_id, date, start, end, room_id, member_ids, locked, convoked_at, convoked_for FROM interview_slots WHERE call_id = ? ORDER BY date, start, room_id')
    .all(callId) as SlotRow[];
  return rows.map((r) => ({
    candidateId: r.candidate_id,
    date: r.date,
    start: r.start,
    end: r.end,
    roomId: r.room_id,
    memberIds: JSON.parse(r.member_ids) as number[],
    locked: r.locked === 1,
    convokedAt: r.convoked_at,
    convokedFor: r.convoked_for,
  }));
}

/** Writes a slot; a convocation already prepared stays recorded (the view compares it with the new time). */
export function upsertSlot(db: Db, callId: number, slot: Slot, locked: boolean, nowIso: string): void {
  db.prepare(
    `INSERT INTO interview_slots (candidate_id, call_id, date, start, end, room_id, member_ids, locked, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(candidate_id) DO UPDATE SET date = excluded.date, start = excluded.start, end = excluded.end, room_id = excluded.room_id,
       member_ids = excluded.member_ids, locked = excluded.locked, updated_at = excluded.updated_at`,
  ).run(slot.candidateId, callId, slot.date, slot.start, slot.end, slot.roomId, JSON.stringify(slot.memberIds), locked ? 1 : 0, nowIso);
}

/** Deletes a slot; a convocation already sent for it is kept as one to call off. */
export function deleteSlot(db: Db, candidateId: number, nowIso: string): number {
  db.prepare(
    `INSERT INTO interview_cancellations (candidate_id, call_id, convoked_for, convoked_at, cancelled_at)
     SELECT candidate_id, call_id, convoked_for, convoked_at, ? FROM interview_slots WHERE candidate_id = ? AND convoked_at IS NOT NULL
     ON CONFLICT(candidate_id) DO UPDATE SET convoked_for = excluded.convoked_for, convoked_at = excluded.convoked_at, cancelled_at = excluded.cancelled_at`,
  ).run(nowIso, candidateId);
  return db.prepare('DELETE FROM interview_slots WHERE candidate_id = ?').run(candidateId).changes;
}

export interface Cancellation {
  candidateId: number;
  convokedFor: string;
  convokedAt: string;
  cancelledAt: string;
}

export function listCancellations(db: Db, callId: number): Cancellation[] {
  return (
    db.prepare('SELECT candidate_id, convoked_for, convoked_at, cancelled_at FROM interview_cancellations WHERE call_id = ? ORDER BY cancelled_at').all(callId) as {
      candidate_id: number;
      convoked_for: string;
      convoked_at: string;
      cancelled_at: string;
    }[]
  ).map((r) => ({ candidateId: r.candidate_id, convokedFor: r.convoked_for, convokedAt: r.convoked_at, cancelledAt: r.cancelled_at }));
}

export function clearCancellation(db: Db, candidateId: number): number {
  return db.prepare('DELETE FROM interview_cancellations WHERE candidate_id = ?').run(candidateId).changes;
}

/** A member who leaves the commission leaves the juries and panels they sat on. */
export function forgetMember(db: Db, callId: number, memberId: number, nowIso: string): void {
  const slots = db.prepare('SELECT candidate_id, member_ids FROM interview_slots WHERE call_id = ?').all(callId) as { candidate_id: number; member_ids: string }[];
  const update = db.prepare('UPDATE interview_slots SET member_ids = ?, updated_at = ? WHERE candidate_id = ?');
  for (const s of slots) {
    const ids = JSON.parse(s.member_ids) as number[];
    if (ids.includes(memberId)) update.run(JSON.stringify(ids.filter((id) => id !== memberId)), nowIso, s.candidate_id);
  }
  const { settings } = plannerState(db, callId);
  if (settings?.panels.some((p) => p.memberIds.includes(memberId))) {
    const panels = settings.panels.map((p) => ({ ...p, memberIds: p.memberIds.filter((id) => id !== memberId) }));
    db.prepare('UPDATE planner_settings SET settings = ? WHERE call_id = ?').run(JSON.stringify({ ...settings, panels }), callId);
  }
  bumpRevision(db, callId, nowIso);
}

export function setLocked(db: Db, candidateId: number, locked: boolean, nowIso: string): number {
  return db.prepare('UPDATE interview_slots SET locked = ?, updated_at = ? WHERE candidate_id = ?').run(locked ? 1 : 0, nowIso, candidateId).changes;
}

export function markConvoked(db: Db, candidateId: number, convokedFor: string, nowIso: string): void {
  clearCancellation(db, candidateId);
  db.prepare('UPDATE interview_slots SET convoked_at = ?, convoked_for = ? WHERE candidate_id = ?').run(nowIso, convokedFor, candidateId);
}

export function unplacedOf(db: Db, callId: number): Map<number, { code: UnplacedCode; reason: string }> {
  const rows = db.prepare('SELECT candidate_id, code, reason FROM planner_unplaced WHERE call_id = ?').all(callId) as { candidate_id: number; code: UnplacedCode; reason: string }[];
  return new Map(rows.map((r) => [r.candidate_id, { code: r.code, reason: r.reason }]));
}

export function replaceUnplaced(db: Db, callId: number, unplaced: Unplaced[]): void {
  db.prepare('DELETE FROM planner_unplaced WHERE call_id = ?').run(callId);
  const insert = db.prepare('INSERT INTO planner_unplaced (candidate_id, call_id, code, reason) VALUES (?, ?, ?, ?)');
  for (const u of unplaced) insert.run(u.candidateId, callId, u.code, u.reason);
}
