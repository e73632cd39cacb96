// The planner's settings as the secretariat types them: defaults drawn from the call, field-by-field checks
// in French (used by the form and by the services alike), the planner's input assembled from what is stored,
// and the half-day lists people type (« 03/06/2026 matin ; du 15/06 au 19/06/2026 ; mardi après-midi »).

import type { FieldErrors } from '../../contract/errors.js';
import type { PersonAvailability, PlannerSettings, PlannedSlot } from '../../model/planner.js';
import { formatFrenchDate, parseFrenchDate } from '../dates.js';
import { addDays, datesBetween, holidaysBetween, isHhMm, isIsoDay, isoWeekday, toMinutes } from './calendar.js';
import type { Availability, HalfDay, HalfDayRef, IsoDate, PlannerInput, Slot, WeeklyHalfDay, Weekday } from './model.js';
import { frDay, halfDayName, weekdayName, WEEKDAY_NAMES } from './text.js';

export const PLANNER_LIMITS = { rooms: 50, blackouts: 100, panels: 50, minutes: 240, maxPerDay: 40, windowDays: 370, quorum: 30 } as const;

export interface SettingsSource {
  interviewStart: IsoDate | null;
  interviewEnd: IsoDate | null;
  interviewPlace: string;
  deadline: IsoDate | null;
  /** Members who sit on the jury (secretariat excluded). */
  sittingMembers: number;
  hasPresident: boolean;
}

function lastDayOfMonth(date: IsoDate): IsoDate {
  const next = Number(date.slice(5, 7)) === 12 ? `${Number(date.slice(0, 4)) + 1}-01-01` : `${date.slice(0, 4)}-${String(Number(date.slice(5, 7)) + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * Sensible defaults from the call: its interview window; otherwise the month after the deadline (June for the
 * seeds' 15 May), to its last day. 30 min + 10.
 */
export function defaultPlannerSettings(call: SettingsSource): PlannerSettings {
  const deadline = call.deadline && isIsoDay(call.deadline) ? call.deadline : null;
  const afterDeadline = deadline ? addDays(lastDayOfMonth(deadline), 1) : '2026-06-01';
  const from = call.interviewStart && isIsoDay(call.interviewStart) ? call.interviewStart : afterDeadline;
  const to = call.interviewEnd && isIsoDay(call.interviewEnd) && call.interviewEnd >= from ? call.interviewEnd : lastDayOfMonth(from);
  return {
    from,
    to,
    workingDays: [1, 2, 3, 4, 5],
    holidays: 'metropole',
    blackouts: [],
    morning: { start: '09:00', end: '12:30' },
    afternoon: { start: '14:00', end: '17:30' },
    minutes: 30,
    bufferMinutes: 10,
    maxPerDay: 8,
    rooms: [{ id: 'salle-1', label: 'Salle 1' }],
    quorum: Math.max(1, Math.min(3, call.sittingMembers)),
    presidentRequired: call.hasPresident,
    panels: [],
    place: call.interviewPlace,
    seed: 1,
  };
}

/** Field → French message; empty when the settings can be saved. */
export function plannerSettingsProblems(s: PlannerSettings, sittingMembers?: number): FieldErrors {
  const errors: FieldErrors = {};
  if (!isIsoDay(s.from)) errors.from = 'Date de début invalide.';
  if (!isIsoDay(s.to)) errors.to = 'Date de fin invalide.';
  else if (isIsoDay(s.from) && s.to < s.from) errors.to = 'La période se termine avant de commencer.';
  else if (isIsoDay(s.from) && datesBetween(s.from, s.to).length > PLANNER_LIMITS.windowDays) errors.to = 'La période dépasse un an.';
  if (s.workingDays.length === 0) errors.workingDays = 'Choisissez au moins un jour de la semaine.';
  const range = (key: 'morning' | 'afternoon', of: string, the: string) => {
    const r = s[key];
    if (!r) return;
    if (!isHhMm(r.start) || !isHhMm(r.end)) errors[key] = `Horaires ${of} invalides (hh:mm, par exemple 09:00).`;
    else if (toMinutes(r.start) >= toMinutes(r.end)) errors[key] = `${the} doit finir après son début.`;
  };
  range('morning', 'du matin', 'Le matin');
  range('afternoon', 'de l’après-midi', 'L’après-midi');
  if (!s.morning && !s.afternoon) errors.morning = 'Prévoyez au moins une demi-journée d’entretiens.';
  if (s.morning && s.afternoon && !errors.morning && !errors.afternoon && toMinutes(s.morning.end) > toMinutes(s.afternoon.start)) {
    errors.afternoon = 'L’après-midi commence avant la fin du matin.';
  }
  if (!Number.isInteger(s.minutes) || s.minutes < 5 || s.minutes > PLANNER_LIMITS.minutes) errors.minutes = `Durée d’un entretien : de 5 à ${PLANNER_LIMITS.minutes} minutes.`;
  else {
    const longest = Math.max(0, ...[s.morning, s.afternoon].filter((r) => r && isHhMm(r.start) && isHhMm(r.end)).map((r) => toMinutes(r!.end) - toMinutes(r!.start)));
    if (longest > 0 && s.minutes > longest) errors.minutes = `Un entretien de ${s.minutes} min ne tient dans aucune demi-journée.`;
  }
  if (!Number.isInteger(s.bufferMinutes) || s.bufferMinutes < 0 || s.bufferMinutes > 120) errors.bufferMinutes = 'Temps entre deux entretiens : de 0 à 120 minutes.';
  if (!Number.isInteger(s.maxPerDay) || s.maxPerDay < 1 || s.maxPerDay > PLANNER_LIMITS.maxPerDay) errors.maxPerDay = `Entretiens par jour : de 1 à ${PLANNER_LIMITS.maxPerDay}.`;
  const most = Math.min(PLANNER_LIMITS.quorum, sittingMembers ?? PLANNER_LIMITS.quorum);
  if (!Number.isInteger(s.quorum) || s.quorum < 1 || s.quorum > most) {
    errors.quorum = sittingMembers === undefined ? `Le quorum doit être compris entre 1 et ${most}.` : `Le quorum doit être compris entre 1 et ${most} (membres qui siègent).`;
  }
  if (s.rooms.length === 0) errors.rooms = 'Prévoyez au moins une salle.';
  if (s.rooms.length > PLANNER_LIMITS.rooms) errors.rooms = `${PLANNER_LIMITS.rooms} salles au plus.`;
  const labels = new Set<string>();
  const roomIds = new Set<string>();
  s.rooms.forEach((room, i) => {
    const label = room.label.trim();
    if (roomIds.has(room.id)) errors[`rooms.${i}`] = 'Deux salles ont le même identifiant.';
    roomIds.add(room.id);
    const bad = (room.unavailable ?? []).find((r) => !isIsoDay(r.date));
    if (bad) errors[`rooms.${i}`] = `Date d’indisponibilité invalide : « ${bad.date} ».`;
    if (!label) errors[`rooms.${i}`] = 'Nom de salle manquant.';
    else if (labels.has(label.toLowerCase())) errors[`rooms.${i}`] = `La salle « ${label} » figure deux fois.`;
    labels.add(label.toLowerCase());
  });
  s.blackouts.forEach((b, i) => {
    if (!isIsoDay(b.from) || !isIsoDay(b.to)) errors[`blackouts.${i}`] = 'Dates invalides.';
    else if (b.to < b.from) errors[`blackouts.${i}`] = 'La période se termine avant de commencer.';
    else if (!b.label.trim()) errors[`blackouts.${i}`] = 'Indiquez le motif (brevet, baccalauréat…).';
  });
  s.panels.forEach((p, i) => {
    if (!p.label.trim()) errors[`panels.${i}`] = 'Nom du jury manquant.';
    else if (p.posts.length === 0) errors[`panels.${i}`] = `Le jury « ${p.label} » n’entend aucun poste.`;
    else if (p.memberIds.length === 0) errors[`panels.${i}`] = `Le jury « ${p.label} » n’a aucun membre.`;
  });
  if (s.blackouts.length > PLANNER_LIMITS.blackouts) errors.blackouts = `${PLANNER_LIMITS.blackouts} périodes au plus.`;
  if (s.panels.length > PLANNER_LIMITS.panels) errors.panels = `${PLANNER_LIMITS.panels} jurys au plus.`;
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > 2 ** 31) errors.seed = 'Variante du calcul : un nombre entier de 0 à 2 147 483 648.';
  return errors;
}

export interface InputSource {
  settings: PlannerSettings;
  members: { id: number; name: string; president: boolean; sits: boolean; constraints: PersonAvailability }[];
  candidates: { id: number; label: string; post: string; toHear: boolean; constraints: PersonAvailability }[];
  slots: PlannedSlot[];
}

function cleanAvailability(a: Availability): Availability | undefined {
  const out: Availability = {};
  if (a.only) out.only = a.only;
  if (a.unavailable?.length) out.unavailable = a.unavailable;
  if (a.weekly?.length) out.weekly = a.weekly;
  return Object.keys(out).length ? out : undefined;
}

/** The planner's input from what is stored: sitting members, candidates to hear, locked slots. */
export function buildPlannerInput(source: InputSource): PlannerInput {
  const s = source.settings;
  const hear = new Set(source.candidates.filter((c) => c.toHear).map((c) => c.id));
  return {
    calendar: { from: s.from, to: s.to, workingDays: s.workingDays, holidays: s.holidays, blackouts: s.blackouts },
    hours: { morning: s.morning, afternoon: s.afternoon },
    interview: { minutes: s.minutes, bufferMinutes: s.bufferMinutes, maxPerDay: s.maxPerDay },
    jury: { quorum: s.quorum, presidentRequired: s.presidentRequired, panels: s.panels },
    rooms: s.rooms,
    members: source.members
      .filter((m) => m.sits)
      .map((m) => {
        const availability = cleanAvailability(m.constraints.availability);
        return { id: m.id, name: m.name, president: m.president, ...(availability ? { availability } : {}) };
      }),
    candidates: source.candidates
      .filter((c) => c.toHear)
      .map((c) => {
        const availability = cleanAvailability(c.constraints.availability);
        return {
          id: c.id,
          label: c.label,
          post: c.post,
          ...(availability ? { availability } : {}),
          ...(c.constraints.preferred.length ? { preferred: c.constraints.preferred } : {}),
        };
      }),
    locked: source.slots.filter((slot) => slot.locked && hear.has(slot.candidateId)).map(toSlot),
  };
}

export function toSlot(slot: Slot): Slot {
  return { candidateId: slot.candidateId, date: slot.date, start: slot.start, end: slot.end, roomId: slot.roomId, memberIds: [...slot.memberIds] };
}

/** `date start room`: what a convocation announced. */
export function slotKey(slot: Pick<Slot, 'date' | 'start' | 'roomId'>): string {
  return `${slot.date} ${slot.start} ${slot.roomId}`;
}

/** Public holidays and blackouts of the window, for the calendar. */
export function closedDaysOf(settings: PlannerSettings): { date: IsoDate; label: string }[] {
  if (!isIsoDay(settings.from) || !isIsoDay(settings.to) || settings.to < settings.from) return [];
  const out: { date: IsoDate; label: string }[] = [];
  const holidays = holidaysBetween(settings.from, settings.to, settings.holidays);
  for (const [date, label] of holidays) out.push({ date, label });
  for (const b of settings.blackouts) {
    if (!isIsoDay(b.from) || !isIsoDay(b.to) || b.to < b.from) continue;
    for (const date of datesBetween(b.from < settings.from ? settings.from : b.from, b.to > settings.to ? settings.to : b.to)) {
      out.push({ date, label: b.half ? `${b.label} (${b.half === 'am' ? 'matin' : 'après-midi'})` : b.label });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ——— Half-day lists as people type them ———

const WEEKDAY_WORDS: Record<string, Weekday> = Object.fromEntries(WEEKDAY_NAMES.map((name, i) => [name, (i + 1) as Weekday]));

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function halfOf(words: string): HalfDay | undefined | null {
  const w = words.replace(/\b(toute la journee|journee|la journee|jour entier)\b/g, '').trim();
  if (!w) return undefined;
  if (/^(le )?(matin|am|matinee)$/.test(w)) return 'am';
  if (/^(l )?(apres-midi|apres midi|aprem|pm|apm)$/.test(w)) return 'pm';
  return null;
}

type DateRead = { iso: IsoDate } | { problem: string };

function dateOf(token: string, year: number): DateRead {
  const t = token.trim();
  if (isIsoDay(t)) return { iso: t };
  const short = /^(\d{1,2})[/.-](\d{1,2})$/.exec(t);
  const parsed = parseFrenchDate(short ? `${short[1]}/${short[2]}/${year}` : t);
  // « Le 31/06/2026 n’existe pas dans le calendrier. » says more than « invalide ».
  return parsed.ok ? { iso: parsed.iso } : { problem: parsed.message.charAt(0).toLowerCase() + parsed.message.slice(1) };
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const MONTH_DATE = new RegExp(String.raw`\b(\d{1,2})(?:er)? (${MONTHS.join('|')})(?: (\d{4}))?\b`, 'g');

/** « 8 juin », « 1er juin 2026 » → « 8/6 », « 1/6/2026 »; « du 8 au 10/6 » → « du 8/6 au 10/6 ». */
function numericDates(folded: string): string {
  const numeric = folded.replace(MONTH_DATE, (_m, day: string, month: string, y?: string) => `${day}/${MONTHS.indexOf(month) + 1}${y ? `/${y}` : ''}`);
  return numeric.replace(/^(du |de )?(\d{1,2}) (au|a|-|–) (\d{1,2})([/.-]\d{1,2}(?:[/.-]\d{2,4})?)/, (_m, du: string | undefined, d1: string, au: string, d2: string, rest: string) => `${du ?? ''}${d1}${rest} ${au} ${d2}${rest}`);
}

const WEEKDAY_BEFORE_DATE = /^(?:le )?(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (?=\d)/;

export interface HalfDayList {
  dates: HalfDayRef[];
  weekly: WeeklyHalfDay[];
  /** One French message per entry not understood, quoting it. */
  problems: string[];
}

const DATE_TOKEN = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)`;
const RANGE = new RegExp(String.raw`^(?:du )?${DATE_TOKEN} ?(?:au|a|-|–) ?${DATE_TOKEN}(?: (.*))?$`);
const SINGLE = new RegExp(String.raw`^(?:le )?${DATE_TOKEN}(?: (.*))?$`);
const WEEKLY = /^(?:tous les |chaque |le )?(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?(?: (.*))?$/;

/**
 * Reads « 03/06/2026 matin ; du 15/06/2026 au 19/06/2026 ; mardi après-midi » (entries split by ; , or new
 * lines). A day without its year takes `year`. Ranges longer than the limit are refused, not truncated.
 */
export function parseHalfDayList(text: string, year: number): HalfDayList {
  const out: HalfDayList = { dates: [], weekly: [], problems: [] };
  for (const raw of text.split(/[;\n,]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    let f = numericDates(fold(entry));
    // « mardi 03/06/2026 »: the weekday is checked against the date, then set aside.
    const named = WEEKDAY_BEFORE_DATE.exec(f);
    if (named) f = f.slice(named[0].length);
    const range = RANGE.exec(f);
    const single = range ? null : SINGLE.exec(f);
    const weekly = range || single ? null : WEEKLY.exec(f);
    if (range) {
      const from = dateOf(range[1]!, year);
      const to = dateOf(range[2]!, year);
      const half = halfOf(range[3] ?? '');
      if ('problem' in from) out.problems.push(`« ${entry} » : ${from.problem}`);
      else if ('problem' in to) out.problems.push(`« ${entry} » : ${to.problem}`);
      else if (half === null) out.problems.push(`« ${entry} » : après la période, précisez « matin » ou « après-midi », ou rien pour des journées entières.`);
      else if (to.iso < from.iso) out.problems.push(`« ${entry} » : la période se termine avant de commencer.`);
      else if (datesBetween(from.iso, to.iso).length > PLANNER_LIMITS.windowDays) out.problems.push(`« ${entry} » : période de plus d’un an.`);
      else for (const date of datesBetween(from.iso, to.iso)) out.dates.push(half ? { date, half } : { date });
    } else if (single) {
      const date = dateOf(single[1]!, year);
      const half = halfOf(single[2] ?? '');
      if ('problem' in date) out.problems.push(`« ${entry} » : ${date.problem}`);
      else if (named && WEEKDAY_WORDS[named[1]!] !== isoWeekday(date.iso)) out.problems.push(`« ${entry} » : le ${formatFrenchDate(date.iso)} est un ${weekdayName(date.iso)}, pas un ${named[1]}.`);
      else if (half === null) out.problems.push(`« ${entry} » : après la date, précisez « matin » ou « après-midi », ou rien pour la journée.`);
      else out.dates.push(half ? { date: date.iso, half } : { date: date.iso });
    } else if (weekly) {
      const half = halfOf(weekly[2] ?? '');
      if (half === null) out.problems.push(`« ${entry} » : après le jour, précisez « matin » ou « après-midi », ou rien pour la journée.`);
      else out.weekly.push(half ? { weekday: WEEKDAY_WORDS[weekly[1]!]!, half } : { weekday: WEEKDAY_WORDS[weekly[1]!]! });
    } else {
      out.problems.push(`« ${entry} » n’est pas compris : écrivez une date (03/06/2026 matin), une période (du 15/06/2026 au 19/06/2026) ou un jour de la semaine (mardi après-midi).`);
    }
  }
  out.dates = uniqueRefs(out.dates);
  return out;
}

function uniqueRefs(refs: HalfDayRef[]): HalfDayRef[] {
  const byDate = new Map<IsoDate, Set<string>>();
  for (const r of refs) {
    const halves = byDate.get(r.date) ?? new Set<string>();
    halves.add(r.half ?? 'day');
    byDate.set(r.date, halves);
  }
  const out: HalfDayRef[] = [];
  for (const [date, halves] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (halves.has('day') || (halves.has('am') && halves.has('pm'))) out.push({ date });
    else out.push({ date, half: halves.has('am') ? 'am' : 'pm' });
  }
  return out;
}

/** The inverse of parseHalfDayList: consecutive whole days become « du … au … ». */
export function formatHalfDayList(dates: HalfDayRef[], weekly: WeeklyHalfDay[] = []): string {
  const parts: string[] = [];
  const sorted = uniqueRefs(dates);
  for (let i = 0; i < sorted.length; i++) {
    const ref = sorted[i]!;
    if (ref.half) {
      parts.push(`${formatFrenchDate(ref.date)} ${halfDayName(ref.half)}`);
      continue;
    }
    let j = i;
    while (j + 1 < sorted.length && !sorted[j + 1]!.half && sorted[j + 1]!.date === addDays(sorted[j]!.date, 1)) j++;
    parts.push(j > i + 1 ? `du ${formatFrenchDate(ref.date)} au ${formatFrenchDate(sorted[j]!.date)}` : formatFrenchDate(ref.date));
    if (j === i + 1) parts.push(formatFrenchDate(sorted[j]!.date));
    i = j;
  }
  for (const w of weekly) parts.push(`${WEEKDAY_NAMES[w.weekday - 1]}${w.half ? ` ${halfDayName(w.half)}` : ''}`);
  return parts.join(' ; ');
}

/** « mercredi 03/06/2026, 09:00–09:30, Salle 1 ». */
export function describeSlot(slot: Pick<Slot, 'date' | 'start' | 'end' | 'roomId'>, roomLabel: (id: string) => string): string {
  return `${frDay(slot.date)}, ${slot.start}–${slot.end}, ${roomLabel(slot.roomId)}`;
}
