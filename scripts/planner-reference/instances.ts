// The planner's bench campaign (issue 7), shared by the tests and `npm run bench`: a June 2026 call with
// 12 members teaching fixed half-days, exam duties in weeks 3–4, quorum 3, 3 rooms, candidates away on
// about 20 % of the days, all seeded; and the three disruptions a re-plan must absorb.

import { addDays, workingDays } from '../../shared/domain/planner/calendar.js';
import type { HalfDay, HalfDayRef, IsoDate, PlannerCandidate, PlannerInput, PlannerMember, Slot, Weekday } from '../../shared/domain/planner/model.js';
import { seededRandom } from '../../shared/domain/planner/solve.js';

export const JUNE_2026 = { from: '2026-06-01', to: '2026-06-30', workingDays: [1, 2, 3, 4, 5] as Weekday[], holidays: 'metropole' as const, blackouts: [] };

/**
 * `count` candidates in June 2026, 12 members teaching one fixed half-day a week, the first of every three
 * away on exam duties from 15 to 24 June, quorum 3 with a president, 3 rooms, each candidate away on
 * about 20 % of the days. The same count and seed give the same input.
 */
export function campaignInput(count: number, seed = 7): PlannerInput {
  const random = seededRandom(seed);
  const days = workingDays(JUNE_2026);
  const members: PlannerMember[] = Array.from({ length: 12 }, (_, i) => {
    const weekly = [{ weekday: (1 + (i % 5)) as Weekday, half: i % 2 ? ('am' as const) : ('pm' as const) }];
    const unavailable: HalfDayRef[] = i % 3 === 0 ? Array.from({ length: 10 }, (_, d) => ({ date: addDays('2026-06-15', d) })) : [];
    return { id: i + 1, name: `Membre ${i + 1}`, president: i < 4, availability: { weekly, unavailable } };
  });
  const posts = ['Conseiller pédagogique', 'Chargé de mission', 'Formateur académique', 'Référent numérique', 'Coordonnateur'];
  const candidates: PlannerCandidate[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    label: `${i % 2 ? 'M.' : 'Mme'} Candidat ${i + 1}`,
    post: posts[i % posts.length]!,
    availability: { unavailable: days.filter(() => random() < 0.2).map((date) => ({ date })) },
  }));
  return {
    calendar: { ...JUNE_2026, blackouts: [] },
    hours: { morning: { start: '08:30', end: '12:30' }, afternoon: { start: '13:30', end: '17:30' } },
    interview: { minutes: 30, bufferMinutes: 10, maxPerDay: 10 },
    jury: { quorum: 3, presidentRequired: true },
    rooms: [
      { id: 'A', label: 'Salle A' },
      { id: 'B', label: 'Salle B' },
      { id: 'C', label: 'Salle C' },
    ],
    members,
    candidates,
    locked: [],
  };
}

/**
 * A harder variant for the reference tests: each candidate free on only about 10 % of the days (some
 * unavailabilities by half-day), two rooms. Days then cover candidates like sets in a set cover, where a
 * greedy choice of days can miss the optimum.
 */
export function scarceInput(count: number, seed: number): PlannerInput {
  const input = campaignInput(count, seed);
  const random = seededRandom(seed * 31 + 1);
  const days = workingDays(input.calendar);
  for (const c of input.candidates) {
    const unavailable = days.filter(() => random() < 0.9).map((date): HalfDayRef => (random() < 0.3 ? { date, half: random() < 0.5 ? 'am' : 'pm' } : { date }));
    c.availability = { unavailable };
  }
  input.rooms = input.rooms.slice(0, 2);
  return input;
}

export type DisruptionKind = 'withdrawal' | 'sick-member' | 'lost-room';

export interface Disruption {
  kind: DisruptionKind;
  /** What happened, in French, for the bench's output. */
  label: string;
  input: PlannerInput;
}

function halfOf(input: PlannerInput, slot: Slot): HalfDay {
  return input.hours.afternoon && slot.start >= input.hours.afternoon.start ? 'pm' : 'am';
}

function busiest<K extends string>(counts: Map<K, number>): K | undefined {
  // Highest count, then the smallest key: deterministic whatever the map's order.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}

/**
 * The three changes of the issue, each applied to a copy of `input` planned as `base`: the candidate of the
 * middle slot withdraws; the member whose absence breaks the most interviews of one day (the only president
 * of their jury, or one member of a bare quorum) falls ill that day; the room busiest on one half-day is lost.
 */
export function disruptions(input: PlannerInput, base: { placed: Slot[] }): Disruption[] {
  if (base.placed.length === 0) throw new Error('Le planning de départ est vide : rien à perturber.');
  const out: Disruption[] = [];

  const gone = base.placed[Math.floor(base.placed.length / 2)]!.candidateId;
  const withdrawal = structuredClone(input);
  withdrawal.candidates = withdrawal.candidates.filter((c) => c.id !== gone);
  out.push({ kind: 'withdrawal', label: `désistement du candidat n° ${gone}`, input: withdrawal });

  const president = new Map(input.members.map((m) => [m.id, m.president]));
  const broken = new Map<string, number>();
  for (const slot of base.placed) {
    const presidents = slot.memberIds.filter((id) => president.get(id));
    for (const id of slot.memberIds) {
      const breaks = (president.get(id) && presidents.length === 1) || slot.memberIds.length <= input.jury.quorum;
      // Member ids padded so that the key order is the numeric order.
      const key = `${String(id).padStart(6, '0')}|${slot.date}`;
      broken.set(key, (broken.get(key) ?? 0) + (breaks ? 1000 : 1));
    }
  }
  const sickKey = busiest(broken)!;
  const [memberId, date] = [Number(sickKey.slice(0, 6)), sickKey.slice(7) as IsoDate];
  const sick = structuredClone(input);
  const member = sick.members.find((m) => m.id === memberId)!;
  member.availability = { ...member.availability, unavailable: [...(member.availability?.unavailable ?? []), { date }] };
  out.push({ kind: 'sick-member', label: `${member.name} malade le ${date}`, input: sick });

  const roomLoad = new Map<string, number>();
  for (const slot of base.placed) {
    const key = `${slot.date}|${halfOf(input, slot)}|${slot.roomId}`;
    roomLoad.set(key, (roomLoad.get(key) ?? 0) + 1);
  }
  const [lostDate, lostHalf, roomId] = busiest(roomLoad)!.split('|') as [IsoDate, HalfDay, string];
  const lost = structuredClone(input);
  const room = lost.rooms.find((r) => r.id === roomId)!;
  room.unavailable = [...(room.unavailable ?? []), { date: lostDate, half: lostHalf }];
  out.push({ kind: 'lost-room', label: `${room.label} indisponible le ${lostDate} ${lostHalf === 'am' ? 'matin' : 'après-midi'}`, input: lost });
  return out;
}
