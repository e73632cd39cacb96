// An independent plan checker: every hard constraint a plan breaks, in French. It knows nothing of how the
// planner works, so the tests trust it to judge the planner, and the UI uses it to explain a manual move.

import { isHhMm, isIsoDay, isoWeekday, toMinutes } from './calendar.js';
import { buildContext, type Context } from './context.js';
import type { HalfDay, PlannerInput, Slot, Violation, ViolationCode } from './model.js';
import { deName } from '../text.js';
import { frDay, frHalfDay, plural, quoted } from './text.js';

export function candidateName(ctx: Context, id: number): string {
  return ctx.candidates.get(id)?.label ?? `le candidat n° ${id}`;
}

export function memberName(ctx: Context, id: number): string {
  return ctx.members.get(id)?.name ?? `le membre n° ${id}`;
}

function roomName(ctx: Context, id: string): string {
  return `la salle ${quoted(ctx.rooms.get(id)?.label ?? id)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function interviewOf(ctx: Context, slot: Slot): string {
  return `l’entretien ${deName(candidateName(ctx, slot.candidateId))} (${frDay(slot.date)}, ${slot.start}–${slot.end})`;
}

function violation(code: ViolationCode, message: string, slot: Slot, extra: Partial<Violation> = {}): Violation {
  return { code, message, candidateIds: [slot.candidateId], date: slot.date, ...extra };
}

/** The session a slot lies in, or why it lies in none. */
export function locateSlot(ctx: Context, start: number, end: number): { half: HalfDay } | { problem: 'outside-hours' | 'lunch-break' } {
  const inside = ctx.sessions.find((s) => s.start <= start && end <= s.end);
  if (inside) return { half: inside.half };
  const [am, pm] = ctx.sessions;
  const overLunch = !!am && !!pm && start >= am.start && end <= pm.end && start < pm.start && end > am.end;
  return { problem: overLunch ? 'lunch-break' : 'outside-hours' };
}

function hoursText(ctx: Context): string {
  const { morning, afternoon } = ctx.input.hours;
  return [morning, afternoon]
    .filter((r) => r !== null)
    .map((r) => `${r.start}–${r.end}`)
    .join(', ');
}

function calendarViolations(ctx: Context, slot: Slot): Violation[] {
  const { calendar } = ctx.input;
  const what = interviewOf(ctx, slot);
  if (slot.date < calendar.from || slot.date > calendar.to) {
    return [violation('outside-window', `Le ${frDay(slot.date)} est en dehors de la période des entretiens : ${what}.`, slot)];
  }
  if (!calendar.workingDays.includes(isoWeekday(slot.date))) {
    return [violation('non-working-day', `Le ${frDay(slot.date)} n’est pas un jour ouvré : ${what}.`, slot)];
  }
  const holiday = ctx.holidays.get(slot.date);
  if (holiday) return [violation('holiday', `Le ${frDay(slot.date)} est férié (${holiday}) : ${what}.`, slot)];
  const blackout = calendar.blackouts.find((b) => !b.half && b.from <= slot.date && slot.date <= b.to);
  if (blackout) return [violation('blackout', `Le ${frDay(slot.date)} est exclu (${blackout.label}) : ${what}.`, slot)];
  return [];
}

function hoursViolations(ctx: Context, slot: Slot, start: number, end: number): { half: HalfDay | null; found: Violation[] } {
  const what = interviewOf(ctx, slot);
  const found: Violation[] = [];
  if (end - start !== ctx.minutes) {
    found.push(violation('wrong-length', `${capitalise(what)} dure ${end - start} min au lieu de ${ctx.minutes}.`, slot));
  }
  const where = locateSlot(ctx, start, end);
  if ('problem' in where) {
    const message =
      where.problem === 'lunch-break' ? `${capitalise(what)} empiète sur la pause déjeuner.` : `${capitalise(what)} sort des horaires (${hoursText(ctx)}).`;
    found.push(violation(where.problem, message, slot));
    return { half: null, found };
  }
  const blackout = ctx.halfExcluded(slot.date, where.half);
  if (blackout) found.push(violation('blackout', `Le ${frHalfDay(slot.date, where.half)} est exclu (${blackout}) : ${what}.`, slot));
  return { half: where.half, found };
}

function juryViolations(ctx: Context, slot: Slot, half: HalfDay | null): Violation[] {
  const found: Violation[] = [];
  const what = interviewOf(ctx, slot);
  const candidate = ctx.candidates.get(slot.candidateId);
  // An unknown candidate is reported on its own; their members are then judged against no panel.
  const pool = candidate ? ctx.poolOfPost(candidate.post) : null;
  if (candidate && !pool) found.push(violation('no-panel', `Aucun jury n’est prévu pour le poste ${quoted(candidate.post)} : ${what}.`, slot));
  const present = new Set<number>();
  for (const id of new Set(slot.memberIds)) {
    const member = ctx.members.get(id);
    if (!member) {
      found.push(violation('unknown-member', `Le membre n° ${id} est inconnu : ${what}.`, slot, { memberId: id }));
      continue;
    }
    if (pool?.isPanel && !pool.memberIds.includes(id)) {
      found.push(violation('member-not-in-panel', `${member.name} ne fait pas partie du jury ${quoted(pool.label)} : ${what}.`, slot, { memberId: id }));
      continue;
    }
    if (half && !ctx.memberFree.get(id)!(slot.date, half)) {
      found.push(violation('member-unavailable', `${member.name} n’est pas disponible le ${frHalfDay(slot.date, half)} : ${what}.`, slot, { memberId: id }));
      continue;
    }
    present.add(id);
  }
  const quorum = pool?.quorum ?? ctx.input.jury.quorum;
  if (present.size < quorum) {
    found.push(violation('quorum', `${capitalise(what)} réunit ${plural(present.size, 'membre')} disponible${present.size > 1 ? 's' : ''} : le quorum est de ${quorum}.`, slot));
  }
  if (ctx.input.jury.presidentRequired && ![...present].some((id) => ctx.members.get(id)!.president)) {
    found.push(violation('president', `Aucun membre pouvant présider n’assiste à ${what}.`, slot));
  }
  return found;
}

/** The constraints one slot breaks on its own (calendar, hours, room, people), whatever the other slots. */
export function slotViolations(ctx: Context, slot: Slot): Violation[] {
  const found: Violation[] = [];
  const name = candidateName(ctx, slot.candidateId);
  if (!ctx.candidates.has(slot.candidateId)) found.push(violation('unknown-candidate', `Le candidat n° ${slot.candidateId} est inconnu.`, slot));
  if (!isIsoDay(slot.date)) return [...found, violation('bad-date', `La date ${quoted(slot.date)} de l’entretien ${deName(name)} est invalide.`, slot)];
  if (!isHhMm(slot.start) || !isHhMm(slot.end) || slot.start >= slot.end) {
    return [...found, violation('bad-time', `Les heures ${quoted(`${slot.start}–${slot.end}`)} de l’entretien ${deName(name)} sont invalides.`, slot)];
  }
  found.push(...calendarViolations(ctx, slot));
  const hours = hoursViolations(ctx, slot, toMinutes(slot.start), toMinutes(slot.end));
  found.push(...hours.found);
  const { half } = hours;
  const room = ctx.rooms.get(slot.roomId);
  if (!room) found.push(violation('unknown-room', `La salle ${quoted(slot.roomId)} est inconnue : ${interviewOf(ctx, slot)}.`, slot, { roomId: slot.roomId }));
  else if (half && !ctx.roomFree.get(room.id)!(slot.date, half)) {
    found.push(violation('room-unavailable', `${capitalise(roomName(ctx, room.id))} n’est pas disponible le ${frHalfDay(slot.date, half)}.`, slot, { roomId: room.id }));
  }
  if (half && ctx.candidates.has(slot.candidateId) && !ctx.candidateFree.get(slot.candidateId)!(slot.date, half)) {
    found.push(violation('candidate-unavailable', `${capitalise(name)} n’est pas disponible le ${frHalfDay(slot.date, half)}.`, slot));
  }
  found.push(...juryViolations(ctx, slot, half));
  return found;
}

interface Timed {
  slot: Slot;
  start: number;
  end: number;
}

/** Slots already accepted, to test a new one against: double bookings and daily maxima. */
export class Occupancy {
  private readonly byRoom = new Map<string, Timed[]>();
  private readonly byMember = new Map<string, Timed[]>();
  private readonly byCandidate = new Map<number, Slot>();

  constructor(private readonly ctx: Context) {}

  /** What adding `slot` would break; `withMaxima`: also the daily maxima. */
  conflicts(slot: Slot, withMaxima = true): Violation[] {
    const found: Violation[] = [];
    const timed = this.timed(slot);
    const twice = this.byCandidate.get(slot.candidateId);
    if (twice) found.push(this.twiceViolation(twice, slot));
    if (!timed) return found;
    const roomKey = `${slot.roomId}|${slot.date}`;
    for (const other of this.byRoom.get(roomKey) ?? []) {
      if (this.clash(other, timed)) found.push(this.clashViolation('room-double-booked', capitalise(`${roomName(this.ctx, slot.roomId)} accueille`), other, timed, { roomId: slot.roomId }));
    }
    const roomCount = this.byRoom.get(roomKey)?.length ?? 0;
    if (withMaxima && roomCount >= this.ctx.maxPerDay) found.push(this.maxViolation('room-max-per-day', capitalise(roomName(this.ctx, slot.roomId)), 'accueille', roomCount + 1, slot, { roomId: slot.roomId }));
    for (const id of new Set(slot.memberIds)) {
      const list = this.byMember.get(`${id}|${slot.date}`) ?? [];
      for (const other of list) {
        if (this.clash(other, timed)) found.push(this.clashViolation('member-double-booked', `${memberName(this.ctx, id)} siège à`, other, timed, { memberId: id }));
      }
      if (withMaxima && list.length >= this.ctx.maxPerDay) found.push(this.maxViolation('member-max-per-day', memberName(this.ctx, id), 'siège à', list.length + 1, slot, { memberId: id }));
    }
    return found;
  }

  add(slot: Slot): void {
    if (!this.byCandidate.has(slot.candidateId)) this.byCandidate.set(slot.candidateId, slot);
    const timed = this.timed(slot);
    if (!timed) return;
    push(this.byRoom, `${slot.roomId}|${slot.date}`, timed);
    for (const id of new Set(slot.memberIds)) push(this.byMember, `${id}|${slot.date}`, timed);
  }

  /** Every room and member over the daily maximum, once each, with the full count. */
  maxima(): Violation[] {
    const found: Violation[] = [];
    for (const list of this.byRoom.values()) {
      const slot = list[0]!.slot;
      if (list.length > this.ctx.maxPerDay) found.push(this.maxViolation('room-max-per-day', capitalise(roomName(this.ctx, slot.roomId)), 'accueille', list.length, slot, { roomId: slot.roomId, candidateIds: list.map((t) => t.slot.candidateId) }));
    }
    for (const [key, list] of this.byMember) {
      const id = Number(key.slice(0, key.indexOf('|')));
      if (list.length > this.ctx.maxPerDay) found.push(this.maxViolation('member-max-per-day', memberName(this.ctx, id), 'siège à', list.length, list[0]!.slot, { memberId: id, candidateIds: list.map((t) => t.slot.candidateId) }));
    }
    return found;
  }

  private timed(slot: Slot): Timed | null {
    if (!isIsoDay(slot.date) || !isHhMm(slot.start) || !isHhMm(slot.end)) return null;
    return { slot, start: toMinutes(slot.start), end: toMinutes(slot.end) };
  }

  /** Two interviews before the same room or member need the deliberation time between them. */
  private clash(a: Timed, b: Timed): boolean {
    return a.start < b.end + this.ctx.buffer && b.start < a.end + this.ctx.buffer;
  }

  private clashViolation(code: ViolationCode, subject: string, a: Timed, b: Timed, extra: Partial<Violation>): Violation {
    const overlap = a.start < b.end && b.start < a.end;
    const how = overlap ? 'qui se chevauchent' : `trop rapprochés (${this.ctx.buffer} min entre deux entretiens)`;
    const names = `${candidateName(this.ctx, a.slot.candidateId)} (${a.slot.start}–${a.slot.end}) et ${candidateName(this.ctx, b.slot.candidateId)} (${b.slot.start}–${b.slot.end})`;
    return { code, message: `${subject} deux entretiens ${how} le ${frDay(b.slot.date)} : ${names}.`, candidateIds: [a.slot.candidateId, b.slot.candidateId], date: b.slot.date, ...extra };
  }

  private maxViolation(code: ViolationCode, subject: string, verb: string, count: number, slot: Slot, extra: Partial<Violation>): Violation {
    return {
      code,
      message: `${subject} ${verb} ${plural(count, 'entretien')} le ${frDay(slot.date)} : au plus ${this.ctx.maxPerDay} par jour.`,
      candidateIds: [slot.candidateId],
      date: slot.date,
      ...extra,
    };
  }

  private twiceViolation(first: Slot, second: Slot): Violation {
    const name = capitalise(candidateName(this.ctx, first.candidateId));
    const when = (s: Slot): string => (isIsoDay(s.date) ? `${frDay(s.date)} ${s.start}` : s.date);
    return { code: 'candidate-twice', message: `${name} a deux créneaux : ${when(first)} et ${when(second)}.`, candidateIds: [first.candidateId], date: second.date };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameSlot(a: Slot, b: Slot): boolean {
  const members = (s: Slot): string => [...new Set(s.memberIds)].sort((x, y) => x - y).join(',');
  return a.date === b.date && a.start === b.start && a.end === b.end && a.roomId === b.roomId && members(a) === members(b);
}

function lockedViolations(ctx: Context, placed: Slot[]): Violation[] {
  const found: Violation[] = [];
  for (const lock of ctx.input.locked) {
    const now = placed.filter((s) => s.candidateId === lock.candidateId);
    if (now.some((s) => sameSlot(s, lock))) continue;
    const what = `Le créneau verrouillé ${deName(candidateName(ctx, lock.candidateId))} (${isIsoDay(lock.date) ? frDay(lock.date) : lock.date}, ${lock.start}–${lock.end}, ${roomName(ctx, lock.roomId)})`;
    found.push(violation('locked-moved', now.length ? `${what} a été modifié.` : `${what} a disparu du planning.`, lock));
  }
  return found;
}

/** Every hard constraint the plan breaks; empty when the plan can be sent. */
export function checkPlan(input: PlannerInput, plan: { placed: Slot[] }): Violation[] {
  const ctx = buildContext(input);
  return checkSlots(ctx, plan.placed);
}

export function checkSlots(ctx: Context, placed: Slot[]): Violation[] {
  const found: Violation[] = [];
  const occupancy = new Occupancy(ctx);
  for (const slot of placed) {
    found.push(...slotViolations(ctx, slot), ...occupancy.conflicts(slot, false));
    occupancy.add(slot);
  }
  found.push(...occupancy.maxima(), ...lockedViolations(ctx, placed));
  return found;
}

/** The constraints one slot breaks on its own, for the UI to explain a drop before it is accepted. */
export function checkSlot(input: PlannerInput, slot: Slot): Violation[] {
  return slotViolations(buildContext(input), slot);
}

/** What moving one candidate's interview to `slot` would break, given the rest of the plan. */
export function checkMove(input: PlannerInput, placed: Slot[], slot: Slot): Violation[] {
  const others = placed.filter((s) => s.candidateId !== slot.candidateId);
  return checkPlan(input, { placed: [...others, slot] }).filter((v) => v.candidateIds.includes(slot.candidateId));
}

