// Pure rules of the IA-IPR opinions: which inspector a file goes to, what an opinion must hold, how a
// workbook's answer is read, when a request is overdue.
import type { FieldErrors } from '../contract/errors.js';
import type { IsoDate } from '../model/entities.js';
import { IPR_AVIS, IPR_AVIS_LABELS, OPINION_LIMITS, type IprAvis, type RoutingState } from '../model/opinions.js';
import { parseFrenchDate } from './dates.js';
import { cleanMultiline, foldText } from './text.js';

export interface RoutableInspector {
  id: number;
  disciplines: readonly string[];
}

export interface Routing {
  state: RoutingState;
  inspectorId: number | null;
  /** The inspectors covering the discipline (for « à choisir »). */
  choices: number[];
}

/**
 * The inspector of a file: the secretariat's choice when there is one (and the inspector still exists), else
 * the inspector it was already requested from (adding a second inspector to the discipline later does not take
 * it away), else the only inspector of its discipline; several → to choose; none → listed as unrouted.
 */
export function routeFile(discipline: string | null, inspectors: readonly RoutableInspector[], chosen: number | null, requested: number | null = null): Routing {
  const choices = discipline ? inspectors.filter((i) => i.disciplines.includes(discipline)).map((i) => i.id) : [];
  if (chosen !== null && inspectors.some((i) => i.id === chosen)) return { state: 'choisi', inspectorId: chosen, choices };
  if (requested !== null && inspectors.some((i) => i.id === requested)) {
    return { state: choices.length === 1 && choices[0] === requested ? 'auto' : 'choisi', inspectorId: requested, choices };
  }
  if (choices.length === 1) return { state: 'auto', inspectorId: choices[0]!, choices };
  if (choices.length > 1) return { state: 'a_choisir', inspectorId: null, choices };
  return { state: 'sans_inspecteur', inspectorId: null, choices };
}

/** A request is overdue the day after its due date (Paris days), while the opinion has not come. */
export function isOverdue(dueOn: IsoDate | null, today: IsoDate, answered: boolean): boolean {
  return !answered && dueOn !== null && today > dueOn;
}

const AVIS_BY_KEY = new Map<string, IprAvis>([
  ...IPR_AVIS.map((a) => [foldText(IPR_AVIS_LABELS[a]), a] as const),
  ...IPR_AVIS.map((a) => [foldText(a.replace('_', ' ')), a] as const),
  ['tf', 'tres_favorable'],
  ['tres favorable', 'tres_favorable'],
  ['f', 'favorable'],
  ['r', 'reserve'],
  ['reservee', 'reserve'],
  ['d', 'defavorable'],
]);

/** Reads an opinion as an inspector writes it in the workbook (the list's label, any case or accents); null when unknown. */
export function readAvis(text: string): IprAvis | null {
  return AVIS_BY_KEY.get(foldText(text)) ?? null;
}

/**
 * The stable identifier of a file in an inspector's request workbooks: « AV-<inspector>-<file> ». The same in a
 * request and its reminders; with the inspector in it, a workbook returned late by an inspector the file has
 * since been taken from is still credited to the one who answered.
 */
export function opinionRowId(inspectorId: number, candidateId: number): string {
  return `AV-${inspectorId}-${candidateId}`;
}

export function parseOpinionRowId(text: string): { inspectorId: number; candidateId: number } | null {
  const m = /^\s*AV-([1-9]\d{0,8})-([1-9]\d{0,8})\s*$/i.exec(text);
  return m ? { inspectorId: Number(m[1]), candidateId: Number(m[2]) } : null;
}

export interface OpinionDraft {
  avis: string;
  motivation: string;
  /** jj/mm/aaaa (or ISO); '' means today. */
  givenOn: string;
}

export type OpinionCheck =
  | { ok: true; value: { avis: IprAvis; motivation: string; givenOn: IsoDate }; errors?: undefined }
  | { ok: false; errors: FieldErrors; value?: undefined };

/** Checks an opinion typed by hand (or read from a workbook row). */
export function checkOpinionDraft(draft: OpinionDraft, today: IsoDate): OpinionCheck {
  const errors: FieldErrors = {};
  const avis = (IPR_AVIS as readonly string[]).includes(draft.avis) ? (draft.avis as IprAvis) : readAvis(draft.avis);
  if (!avis) {
    errors.avis = draft.avis.trim()
      ? `Avis inconnu : « ${draft.avis.trim()} ». Avis possibles : ${IPR_AVIS.map((a) => IPR_AVIS_LABELS[a]).join(', ')}.`
      : 'Choisissez l’avis : très favorable, favorable, réservé ou défavorable.';
  }
  const motivation = cleanMultiline(draft.motivation);
  if (motivation.length > OPINION_LIMITS.motivation) errors.motivation = `La motivation : ${OPINION_LIMITS.motivation} caractères au plus.`;
  let givenOn = today;
  if (draft.givenOn.trim()) {
    const parsed = parseFrenchDate(draft.givenOn, Number(today.slice(0, 4)));
    if (!parsed.ok) errors.givenOn = parsed.message;
    else if (parsed.iso > today) errors.givenOn = 'La date de l’avis ne peut pas être dans le futur.';
    else givenOn = parsed.iso;
  }
  if (!avis || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { avis, motivation, givenOn } };
}

/** The reason a locked opinion is changed: written, 10 characters at least. */
export function checkChangeReason(reason: string | undefined): string | null {
  const text = cleanMultiline(reason ?? '');
  if (!text) return 'Un avis enregistré est verrouillé : indiquez le motif de la modification.';
  if (text.length < OPINION_LIMITS.minReason || !/\p{L}/u.test(text)) return `Le motif doit être rédigé (${OPINION_LIMITS.minReason} caractères au moins).`;
  if (text.length > OPINION_LIMITS.reason) return `Le motif : ${OPINION_LIMITS.reason} caractères au plus.`;
  return null;
}

/** The due date as typed (jj/mm/aaaa): not before today. */
export function checkDueDate(text: string, today: IsoDate): { ok: true; value: IsoDate } | { ok: false; message: string } {
  if (!text.trim()) return { ok: false, message: 'Indiquez la date à laquelle la réponse est attendue.' };
  const parsed = parseFrenchDate(text, Number(today.slice(0, 4)));
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.iso < today) return { ok: false, message: 'La date de réponse attendue ne peut pas être passée.' };
  return { ok: true, value: parsed.iso };
}
