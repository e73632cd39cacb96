// Pure calendar helpers of the planning views: which days a week shows, what closes a day or a half-day,
// the start times of a day, and where the keyboard target goes on an arrow key. No React here: unit-tested.

import { formatFrenchDate, parisDateOf, parseFrenchDate } from '../../../../../shared/domain/dates.js';
import { addDays, datesBetween, holidaysBetween, isHhMm, isIsoDay, isoWeekday, toMinutes } from '../../../../../shared/domain/planner/calendar.js';
import type { HalfDay, HhMm, IsoDate, PlannerInput } from '../../../../../shared/domain/planner/model.js';
import { startTimes, type MoveTarget } from '../../../../../shared/domain/planner/moves.js';
import { slotKey } from '../../../../../shared/domain/planner/settings.js';
import { frDay, halfDayName, WEEKDAY_SHORT_NAMES } from '../../../../../shared/domain/planner/text.js';
import type { PlannedSlot, PlannerSettings } from '../../../../../shared/model/planner.js';

export type PlanningMode = 'week' | 'day' | 'members' | 'candidates';

/** '2026-06-08' → 'lundi 08/06/2026' (a malformed date as it is). */
export function longDay(date: IsoDate): string {
  return isIsoDay(date) ? frDay(date) : date;
}

/** '2026-06-08' → 'lun. 08/06'. */
export function shortDay(date: IsoDate): string {
  return isIsoDay(date) ? `${WEEKDAY_SHORT_NAMES[isoWeekday(date) - 1]} ${date.slice(8, 10)}/${date.slice(5, 7)}` : date;
}

export const halfLabel = halfDayName;

function windowIsValid(s: PlannerSettings): boolean {
  return isIsoDay(s.from) && isIsoDay(s.to) && s.from <= s.to;
}

/** Days of the window falling on a working weekday; public holidays stay in (shown greyed, a drop there is explained). */
export function windowDays(s: PlannerSettings): IsoDate[] {
  if (!windowIsValid(s)) return [];
  return datesBetween(s.from, s.to).filter((date) => s.workingDays.includes(isoWeekday(date)));
}

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Why a day, or one of its halves, holds no interview; null where it can. Same sources as closedDaysOf. */
export interface Closure {
  day: string | null;
  am: string | null;
  pm: string | null;
}

export function closureOf(s: PlannerSettings, date: IsoDate): Closure {
  const open: Closure = { day: null, am: null, pm: null };
  if (!windowIsValid(s) || date < s.from || date > s.to) return { ...open, day: 'Hors de la période des entretiens' };
  if (!s.workingDays.includes(isoWeekday(date))) return { ...open, day: 'Jour non ouvré' };
  const holiday = holidaysBetween(date, date, s.holidays).get(date);
  if (holiday) return { ...open, day: `Férié : ${holiday}` };
  const covering = s.blackouts.filter((b) => isIsoDay(b.from) && isIsoDay(b.to) && b.from <= date && date <= b.to);
  const whole = covering.find((b) => !b.half);
  if (whole) return { ...open, day: whole.label };
  return { day: null, am: covering.find((b) => b.half === 'am')?.label ?? null, pm: covering.find((b) => b.half === 'pm')?.label ?? null };
}

export interface WeekColumn {
  date: IsoDate;
  closure: Closure;
}

/** The working weekdays of the week holding `date`, each with what closes it. */
export function weekColumns(s: PlannerSettings, date: IsoDate): WeekColumn[] {
  const monday = mondayOf(date);
  return [...s.workingDays]
    .sort((a, b) => a - b)
    .map((weekday) => addDays(monday, weekday - 1))
    .map((day) => ({ date: day, closure: closureOf(s, day) }));
}

/** Where the calendar opens: the first interview day, else the first open day of the window. */
export function defaultDate(s: PlannerSettings, slots: { date: IsoDate }[]): IsoDate {
  const days = windowDays(s);
  const first = slots
    .map((slot) => slot.date)
    .filter((d) => isIsoDay(d) && days.includes(d))
    .sort()[0];
  if (first) return first;
  return days.find((d) => closureOf(s, d).day === null) ?? days[0] ?? (isIsoDay(s.from) ? s.from : '2026-06-01');
}

/** The window day `delta` days away among the window's working days; null past either end. */
export function stepDay(s: PlannerSettings, date: IsoDate, delta: number): IsoDate | null {
  const days = windowDays(s);
  const index = days.indexOf(date);
  if (index >= 0) return days[index + delta] ?? null;
  // A date off the list (a Saturday typed by hand): the nearest working day on the side asked.
  const next = delta > 0 ? days.find((d) => d > date) : [...days].reverse().find((d) => d < date);
  return next ?? null;
}

/** « Aller au jour »: the day typed jj/mm/aaaa, or why it cannot be shown (in French). */
export function readGoToDay(s: Pick<PlannerSettings, 'from' | 'to'>, text: string): { iso: IsoDate } | { problem: string } {
  const period = `du ${formatFrenchDate(s.from)} au ${formatFrenchDate(s.to)}`;
  const parsed = parseFrenchDate(text);
  if (!parsed.ok) {
    return { problem: text.trim() ? `« ${text.trim()} » n’est pas une date : écrivez-la jj/mm/aaaa (${period}).` : `Indiquez un jour jj/mm/aaaa (${period}).` };
  }
  if (parsed.iso < s.from || parsed.iso > s.to) return { problem: `Le ${formatFrenchDate(parsed.iso)} est hors de la période des entretiens (${period}).` };
  return { iso: parsed.iso };
}

/** A window day of the week `delta` weeks away (its first), or null when that week lies outside the window. */
export function stepWeek(s: PlannerSettings, date: IsoDate, delta: number): IsoDate | null {
  const monday = addDays(mondayOf(date), 7 * delta);
  const sunday = addDays(monday, 6);
  return windowDays(s).find((d) => d >= monday && d <= sunday) ?? null;
}

export interface StartTime {
  start: HhMm;
  half: HalfDay;
}

/** Every possible start of a day, morning then afternoon. */
export function dayStartTimes(input: PlannerInput): StartTime[] {
  return [...startTimes(input, 'am').map((start) => ({ start, half: 'am' as const })), ...startTimes(input, 'pm').map((start) => ({ start, half: 'pm' as const }))];
}

/** The half-day a start time lies in, by the daily hours; null outside both. */
export function halfOf(input: PlannerInput, start: HhMm): HalfDay | null {
  if (!isHhMm(start)) return null;
  const t = toMinutes(start);
  const inside = (r: { start: HhMm; end: HhMm } | null) => !!r && isHhMm(r.start) && isHhMm(r.end) && toMinutes(r.start) <= t && t < toMinutes(r.end);
  if (inside(input.hours.morning)) return 'am';
  if (inside(input.hours.afternoon)) return 'pm';
  return null;
}

/** The half-day a stored slot is drawn in; a slot off the hours (after a settings change) goes by the lunch break. */
export function slotHalf(input: PlannerInput, slot: { start: HhMm }): HalfDay {
  const half = halfOf(input, slot.start);
  if (half) return half;
  const afternoon = input.hours.afternoon;
  return afternoon && isHhMm(afternoon.start) && slot.start >= afternoon.start ? 'pm' : 'am';
}

/** The row of the day grid a slot is drawn in: the last start time at or before it (stored slots may be off-grid after a settings change). */
export function rowOf(times: StartTime[], start: HhMm): HhMm | null {
  let row: HhMm | null = null;
  for (const t of times) if (t.start <= start) row = t.start;
  return row ?? times[0]?.start ?? null;
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'PageUp' | 'PageDown' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'].includes(key);
}

/**
 * The keyboard target after a key: up/down the previous/next start time of the day, left/right the
 * previous/next room (day view) or working day (week view), page up/down the previous/next day, home/end
 * the first/last start time. Stays put at the edges.
 */
export function stepTarget(s: PlannerSettings, input: PlannerInput, target: MoveTarget, key: NavKey, mode: 'day' | 'week'): MoveTarget {
  const times = dayStartTimes(input).map((t) => t.start);
  const at = times.indexOf(target.start);
  const moveDay = (delta: number): MoveTarget => {
    const date = stepDay(s, target.date, delta);
    return date ? { ...target, date } : target;
  };
  switch (key) {
    case 'ArrowUp': {
      const index = at >= 0 ? at - 1 : times.findLastIndex((t) => t < target.start);
      return index >= 0 ? { ...target, start: times[index]! } : target;
    }
    case 'ArrowDown': {
      const index = at >= 0 ? at + 1 : times.findIndex((t) => t > target.start);
      return index >= 0 && index < times.length ? { ...target, start: times[index]! } : target;
    }
    case 'Home':
      return times[0] ? { ...target, start: times[0] } : target;
    case 'End':
      return times.length ? { ...target, start: times[times.length - 1]! } : target;
    case 'PageUp':
      return moveDay(-1);
    case 'PageDown':
      return moveDay(1);
    case 'ArrowLeft':
    case 'ArrowRight': {
      const delta = key === 'ArrowLeft' ? -1 : 1;
      if (mode === 'week') return moveDay(delta);
      const rooms = s.rooms.map((r) => r.id);
      const room = rooms[rooms.indexOf(target.roomId) + delta];
      return rooms.includes(target.roomId) && room ? { ...target, roomId: room } : target;
    }
  }
}

export type ConvocationKind = 'todo' | 'done' | 'redo';

/** « à convoquer », « convoqué(e) le 02/06/2026 », or « à reconvoquer » when the slot moved since. */
export function convocationStatus(slot: PlannedSlot): { kind: ConvocationKind; text: string } {
  if (!slot.convokedAt) return { kind: 'todo', text: 'à convoquer' };
  if (slot.convokedFor !== slotKey(slot)) return { kind: 'redo', text: 'à reconvoquer' };
  const at = new Date(slot.convokedAt);
  const day = Number.isNaN(at.getTime()) ? slot.convokedAt : formatFrenchDate(parisDateOf(at));
  return { kind: 'done', text: `convoqué(e) le ${day}` };
}

/**
 * For a slot already convoked: what a move or a removal will require (the candidate holds a convocation for
 * the announced day and time). Null when nothing was sent.
 */
export function convokedNotice(slot: PlannedSlot | null | undefined, who: string, change: 'move' | 'remove'): string | null {
  if (!slot?.convokedAt) return null;
  const [date, start] = (slot.convokedFor ?? slotKey(slot)).split(' ');
  const when = date && isIsoDay(date) ? `pour le ${longDay(date)}${start ? ` à ${start}` : ''}` : 'pour cet entretien';
  return change === 'move'
    ? `${who} a déjà reçu une convocation ${when} : après ce déplacement, il faudra lui en envoyer une nouvelle.`
    : `${who} a déjà reçu une convocation ${when} : il faudra l’avertir que cet entretien n’a plus lieu.`;
}

/** Sorts slots by date, start, then room order of the settings. */
export function bySchedule(rooms: { id: string }[]): (a: { date: IsoDate; start: HhMm; roomId: string }, b: { date: IsoDate; start: HhMm; roomId: string }) => number {
  const order = new Map(rooms.map((r, i) => [r.id, i]));
  return (a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.start !== b.start ? (a.start < b.start ? -1 : 1) : (order.get(a.roomId) ?? 99) - (order.get(b.roomId) ?? 99));
}
