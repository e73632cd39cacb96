// Names and sentences of the « Entretiens » tab: people are always shown by name, never by id.
import { describeSlot } from '../../../../shared/domain/planner/settings.js';
import type { PlanDiff, PlanStats, Slot } from '../../../../shared/domain/planner/model.js';
import type { PlannerView } from '../../../../shared/model/planner.js';
import { plural } from '../../components/labels.js';

export interface Names {
  candidate(id: number): string;
  member(id: number): string;
  room(id: string): string;
  /** « mercredi 03/06/2026, 09:00–09:30, Salle 1 ». */
  slot(slot: Pick<Slot, 'date' | 'start' | 'end' | 'roomId'>): string;
  /** « Hélène Vasseur, Olivier Granet » (« aucun membre » when empty). */
  jury(ids: readonly number[]): string;
}

export function namesOf(view: PlannerView): Names {
  const candidates = new Map(view.candidates.map((c) => [c.id, c.label]));
  const members = new Map(view.members.map((m) => [m.id, m.name]));
  const rooms = new Map([...view.input.rooms, ...view.settings.rooms].map((r) => [r.id, r.label]));
  const names: Names = {
    candidate: (id) => candidates.get(id) ?? 'Candidat retiré de l’appel',
    member: (id) => members.get(id) ?? 'Membre retiré de la commission',
    room: (id) => rooms.get(id) ?? 'Salle supprimée',
    slot: (slot) => describeSlot(slot, names.room),
    jury: (ids) => (ids.length ? ids.map(names.member).join(', ') : 'aucun membre'),
  };
  return names;
}

export interface ViewSummary {
  toHear: number;
  placed: number;
  toPlace: number;
  days: number;
  conflicts: number;
}

export function summaryOf(view: PlannerView): ViewSummary {
  const hear = new Set(view.candidates.filter((c) => c.toHear).map((c) => c.id));
  const placed = view.slots.filter((s) => hear.has(s.candidateId));
  return {
    toHear: hear.size,
    placed: placed.length,
    toPlace: hear.size - placed.length,
    days: new Set(view.slots.map((s) => s.date)).size,
    conflicts: view.violations.length,
  };
}

/** « 12 placés sur 14 à entendre ; 2 non placés ». */
export function planStatsText(stats: PlanStats): string {
  const head = `${plural(stats.placed, 'candidat placé', 'candidats placés')} sur ${stats.candidates} à entendre`;
  return stats.unplaced ? `${head} ; ${plural(stats.unplaced, 'non placé', 'non placés')}.` : `${head} : tous sont placés.`;
}

/** « 1 déplacé, 0 ajouté, 0 retiré, 0 jury modifié, 17 inchangés ». */
export function diffCountsText(diff: PlanDiff): string {
  return [
    plural(diff.moved.length, 'déplacé', 'déplacés'),
    plural(diff.added.length, 'ajouté', 'ajoutés'),
    plural(diff.removed.length, 'retiré', 'retirés'),
    plural(diff.panelChanged.length, 'jury modifié', 'jurys modifiés'),
    plural(diff.unchanged, 'inchangé', 'inchangés'),
  ].join(', ');
}

export function diffIsEmpty(diff: PlanDiff): boolean {
  return !diff.moved.length && !diff.added.length && !diff.removed.length && !diff.panelChanged.length;
}

/** '2026-06-03' → « mercredi 03/06/2026 ». */
export { frDay as longDay } from '../../../../shared/domain/planner/text.js';
