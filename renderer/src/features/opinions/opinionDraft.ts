import type { FieldErrors } from '../../../../shared/contract/errors.js';
import { formatFrenchDate, parseFrenchDate, parisDateOf } from '../../../../shared/domain/dates.js';
import { IPR_AVIS, OPINION_LIMITS, type IprAvis, type IprOpinion } from '../../../../shared/model/opinions.js';
import { dateError } from './format.js';

export interface OpinionDraft {
  avis: string;
  motivation: string;
  givenOn: string;
  reason: string;
}

/** What the form does: a first opinion, or (once one is recorded) its change or its erasure, each with a reason. */
export type OpinionMode = 'new' | 'locked' | 'edit' | 'clear';

export function emptyDraft(): OpinionDraft {
  return { avis: '', motivation: '', givenOn: formatFrenchDate(parisDateOf(new Date())), reason: '' };
}

export function draftOf(opinion: IprOpinion): OpinionDraft {
  return { avis: opinion.avis, motivation: opinion.motivation, givenOn: formatFrenchDate(opinion.givenOn), reason: '' };
}

export const isAvis = (value: string): value is IprAvis => (IPR_AVIS as readonly string[]).includes(value);

/** The form's own checks, in French, before anything is sent; the services check again. */
export function checkOpinionDraft(draft: OpinionDraft, mode: OpinionMode): { ok: boolean; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (mode !== 'clear') {
    if (!isAvis(draft.avis)) errors.avis = 'Choisissez l’avis donné par l’inspecteur.';
    if (draft.motivation.length > OPINION_LIMITS.motivation) errors.motivation = `La motivation dépasse ${OPINION_LIMITS.motivation.toLocaleString('fr-FR')} caractères.`;
    const dateMessage = dateError(draft.givenOn, 'Indiquez la date à laquelle l’avis a été donné.');
    const parsed = parseFrenchDate(draft.givenOn);
    if (dateMessage) errors.givenOn = dateMessage;
    else if (parsed.ok && parsed.iso > parisDateOf(new Date())) errors.givenOn = 'La date de l’avis ne peut pas être postérieure à aujourd’hui.';
  }
  if (mode === 'edit' || mode === 'clear') {
    const reason = draft.reason.trim();
    if (reason.length < OPINION_LIMITS.minReason)
      errors.reason = `Indiquez le motif de la modification : ${OPINION_LIMITS.minReason} caractères au moins.`;
    else if (reason.length > OPINION_LIMITS.reason) errors.reason = `Le motif dépasse ${OPINION_LIMITS.reason.toLocaleString('fr-FR')} caractères.`;
  }
  return { ok: Object.keys(errors).length === 0, errors };
}
