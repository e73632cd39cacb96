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

/**
 * What to do about the stored planning's conflicts, by kind: a locked slot must be unlocked first (neither a
 * calculation nor a move touches it), a jury short of members or of its president needs members or another
 * quorum; anything else moves, by hand or by a re-plan keeping the other slots.
 */
export function conflictAdvice(view: PlannerView): string[] {
  const names = namesOf(view);
  const locked = new Set(view.slots.filter((s) => s.locked).map((s) => s.candidateId));
  const lockedIds = new Set<number>();
  const jury = new Set<number>();
  let president = false;
  const rest: PlannerView['violations'] = [];
  for (const v of view.violations) {
    const held = v.candidateIds.filter((id) => locked.has(id));
    held.forEach((id) => lockedIds.add(id));
    if (held.length) continue;
    if (v.code === 'quorum' || v.code === 'president') {
      v.candidateIds.forEach((id) => jury.add(id));
      president ||= v.code === 'president';
    } else rest.push(v);
  }
  // A member away from an interview already short of members is the same problem as its quorum.
  const other = rest.some((v) => !(v.code.startsWith('member-') && v.candidateIds.every((id) => jury.has(id))));
  const list = (ids: Set<number>) => [...ids].map(names.candidate).join(', ');
  const advice: string[] = [];
  if (lockedIds.size) {
    advice.push(`Créneau verrouillé en conflit (${list(lockedIds)}) : déverrouillez-le (« Déverrouiller », dans le planning) ; ni un calcul ni un déplacement ne touchent un créneau verrouillé.`);
  }
  if (jury.size) {
    advice.push(
      `Jury incomplet (${list(jury)}) : indiquez d’autres membres disponibles ces jours-là (Disponibilités des membres), ajoutez des membres à la commission ` +
        (president ? 'ou un membre pouvant présider, ' : '') +
        'ou changez le quorum dans les Réglages ; sinon recalculez en gardant les créneaux pour trouver un autre jour.',
    );
  }
  if (other) advice.push('Déplacez les entretiens concernés, ou recalculez en gardant les créneaux : seuls ceux-là bougeront.');
  return advice;
}
