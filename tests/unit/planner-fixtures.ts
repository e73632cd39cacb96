// Planner instances shared by the planner tests: a CSTI-like call (June 2026), and the seeded generator of
// bench-like campaigns, which lives with the bench (scripts/planner-reference/instances.ts).

import type { PlannerCandidate, PlannerInput, PlannerMember } from '../../shared/domain/planner/model.js';
import { JUNE_2026 } from '../../scripts/planner-reference/instances.js';

export { campaignInput, JUNE_2026 } from '../../scripts/planner-reference/instances.js';

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
