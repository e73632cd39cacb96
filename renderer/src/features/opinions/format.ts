import { formatFrenchDate, parseFrenchDate, parisDateOf } from '../../../../shared/domain/dates.js';
import type { IprAvis, OpinionLine, OpinionRowStatus, OpinionsOverview, OpinionRequestInfo } from '../../../../shared/model/opinions.js';
import { plural } from '../../components/labels.js';
import { formatDay } from '../admissibility/format.js';

export const AVIS_SEVERITY: Record<IprAvis, 'success' | 'info' | 'warning' | 'error'> = {
  tres_favorable: 'success',
  favorable: 'info',
  reserve: 'warning',
  defavorable: 'error',
};

export const ROW_STATUS_LABELS: Record<OpinionRowStatus, string> = {
  accepted: 'Accepté',
  unchanged: 'Inchangé',
  empty: 'Sans avis',
  refused: 'Refusé',
};

export const OPINION_ROW_ORDER: readonly OpinionRowStatus[] = ['accepted', 'unchanged', 'empty', 'refused'];

export const ROW_STATUS_SEVERITY: Record<OpinionRowStatus, 'success' | 'info' | 'warning' | 'error' | undefined> = {
  accepted: 'success',
  unchanged: undefined,
  empty: 'warning',
  refused: 'error',
};

/** Today in Paris plus `days`, as typed in a form: « 25/06/2026 ». */
export function frenchDayFromToday(days: number): string {
  const [y, m, d] = parisDateOf(new Date()).split('-').map(Number) as [number, number, number];
  const later = new Date(Date.UTC(y, m - 1, d + days));
  return formatFrenchDate(later.toISOString().slice(0, 10));
}

/** A typed date sent as ISO when it reads; as typed otherwise, so that the services give their own message. */
export function isoOrTyped(text: string): string {
  const parsed = parseFrenchDate(text);
  return parsed.ok ? parsed.iso : text.trim();
}

/** The message of a typed date that does not read, or null. */
export function dateError(text: string, missing: string): string | null {
  if (!text.trim()) return missing;
  const parsed = parseFrenchDate(text);
  return parsed.ok ? null : parsed.message;
}

/** « 14 dossiers recevables : 12 attribués, 8 demandés, 5 avis reçus, 2 en retard ; 1 sans inspecteur, 1 à choisir ». */
export function totalsText(totals: OpinionsOverview['totals']): string {
  const main = [
    plural(totals.routed, 'attribué', 'attribués'),
    plural(totals.requested, 'demandé', 'demandés'),
    plural(totals.received, 'avis reçu', 'avis reçus'),
    `${totals.overdue.toLocaleString('fr-FR')} en retard`,
  ].join(', ');
  const pending = [`${totals.unrouted.toLocaleString('fr-FR')} sans inspecteur`, `${totals.toChoose.toLocaleString('fr-FR')} à choisir`].join(', ');
  return `${plural(totals.admissible, 'dossier recevable', 'dossiers recevables')} : ${main} ; ${pending}`;
}

/** « demandé le 10/06/2026, réponse attendue le 20/06/2026 (relance) ». */
export function requestText(request: OpinionRequestInfo | null): string {
  if (!request) return '';
  return `demandé le ${formatDay(request.requestedAt)}, réponse attendue le ${formatFrenchDate(request.dueOn)}${request.reminder ? ' (relance)' : ''}`;
}

export const LINE_FILTERS = {
  tous: 'Tous',
  sans_inspecteur: 'Sans inspecteur',
  a_choisir: 'À choisir',
  a_demander: 'À demander',
  en_attente: 'En attente',
  en_retard: 'En retard',
  recus: 'Reçus',
} as const;
export type LineFilter = keyof typeof LINE_FILTERS;

export function matchesFilter(line: OpinionLine, filter: LineFilter): boolean {
  const routed = line.routing === 'auto' || line.routing === 'choisi';
  switch (filter) {
    case 'tous':
      return true;
    case 'sans_inspecteur':
      return line.routing === 'sans_inspecteur';
    case 'a_choisir':
      return line.routing === 'a_choisir';
    case 'a_demander':
      return routed && !line.request && !line.opinion;
    case 'en_attente':
      return !!line.request && !line.opinion && !line.overdue;
    case 'en_retard':
      return line.overdue && !line.opinion;
    case 'recus':
      return !!line.opinion;
  }
}

/** Files sent to this inspector and still without opinion: what a reminder lists. */
export function pendingFor(lines: readonly OpinionLine[], inspectorId: number): number {
  return lines.filter((l) => l.request?.inspectorId === inspectorId && !l.opinion).length;
}
