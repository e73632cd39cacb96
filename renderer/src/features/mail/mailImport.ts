// What the mail import page holds for each dropped file, and the French texts it derives from it.
import { formatMoment, readMoment } from '../../../../shared/domain/admissibility/deadline.js';
import type { MailImportOutcome } from '../../../../shared/model/admissibility.js';
import { plural } from '../../components/labels.js';

/** One mail, the same limit as the services' (the contract refuses more). */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

/** Where one file stands: waiting its turn, being sent, imported (what the services did), or refused (why, in French). */
export type MailItemState =
  | { state: 'waiting' | 'sending' }
  | { state: 'done'; outcome: MailImportOutcome }
  | { state: 'refused'; message: string };

export type MailItem = { id: number; fileName: string } & MailItemState;

/** The French refusal of a file too large to be sent, or null when it may be sent. */
export function sizeRefusal(file: { name: string; size: number }): string | null {
  if (file.size <= MAX_MAIL_BYTES) return null;
  const mo = (file.size / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return `Le fichier « ${file.name} » pèse ${mo} Mo : un courriel ne peut pas dépasser 25 Mo.`;
}

export const OUTCOME_LABELS: Record<MailImportOutcome['outcome'], string> = {
  created: 'Dossier créé',
  attached: 'Dossier complété',
  already: 'Déjà importé',
};

/** « 3 ajoutées, 1 déjà présente »; « Aucune pièce jointe » when the mail had none. */
export function documentsText(outcome: MailImportOutcome): string {
  const parts = [
    outcome.documentsAdded > 0 ? plural(outcome.documentsAdded, 'ajoutée', 'ajoutées') : '',
    outcome.documentsAlready > 0 ? plural(outcome.documentsAlready, 'déjà présente', 'déjà présentes') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'Aucune pièce jointe';
}

/** « 15/05/2026 à 23:30 (heure de Paris) », « — » when the mail does not say. */
export function sentAtText(sentAt: string | null): string {
  const moment = sentAt ? readMoment(sentAt) : null;
  return moment ? formatMoment(moment) : '—';
}

export interface MailTotals {
  total: number;
  processed: number;
  created: number;
  attached: number;
  already: number;
  refused: number;
}

export function mailTotals(items: readonly MailItem[]): MailTotals {
  const totals: MailTotals = { total: items.length, processed: 0, created: 0, attached: 0, already: 0, refused: 0 };
  for (const item of items) {
    if (item.state === 'refused') totals.refused += 1;
    else if (item.state === 'done') totals[item.outcome.outcome] += 1;
    else continue;
    totals.processed += 1;
  }
  return totals;
}

/** « 3 courriels : 2 dossiers créés, 1 complété, 0 refusé » (« déjà importés » when there are some). */
export function summaryText(t: MailTotals): string {
  const parts = [
    plural(t.created, 'dossier créé', 'dossiers créés'),
    plural(t.attached, 'complété', 'complétés'),
    ...(t.already > 0 ? [plural(t.already, 'déjà importé', 'déjà importés')] : []),
    plural(t.refused, 'refusé', 'refusés'),
  ];
  return `${plural(t.total, 'courriel', 'courriels')} : ${parts.join(', ')}`;
}
