// A manual move: the slot a candidate would have if dropped at a date, time and room, with the jury it
// would sit before. The jury already sitting in that room on that half-day is kept (one jury per session);
// otherwise the candidate's previous jury when it is free then; otherwise free members of the candidate's
// pool, those who may chair first. checkMove then says what, if anything, the move breaks.

import { addDays, fromMinutes, isHhMm, isIsoDay, toMinutes } from './calendar.js';
import { deName } from '../text.js';
import { frDay } from './text.js';
import { buildContext } from './context.js';
import { locateSlot } from './check.js';
import type { HalfDay, IsoDate, HhMm, PlannerInput, Slot } from './model.js';

export interface MoveTarget {
  candidateId: number;
  date: IsoDate;
  start: HhMm;
  roomId: string;
}

function overlaps(a: Slot, start: number, end: number, buffer: number): boolean {
  return toMinutes(a.start) < end + buffer && start < toMinutes(a.end) + buffer;
}

/** The slot a move would create (end from the interview length, jury chosen as above). */
export function slotForMove(input: PlannerInput, placed: Slot[], target: MoveTarget): Slot {
  const minutes = input.interview.minutes;
  const valid = isIsoDay(target.date) && isHhMm(target.start);
  const end = valid ? fromMinutes(toMinutes(target.start) + minutes) : target.start;
  const base: Slot = { candidateId: target.candidateId, date: target.date, start: target.start, end, roomId: target.roomId, memberIds: [] };
  if (!valid || toMinutes(target.start) + minutes >= 24 * 60) return base;
  const ctx = buildContext(input);
  const start = toMinutes(target.start);
  const where = locateSlot(ctx, start, start + minutes);
  const previous = placed.find((s) => s.candidateId === target.candidateId);
  const candidate = ctx.candidates.get(target.candidateId);
  const pool = candidate ? ctx.poolOfPost(candidate.post) : null;
  if (!('half' in where) || !pool) return { ...base, memberIds: previous ? [...previous.memberIds] : [] };
  const half: HalfDay = where.half;
  const others = placed.filter((s) => s.candidateId !== target.candidateId && s.date === target.date);
  const inHalf = (s: Slot): boolean => {
    const w = locateSlot(ctx, toMinutes(s.start), toMinutes(s.end));
    return 'half' in w && w.half === half;
  };
  const session = others.find((s) => s.roomId === target.roomId && inHalf(s) && s.memberIds.every((id) => pool.memberIds.includes(id)));
  if (session) return { ...base, memberIds: [...session.memberIds] };
  const busy = new Set(others.filter((s) => s.roomId !== target.roomId && overlaps(s, start, start + minutes, ctx.buffer)).flatMap((s) => s.memberIds));
  const free = (id: number): boolean => ctx.members.has(id) && pool.memberIds.includes(id) && ctx.memberFree.get(id)!(target.date, half) && !busy.has(id);
  if (previous && previous.memberIds.length >= pool.quorum && previous.memberIds.every(free)) return { ...base, memberIds: [...previous.memberIds] };
  const size = Math.max(pool.quorum, previous?.memberIds.length ?? 0);
  const chosen = pool.memberIds
    .filter(free)
    .sort((a, b) => Number(ctx.members.get(b)!.president) - Number(ctx.members.get(a)!.president) || a - b)
    .slice(0, size)
    .sort((a, b) => a - b);
  return { ...base, memberIds: chosen };
}

/** Interview start times of a half-day, one after another with the deliberation time between them. */
export function startTimes(input: PlannerInput, half: HalfDay): HhMm[] {
  const range = half === 'am' ? input.hours.morning : input.hours.afternoon;
  if (!range || !isHhMm(range.start) || !isHhMm(range.end)) return [];
  const step = input.interview.minutes + Math.max(0, input.interview.bufferMinutes);
  const out: HhMm[] = [];
  if (step <= 0) return out;
  for (let t = toMinutes(range.start); t + input.interview.minutes <= toMinutes(range.end); t += step) out.push(fromMinutes(t));
  return out;
}

/**
 * What the calendar forbids a move by hand, whatever the constraints: an interview already held stays where it
 * was, and no interview goes on a day up to `today` (Paris). The screen and the services both ask.
 */
export function pastDayProblems(current: { date: IsoDate } | undefined, target: { date: IsoDate }, today: IsoDate, candidate: string): string[] {
  if (current && current.date <= today) return [`L’entretien ${deName(candidate)} (${frDay(current.date)}) a déjà eu lieu : il ne se déplace plus.`];
  if (isIsoDay(target.date) && target.date <= today) return [`Le ${frDay(target.date)} est passé : choisissez un jour à partir du ${frDay(addDays(today, 1))}.`];
  return [];
}
