// Judges a manual move before the server does, with the very helpers the server uses (slotForMove, checkMove),
// so what the screen calls « possible » is what the server accepts. Pure: unit-tested.

import { checkMove } from '../../../../../shared/domain/planner/check.js';
import type { HalfDay, IsoDate, Slot } from '../../../../../shared/domain/planner/model.js';
import { pastDayProblems, slotForMove, startTimes, type MoveTarget } from '../../../../../shared/domain/planner/moves.js';
import { describeSlot, toSlot } from '../../../../../shared/domain/planner/settings.js';
import type { PlannerView } from '../../../../../shared/model/planner.js';

export const LOCKED_MESSAGE = 'Créneau verrouillé : déverrouillez-le pour le déplacer.';

export interface MoveCheck {
  target: MoveTarget;
  /** The slot the move would create, jury included. */
  slot: Slot;
  /** The target is the candidate's current slot: nothing to do. */
  same: boolean;
  /** French explanations; empty when the move is allowed. */
  problems: string[];
}

export function placedSlots(view: PlannerView): Slot[] {
  return view.slots.map(toSlot);
}

export function roomLabel(view: PlannerView, id: string): string {
  return view.settings.rooms.find((r) => r.id === id)?.label ?? 'salle supprimée';
}

export function candidateLabel(view: PlannerView, id: number): string {
  return view.candidates.find((c) => c.id === id)?.label ?? 'candidat inconnu';
}

export function memberNames(view: PlannerView, ids: number[]): string[] {
  return ids.map((id) => view.members.find((m) => m.id === id)?.name ?? 'membre inconnu');
}

export function slotText(view: PlannerView, slot: Pick<Slot, 'date' | 'start' | 'end' | 'roomId'>): string {
  return describeSlot(slot, (id) => roomLabel(view, id));
}

export function isSameSlot(a: Pick<Slot, 'date' | 'start' | 'roomId'>, b: Pick<Slot, 'date' | 'start' | 'roomId'>): boolean {
  return a.date === b.date && a.start === b.start && a.roomId === b.roomId;
}

/** What moving (or placing) a candidate to `target` would break. A locked slot never moves. */
export function evaluateMove(view: PlannerView, placed: Slot[], target: MoveTarget): MoveCheck {
  const slot = slotForMove(view.input, placed, target);
  const current = view.slots.find((s) => s.candidateId === target.candidateId);
  if (current && isSameSlot(current, target)) return { target, slot: toSlot(current), same: true, problems: [] };
  if (current?.locked) return { target, slot, same: false, problems: [LOCKED_MESSAGE] };
  const past = pastDayProblems(current, target, view.today, candidateLabel(view, target.candidateId));
  if (past.length) return { target, slot, same: false, problems: past };
  const problems = [...new Set(checkMove(view.input, placed, slot).map((v) => v.message))];
  return { target, slot, same: false, problems };
}

/**
 * A drop on a half-day of the week view: the first start time of that half-day, in the first room (the
 * candidate's own room first), where the move breaks nothing. When every one breaks something, the one
 * breaking the fewest, so that the screen explains why.
 */
export function halfDayDrop(view: PlannerView, placed: Slot[], candidateId: number, date: IsoDate, half: HalfDay): MoveCheck | null {
  const current = view.slots.find((s) => s.candidateId === candidateId);
  const rooms = view.settings.rooms.map((r) => r.id);
  if (current && rooms.includes(current.roomId)) rooms.sort((a, b) => Number(b === current.roomId) - Number(a === current.roomId));
  let best: MoveCheck | null = null;
  for (const start of startTimes(view.input, half)) {
    for (const roomId of rooms) {
      const check = evaluateMove(view, placed, { candidateId, date, start, roomId });
      if (check.same) continue;
      if (check.problems.length === 0) return check;
      if (!best || check.problems.length < best.problems.length) best = check;
    }
  }
  return best;
}

/** « lundi 08/06/2026, 09:00–09:30, Salle 1 : possible (jury : …). » or the problems, for the live region. */
export function checkSummary(view: PlannerView, check: MoveCheck): string {
  const where = slotText(view, check.slot);
  if (check.same) return `${where} : c’est son créneau actuel.`;
  if (check.problems.length === 0) {
    const jury = memberNames(view, check.slot.memberIds).join(', ');
    return `${where} : possible${jury ? ` (jury : ${jury})` : ''}.`;
  }
  return `${where} : impossible.`;
}
