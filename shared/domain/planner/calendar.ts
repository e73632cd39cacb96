// Calendar arithmetic on ISO dates, French public holidays and the half-day sessions of a window.
// Dates go through Date.UTC only, so nothing depends on the machine's zone.

import type { DailyHours, HalfDay, HhMm, HolidayZone, IsoDate, PlannerCalendar, Weekday } from './model.js';

export interface Holiday {
  date: IsoDate;
  name: string;
}

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function toUtc(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A real calendar date written 'YYYY-MM-DD'. */
export function isIsoDay(value: string): boolean {
  const m = ISO.exec(value);
  return !!m && fromUtc(toUtc(value)) === value;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** 1 = lundi … 7 = dimanche. */
export function isoWeekday(iso: IsoDate): Weekday {
  const day = new Date(toUtc(iso)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** Every date from `from` to `to`, both included; empty when `to` comes first. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let ms = toUtc(from), end = toUtc(to); ms <= end; ms += DAY_MS) out.push(fromUtc(ms));
  return out;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const FIXED_HOLIDAYS: [string, string][] = [
  ['01-01', 'Jour de l’an'],
  ['05-01', 'Fête du travail'],
  ['05-08', 'Victoire 1945'],
  ['07-14', 'Fête nationale'],
  ['08-15', 'Assomption'],
  ['11-01', 'Toussaint'],
  ['11-11', 'Armistice 1918'],
  ['12-25', 'Noël'],
];

/**
 * Public holidays of a year, sorted by date. Metropolitan France by default; Alsace-Moselle adds
 * Good Friday and Saint Stephen's Day. Whit Monday is listed: most services treat it as a day off even
 * where it is the « journée de solidarité ».
 */
export function frenchHolidays(year: number, zone: HolidayZone = 'metropole'): Holiday[] {
  if (zone === 'aucune') return [];
  const easter = easterSunday(year);
  const list: Holiday[] = FIXED_HOLIDAYS.map(([monthDay, name]) => ({ date: `${year}-${monthDay}`, name }));
  list.push(
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
  );
  if (zone === 'alsace-moselle') {
    list.push({ date: addDays(easter, -2), name: 'Vendredi saint' }, { date: `${year}-12-26`, name: 'Saint-Étienne' });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Holidays falling in [from, to], by date. */
export function holidaysBetween(from: IsoDate, to: IsoDate, zone: HolidayZone): Map<IsoDate, string> {
  const out = new Map<IsoDate, string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of frenchHolidays(year, zone)) if (h.date >= from && h.date <= to) out.set(h.date, h.name);
  }
  return out;
}

/** Why a date of the window cannot hold interviews (whole day), or null. */
export function dayExclusion(calendar: PlannerCalendar, date: IsoDate, holidays: Map<IsoDate, string>): string | null {
  if (!calendar.workingDays.includes(isoWeekday(date))) return 'jour non ouvré';
  const holiday = holidays.get(date);
  if (holiday) return `jour férié (${holiday})`;
  const blackout = calendar.blackouts.find((b) => !b.half && b.from <= date && date <= b.to);
  return blackout ? blackout.label : null;
}

/** Working days of the window: weekdays set as working, minus public holidays and whole-day blackouts. */
export function workingDays(calendar: PlannerCalendar): IsoDate[] {
  const holidays = holidaysBetween(calendar.from, calendar.to, calendar.holidays);
  return datesBetween(calendar.from, calendar.to).filter((date) => dayExclusion(calendar, date, holidays) === null);
}

export function isHhMm(value: string): boolean {
  return HHMM.test(value);
}

/** 'HH:MM' → minutes since midnight. */
export function toMinutes(time: HhMm): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes since midnight → 'HH:MM'. */
export function fromMinutes(minutes: number): HhMm {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A session's hours, in minutes since midnight. */
export interface SessionHours {
  half: HalfDay;
  start: number;
  end: number;
}

/** The morning and afternoon sessions that are set, in order; the lunch break lies between them. */
export function halfDaySessions(hours: DailyHours): SessionHours[] {
  const out: SessionHours[] = [];
  if (hours.morning) out.push({ half: 'am', start: toMinutes(hours.morning.start), end: toMinutes(hours.morning.end) });
  if (hours.afternoon) out.push({ half: 'pm', start: toMinutes(hours.afternoon.start), end: toMinutes(hours.afternoon.end) });
  return out;
}

export interface WorkingHalfDay extends SessionHours {
  date: IsoDate;
}

/** Every half-day session of the window that can hold interviews, in chronological order. */
export function workingHalfDays(calendar: PlannerCalendar, hours: DailyHours): WorkingHalfDay[] {
  const sessions = halfDaySessions(hours);
  const out: WorkingHalfDay[] = [];
  for (const date of workingDays(calendar)) {
    for (const s of sessions) {
      const blocked = calendar.blackouts.some((b) => b.half === s.half && b.from <= date && date <= b.to);
      if (!blocked) out.push({ date, ...s });
    }
  }
  return out;
}

/** How many interviews fit back to back in a session: each needs its length, and the buffer between two. */
export function sessionCapacity(sessionMinutes: number, interviewMinutes: number, bufferMinutes: number): number {
  if (interviewMinutes <= 0 || sessionMinutes < interviewMinutes) return 0;
  return Math.floor((sessionMinutes - interviewMinutes) / (interviewMinutes + bufferMinutes)) + 1;
}
