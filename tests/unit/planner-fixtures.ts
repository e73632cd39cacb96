// Planner instances shared by the planner tests: a CSTI-like call (June 2026) and a seeded generator of
// bench-like campaigns (members teaching fixed half-days, exam duties, candidates away some days).

import { addDays, workingDays } from '../../shared/domain/planner/calendar.js';
import type { HalfDayRef, PlannerCandidate, PlannerInput, PlannerMember, Weekday } from '../../shared/domain/planner/model.js';
import { seededRandom } from '../../shared/domain/planner/solve.js';

export const JUNE_2026 = { from: '2026-06-01', to: '2026-06-30', workingDays: [1, 2, 3, 4, 5] as Weekday[], holidays: 'metropole' as const, blackouts: [] };

const SURNAMES = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard'];

/** 20 candidates, 5 members (one president), quorum 3, one room, 08:30–12:30 and 13:30–17:30, 30 + 10 min. */
export function cstiInput(): PlannerInput {
  const members: PlannerMember[] = [
    { id: 1, name: 'Mme Arnaud', president: true, availability: { unavailable: [{ date: '2026-06-15' }, { date: '2026-06-16' }] } },
    { id: 2, name: 'M. Blanc', president: false, availability: { weekly: [{ weekday: 3, half: 'am' }] } },
    { id: 3, name: 'Mme Caron', president: false, availability: { unavailable: [{ date: '2026-06-08' }, { date: '2026-06-09' }, { date: '2026-06-10' }] } },
    { id: 4, name: 'M. Dumas', president: false },
    { id: 5, name: 'Mme Étienne', president: false, availability: { weekly: [{ weekday: 5 }] } },
  ];
  const candidates: PlannerCandidate[] = SURNAMES.map((surname, i) => ({
    id: 100 + i,
    label: `${i % 2 ? 'M.' : 'Mme'} ${surname}`,
    post: i < 10 ? 'Conseiller pédagogique numérique' : 'Chargé de mission sciences',
  }));
  candidates[0]!.availability = { unavailable: [{ date: '2026-06-01' }, { date: '2026-06-02' }] };
  candidates[3]!.preferred = [{ date: '2026-06-02', half: 'pm' }];
  candidates[12]!.availability = { only: [{ date: '2026-06-03' }, { date: '2026-06-04' }] };
  return {
    calendar: { ...JUNE_2026, blackouts: [] },
    hours: { morning: { start: '08:30', end: '12:30' }, afternoon: { start: '13:30', end: '17:30' } },
    interview: { minutes: 30, bufferMinutes: 10, maxPerDay: 10 },
    jury: { quorum: 3, presidentRequired: true },
    rooms: [{ id: 'R204', label: 'Salle 204' }],
    members,
    candidates,
    locked: [],
  };
}

/**
 * The bench's campaign: `count` candidates in June 2026, 12 members teaching fixed half-days, exam duties
 * in weeks 3–4 for some, quorum 3, 3 rooms, each candidate away on about 20 % of the days.
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
