// The settings form's draft: numbers and optional sessions as typed, turned into PlannerSettings for the
// shared checker (the same messages as the services) and for saving.
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { formatFrenchDate, parseFrenchDate } from '../../../../shared/domain/dates.js';
import { isHhMm, isIsoDay } from '../../../../shared/domain/planner/calendar.js';
import { holidaysBetween, PLANNER_LIMITS, plannerSettingsProblems } from '../../../../shared/domain/planner/index.js';
import type { HalfDay, HolidayZone, IsoDate, Room, Weekday } from '../../../../shared/domain/planner/model.js';
import { frDay, WEEKDAY_NAMES } from '../../../../shared/domain/planner/text.js';
import type { PlannerSettings } from '../../../../shared/model/planner.js';

/** Dates are typed jj/mm/aaaa, as everywhere else in the app (a browser's date field may show another order). */
export interface BlackoutDraft {
  from: string;
  to: string;
  /** '' : the whole day. */
  half: '' | HalfDay;
  label: string;
}

export interface PanelDraft {
  id: string;
  label: string;
  posts: string[];
  memberIds: number[];
  /** '' : the call's quorum. */
  quorum: string;
}

export interface SettingsDraft {
  from: string;
  to: string;
  workingDays: Weekday[];
  holidays: HolidayZone;
  blackouts: BlackoutDraft[];
  /** A session switched off keeps its hours, so that switching it back on restores them. */
  morningOn: boolean;
  morningStart: string;
  morningEnd: string;
  afternoonOn: boolean;
  afternoonStart: string;
  afternoonEnd: string;
  minutes: string;
  bufferMinutes: string;
  maxPerDay: string;
  rooms: Room[];
  quorum: string;
  presidentRequired: boolean;
  panels: PanelDraft[];
  place: string;
  seed: string;
}

export const WEEKDAY_LABELS = Object.fromEntries(WEEKDAY_NAMES.map((name, i) => [i + 1, name])) as Record<Weekday, string>;
export const HOLIDAY_ZONE_LABELS: Record<HolidayZone, string> = {
  metropole: 'Métropole',
  'alsace-moselle': 'Alsace-Moselle (Vendredi saint et 26 décembre en plus)',
  aucune: 'Aucun jour férié',
};

export function draftOfSettings(s: PlannerSettings): SettingsDraft {
  return {
    from: formatFrenchDate(s.from),
    to: formatFrenchDate(s.to),
    workingDays: [...s.workingDays].sort(),
    holidays: s.holidays,
    blackouts: s.blackouts.map((b) => ({ from: formatFrenchDate(b.from), to: formatFrenchDate(b.to), half: b.half ?? '', label: b.label })),
    morningOn: s.morning !== null,
    morningStart: s.morning?.start ?? '09:00',
    morningEnd: s.morning?.end ?? '12:30',
    afternoonOn: s.afternoon !== null,
    afternoonStart: s.afternoon?.start ?? '14:00',
    afternoonEnd: s.afternoon?.end ?? '17:30',
    minutes: String(s.minutes),
    bufferMinutes: String(s.bufferMinutes),
    maxPerDay: String(s.maxPerDay),
    rooms: s.rooms.map((r) => ({ ...r })),
    quorum: String(s.quorum),
    presidentRequired: s.presidentRequired,
    panels: s.panels.map((p) => ({ id: p.id, label: p.label, posts: [...p.posts], memberIds: [...p.memberIds], quorum: p.quorum === undefined ? '' : String(p.quorum) })),
    place: s.place,
    seed: String(s.seed),
  };
}

/** A whole number as typed; anything else is NaN, which the checker refuses with its own message. */
export function readInteger(text: string): number {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** jj/mm/aaaa → ISO; what cannot be read stays as typed, and the checker calls it invalid. */
export function isoOfTyped(text: string): string {
  const parsed = parseFrenchDate(text);
  return parsed.ok ? parsed.iso : text.trim();
}

/** « 9:00 », « 9h », « 14h30 » → '09:00', '14:30'; anything else stays as typed, and the checker calls it invalid. */
export function hhmmOfTyped(text: string): string {
  const m = /^(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
}

export function settingsOfDraft(d: SettingsDraft): PlannerSettings {
  return {
    from: isoOfTyped(d.from),
    to: isoOfTyped(d.to),
    workingDays: [...d.workingDays].sort(),
    holidays: d.holidays,
    blackouts: d.blackouts.map((b) => ({ from: isoOfTyped(b.from), to: isoOfTyped(b.to), ...(b.half ? { half: b.half } : {}), label: b.label.trim() })),
    morning: d.morningOn ? { start: hhmmOfTyped(d.morningStart), end: hhmmOfTyped(d.morningEnd) } : null,
    afternoon: d.afternoonOn ? { start: hhmmOfTyped(d.afternoonStart), end: hhmmOfTyped(d.afternoonEnd) } : null,
    minutes: readInteger(d.minutes),
    bufferMinutes: readInteger(d.bufferMinutes),
    maxPerDay: readInteger(d.maxPerDay),
    rooms: d.rooms.map((r) => ({ ...r, label: r.label.trim() })),
    quorum: readInteger(d.quorum),
    presidentRequired: d.presidentRequired,
    panels: d.panels.map((p) => ({
      id: p.id,
      label: p.label.trim(),
      posts: p.posts,
      memberIds: p.memberIds,
      ...(p.quorum.trim() ? { quorum: readInteger(p.quorum) } : {}),
    })),
    place: d.place.trim(),
    seed: readInteger(d.seed),
  };
}

/**
 * The shared checker's messages (the quorum against the members who sit, as the services check it), plus what
 * it leaves to the schema: a panel's own quorum, at most its members.
 */
export function draftProblems(d: SettingsDraft, sittingMembers?: number): FieldErrors {
  const errors = plannerSettingsProblems(settingsOfDraft(d), sittingMembers);
  d.panels.forEach((p, i) => {
    if (errors[`panels.${i}`] || !p.quorum.trim()) return;
    const q = readInteger(p.quorum);
    const most = Math.min(PLANNER_LIMITS.quorum, p.memberIds.length || PLANNER_LIMITS.quorum);
    if (!(q >= 1 && q <= most)) {
      errors[`panels.${i}`] = p.memberIds.length
        ? `Quorum du jury « ${p.label.trim() || i + 1} » : de 1 à ${most} (membres de ce jury).`
        : `Quorum du jury « ${p.label.trim() || i + 1} » : de 1 à ${most}.`;
    }
  });
  return errors;
}

/** The field of an excluded period its message is about: the one to draw in red and to focus. */
export function blackoutFieldInError(b: BlackoutDraft): 'from' | 'to' | 'label' {
  const from = isoOfTyped(b.from);
  const to = isoOfTyped(b.to);
  if (!isIsoDay(from)) return 'from';
  if (!isIsoDay(to) || to < from) return 'to';
  return 'label';
}

/** The field of a half-day session its message is about: the tick box (no session at all), or a time. */
export function sessionFieldInError(d: SettingsDraft, which: 'morning' | 'afternoon'): 'on' | 'start' | 'end' {
  const on = which === 'morning' ? d.morningOn : d.afternoonOn;
  if (!on) return 'on';
  const start = hhmmOfTyped(which === 'morning' ? d.morningStart : d.afternoonStart);
  const end = hhmmOfTyped(which === 'morning' ? d.morningEnd : d.afternoonEnd);
  if (!isHhMm(start)) return 'start';
  if (!isHhMm(end)) return 'end';
  // The afternoon starting before the morning ends is the afternoon's start; a session ending before it starts, its end.
  return which === 'afternoon' && start < end ? 'start' : 'end';
}

/** The part of a panel its message is about. */
export function panelFieldInError(p: PanelDraft, message: string): 'label' | 'quorum' | 'posts' | 'members' {
  if (!p.label.trim()) return 'label';
  if (message.startsWith('Quorum')) return 'quorum';
  if (p.posts.length === 0) return 'posts';
  return p.memberIds.length === 0 || /membre|siège/.test(message) ? 'members' : 'label';
}

export interface RoomHolding {
  count: number;
  days: IsoDate[];
}

/** The interviews a room still holds: how many, on which days (in order). */
export function roomHolding(roomId: string, slots: readonly { roomId: string; date: IsoDate }[]): RoomHolding {
  const held = slots.filter((s) => s.roomId === roomId);
  return { count: held.length, days: [...new Set(held.map((s) => s.date))].sort() };
}

/** « accueille 3 entretiens (lundi 01/06/2026, mardi 02/06/2026) ». */
export function holdingText(h: RoomHolding): string {
  return `accueille ${h.count > 1 ? `${h.count} entretiens` : 'un entretien'} (${h.days.map(frDay).join(', ')})`;
}

/** Stored rooms the draft removed while interviews are still held there: the services refuse to save that. */
export function removedRoomsHolding(stored: readonly Room[], draft: readonly Room[], slots: readonly { roomId: string; date: IsoDate }[]): (Room & RoomHolding)[] {
  const kept = new Set(draft.map((r) => r.id));
  return stored.filter((r) => !kept.has(r.id)).map((r) => ({ ...r, ...roomHolding(r.id, slots) })).filter((r) => r.count > 0);
}

/**
 * A new id `<prefix>-<n>` not used now nor by anything stored (a room removed then added again must not
 * inherit the interviews of the removed one).
 */
export function nextId(prefix: string, taken: Iterable<string>): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const id of taken) {
    const m = pattern.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${max + 1}`;
}

/** The public holidays of the window being typed, for the read-only list. */
export function holidaysOfDraft(d: SettingsDraft): { date: string; label: string }[] | null {
  const from = isoOfTyped(d.from);
  const to = isoOfTyped(d.to);
  if (!isIsoDay(from) || !isIsoDay(to) || to < from || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 1) return null;
  return [...holidaysBetween(from, to, d.holidays)].map(([date, label]) => ({ date, label }));
}

/** Server field errors may come as `settings.minutes`; the form knows them as `minutes`. */
export function formFieldErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) out[key.replace(/^settings\./, '')] = message;
  return out;
}
