// The planner input compiled once for fast questions (who is free when, which jury hears which post),
// and its validation. Shared by the checker and the planner so both read the input the same way.

import { dayExclusion, halfDaySessions, holidaysBetween, isHhMm, isIsoDay, isoWeekday, toMinutes, type SessionHours } from './calendar.js';
import type { Availability, HalfDay, HalfDayRef, IsoDate, PlannerCandidate, PlannerInput, PlannerMember, Room } from './model.js';
import { plural, quoted } from './text.js';

export type FreeTest = (date: IsoDate, half: HalfDay) => boolean;

/** The members who may hear a set of posts: one per panel, or a single pool of everyone. */
export interface Pool {
  index: number;
  id: string;
  label: string;
  memberIds: number[];
  quorum: number;
  /** False for the single pool used when the call has no per-post panels. */
  isPanel: boolean;
}

export interface Context {
  input: PlannerInput;
  holidays: Map<IsoDate, string>;
  sessions: SessionHours[];
  minutes: number;
  buffer: number;
  maxPerDay: number;
  candidates: Map<number, PlannerCandidate>;
  members: Map<number, PlannerMember>;
  rooms: Map<string, Room>;
  candidateFree: Map<number, FreeTest>;
  memberFree: Map<number, FreeTest>;
  roomFree: Map<string, FreeTest>;
  /** Half-days each candidate asked for; absent when they expressed no preference. */
  preferred: Map<number, FreeTest>;
  pools: Pool[];
  poolOfPost: (post: string) => Pool | null;
  /** Why a date cannot hold interviews, or null (cached). */
  dayExcluded: (date: IsoDate) => string | null;
  /** Why a half-day is blacked out, or null. */
  halfExcluded: (date: IsoDate, half: HalfDay) => string | null;
}

function refKeys(refs: HalfDayRef[] | undefined): Set<string> {
  const keys = new Set<string>();
  for (const ref of refs ?? []) {
    if (ref.half !== 'pm') keys.add(`${ref.date}|am`);
    if (ref.half !== 'am') keys.add(`${ref.date}|pm`);
  }
  return keys;
}

/** One test per person: compiled to sets so the planner can ask it millions of times. */
export function availabilityTest(availability: Availability | undefined): FreeTest {
  if (!availability) return () => true;
  const only = availability.only ? refKeys(availability.only) : null;
  const unavailable = refKeys(availability.unavailable);
  const weekly = new Set<string>();
  for (const w of availability.weekly ?? []) {
    if (w.half !== 'pm') weekly.add(`${w.weekday}|am`);
    if (w.half !== 'am') weekly.add(`${w.weekday}|pm`);
  }
  return (date, half) => {
    const key = `${date}|${half}`;
    if (only && !only.has(key)) return false;
    if (unavailable.has(key)) return false;
    return weekly.size === 0 || !weekly.has(`${isoWeekday(date)}|${half}`);
  };
}

/** Whether some of the refs covers the half-day. */
export function refsTest(refs: HalfDayRef[]): FreeTest {
  const keys = refKeys(refs);
  return (date, half) => keys.has(`${date}|${half}`);
}

function buildPools(input: PlannerInput): { pools: Pool[]; byPost: Map<string, Pool> } {
  const panels = input.jury.panels ?? [];
  const byPost = new Map<string, Pool>();
  if (panels.length === 0) {
    const all: Pool = { index: 0, id: '*', label: 'jury', memberIds: input.members.map((m) => m.id), quorum: input.jury.quorum, isPanel: false };
    return { pools: [all], byPost };
  }
  const pools = panels.map((p, index): Pool => ({
    index,
    id: p.id,
    label: p.label,
    memberIds: [...new Set(p.memberIds)],
    quorum: p.quorum ?? input.jury.quorum,
    isPanel: true,
  }));
  panels.forEach((p, i) => {
    for (const post of p.posts) if (!byPost.has(post)) byPost.set(post, pools[i]!);
  });
  return { pools, byPost };
}

function firstById<T, K>(items: T[], id: (item: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) if (!map.has(id(item))) map.set(id(item), item);
  return map;
}

export function buildContext(input: PlannerInput): Context {
  const { calendar } = input;
  const holidays = isIsoDay(calendar.from) && isIsoDay(calendar.to) ? holidaysBetween(calendar.from, calendar.to, calendar.holidays) : new Map<IsoDate, string>();
  const { pools, byPost } = buildPools(input);
  const exclusions = new Map<IsoDate, string | null>();
  const candidates = firstById(input.candidates, (c) => c.id);
  const members = firstById(input.members, (m) => m.id);
  const rooms = firstById(input.rooms, (r) => r.id);
  const preferred = new Map<number, FreeTest>();
  for (const c of candidates.values()) if (c.preferred?.length) preferred.set(c.id, refsTest(c.preferred));
  return {
    input,
    holidays,
    sessions: validHours(input) ? halfDaySessions(input.hours) : [],
    minutes: input.interview.minutes,
    buffer: Math.max(0, input.interview.bufferMinutes),
    maxPerDay: input.interview.maxPerDay,
    candidates,
    members,
    rooms,
    candidateFree: new Map([...candidates.values()].map((c) => [c.id, availabilityTest(c.availability)])),
    memberFree: new Map([...members.values()].map((m) => [m.id, availabilityTest(m.availability)])),
    roomFree: new Map([...rooms.values()].map((r) => [r.id, availabilityTest({ unavailable: r.unavailable ?? [] })])),
    preferred,
    pools,
    poolOfPost: (post) => (pools[0]!.isPanel ? (byPost.get(post) ?? null) : pools[0]!),
    dayExcluded: (date) => {
      let reason = exclusions.get(date);
      if (reason === undefined) {
        reason = dayExclusion(calendar, date, holidays);
        exclusions.set(date, reason);
      }
      return reason;
    },
    halfExcluded: (date, half) => calendar.blackouts.find((b) => b.half === half && b.from <= date && date <= b.to)?.label ?? null,
  };
}

function validHours(input: PlannerInput): boolean {
  const { morning, afternoon } = input.hours;
  for (const range of [morning, afternoon]) {
    if (range && (!isHhMm(range.start) || !isHhMm(range.end) || toMinutes(range.start) >= toMinutes(range.end))) return false;
  }
  if (morning && afternoon && toMinutes(morning.end) > toMinutes(afternoon.start)) return false;
  return !!(morning || afternoon);
}

export interface InputProblems {
  /** The planner cannot run: every candidate is returned unplaced. */
  errors: string[];
  /** It runs, but the secretariat should know (some candidates may stay unplaced). */
  warnings: string[];
}

function duplicates<T>(items: T[], id: (item: T) => string | number): (string | number)[] {
  const seen = new Set<string | number>();
  const twice = new Set<string | number>();
  for (const item of items) (seen.has(id(item)) ? twice : seen).add(id(item));
  return [...twice];
}

/** Everything wrong with an input, in French. */
export function inputProblems(input: PlannerInput): InputProblems {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { calendar, interview, jury } = input;
  if (!isIsoDay(calendar.from) || !isIsoDay(calendar.to)) errors.push('Les dates de la période des entretiens sont invalides.');
  else if (calendar.from > calendar.to) errors.push('La période des entretiens se termine avant de commencer.');
  if (!validHours(input)) errors.push('Les horaires sont invalides : chaque demi-journée doit finir après son début, et le matin avant l’après-midi.');
  if (!Number.isInteger(interview.minutes) || interview.minutes <= 0) errors.push('La durée d’un entretien doit être un nombre entier de minutes positif.');
  if (!Number.isInteger(interview.bufferMinutes) || interview.bufferMinutes < 0) errors.push('Le temps entre deux entretiens doit être un nombre entier de minutes, positif ou nul.');
  if (!Number.isInteger(interview.maxPerDay) || interview.maxPerDay < 1) errors.push('Le nombre maximal d’entretiens par jour doit être au moins 1.');
  if (!Number.isInteger(jury.quorum) || jury.quorum < 1) errors.push('Le quorum doit être au moins 1.');
  if (errors.length) return { errors, warnings };

  const ctx = buildContext(input);
  const longest = Math.max(0, ...ctx.sessions.map((s) => s.end - s.start));
  if (interview.minutes > longest) warnings.push(`Un entretien de ${interview.minutes} min ne tient dans aucune demi-journée.`);
  if (input.rooms.length === 0) warnings.push('Aucune salle n’est prévue.');
  for (const id of duplicates(input.candidates, (c) => c.id)) warnings.push(`Le candidat n° ${id} figure deux fois : seule la première ligne compte.`);
  for (const id of duplicates(input.members, (m) => m.id)) warnings.push(`Le membre n° ${id} figure deux fois : seule la première ligne compte.`);
  for (const id of duplicates(input.rooms, (r) => r.id)) warnings.push(`La salle ${quoted(String(id))} figure deux fois : seule la première ligne compte.`);
  for (const pool of ctx.pools) {
    const known = pool.memberIds.filter((id) => ctx.members.has(id));
    const name = pool.isPanel ? `Le jury ${quoted(pool.label)}` : 'La commission';
    if (known.length < pool.quorum) warnings.push(`${name} compte ${plural(known.length, 'membre')} pour un quorum de ${pool.quorum}.`);
    if (jury.presidentRequired && !known.some((id) => ctx.members.get(id)!.president)) warnings.push(`${name} n’a aucun membre pouvant présider.`);
    for (const id of pool.memberIds) if (!ctx.members.has(id)) warnings.push(`${name} cite un membre inconnu (n° ${id}).`);
  }
  const panelsOfPost = new Map<string, number>();
  for (const panel of jury.panels ?? []) for (const post of panel.posts) panelsOfPost.set(post, (panelsOfPost.get(post) ?? 0) + 1);
  for (const [post, count] of panelsOfPost) if (count > 1) warnings.push(`Le poste ${quoted(post)} relève de plusieurs jurys : seul le premier compte.`);
  return { errors, warnings };
}
