// From what is stored about an application (its file, the secretariat's entries, the head's opinion, the
// documents, the mail's subject) to the facts the rules read and to the verdict that counts. Shared by the
// services (table and file) and the renderer (live verdict while the file is being edited).
import type { FieldErrors } from '../../contract/errors.js';
import {
  DIPLOMA_LEVELS,
  HEAD_AVIS,
  MONDAY_FREED,
  TEACHING_LEVELS,
  type ApplicationFacts,
  type ApplicationFactsEntry,
  type CallRules,
  type DiplomaLevel,
  type DocumentKind,
  type EffectiveVerdict,
  type HeadAvis,
  type HeadOpinion,
  type MondayFreed,
  type TeachingLevel,
  type VerdictOverride,
} from '../../model/admissibility.js';
import type { CandidateFile, IsoDate, IsoInstant } from '../../model/entities.js';
import { parseFrenchDate } from '../dates.js';
import { readMoment } from './deadline.js';
import { cleanMultiline, cleanText } from '../text.js';
import { academieFromEmail, annexe2FieldsFilled, findAcademie, teachingLevelOf } from './facts.js';
import { applyOverride, evaluateAdmissibility } from './rules.js';

/** What the services keep about an application besides its file. */
export interface StoredAdmissibility {
  entry: ApplicationFactsEntry;
  /** The mail's instant, when the application came by mail. */
  receivedAt: IsoInstant | null;
  headOpinion: HeadOpinion | null;
  override: VerdictOverride | null;
  /** Kinds of the documents in the file (repeats allowed). */
  documentKinds: readonly DocumentKind[];
  /** The first mail's subject; null when the application did not come by mail. */
  subject: string | null;
}

export const EMPTY_ENTRY: Readonly<ApplicationFactsEntry> = Object.freeze({ academie: '', teachingLevel: null, diploma: null });

export function emptyStoredAdmissibility(): StoredAdmissibility {
  return { entry: { ...EMPTY_ENTRY }, receivedAt: null, headOpinion: null, override: null, documentKinds: [], subject: null };
}

export type FactsSource = Pick<
  CandidateFile,
  | 'nom'
  | 'prenom'
  | 'dateNaissance'
  | 'discipline'
  | 'wishes'
  | 'adresse'
  | 'telephone'
  | 'statut'
  | 'corps'
  | 'etablissement'
  | 'email'
  | 'experience'
  | 'motivations'
  | 'receivedOn'
>;

/**
 * The facts the rules read: the secretariat's entry wins; otherwise the académie comes from the academic
 * address and the teaching level from the corps. The mail's instant counts when its Paris day is the file's
 * day (someone who corrected the day by hand is believed).
 */
export function factsOf(file: FactsSource, stored: StoredAdmissibility, postCount: number): ApplicationFacts {
  const received =
    stored.receivedAt && file.receivedOn && parisDay(stored.receivedAt) === file.receivedOn ? stored.receivedAt : file.receivedOn;
  return {
    statut: file.statut,
    teachingLevel: stored.entry.teachingLevel ?? teachingLevelOf(file),
    academie: stored.entry.academie || academieFromEmail(file.email),
    discipline: file.discipline,
    diploma: stored.entry.diploma,
    documents: [...new Set(stored.documentKinds)],
    received,
    headOpinion: stored.headOpinion,
    annexe2Filled: annexe2FieldsFilled(file, postCount),
    subject: stored.subject,
  };
}

/** The Paris calendar day of an instant ('' when unreadable). */
export function parisDay(instant: IsoInstant): IsoDate {
  return readMoment(instant)?.date ?? '';
}

/** The réseaux (or sites) a call's subject may name: each post's site, or its label when it has none. */
export function networksOf(posts: readonly { site: string; label: string }[]): string[] {
  return posts.map((p) => p.site.trim() || p.label.trim()).filter((n) => n !== '');
}

export interface VerdictContext {
  rules: CallRules;
  /** The réseaux (sites) of the call's posts. */
  networks: readonly string[];
  postCount: number;
  now?: IsoInstant | IsoDate;
}

/** The verdict that counts for one application, with the rules' reasons and the override, if any. */
export function verdictOf(file: FactsSource, stored: StoredAdmissibility, ctx: VerdictContext): { facts: ApplicationFacts; verdict: EffectiveVerdict } {
  const facts = factsOf(file, stored, ctx.postCount);
  const computed = evaluateAdmissibility(facts, ctx.rules, { now: ctx.now, networks: ctx.networks });
  return { facts, verdict: applyOverride(computed, stored.override) };
}

// ---------------------------------------------------------------------------------------------
// Entries of the secretariat.

export interface HeadOpinionDraft {
  avis: string;
  motivation: string;
  mondayFreed: string;
  signedBy: string;
  /** jj/mm/aaaa (or ISO), '' when the opinion is not dated. */
  signedOn: string;
}

export const HEAD_OPINION_LIMITS = { motivation: 5000, signedBy: 200 } as const;

export type HeadOpinionCheck = { ok: true; value: HeadOpinion } | { ok: false; errors: FieldErrors; value: null };

/** Checks the head's opinion as typed from the signed document. */
export function checkHeadOpinion(draft: HeadOpinionDraft, today?: IsoDate): HeadOpinionCheck {
  const errors: FieldErrors = {};
  const avis = draft.avis.trim();
  if (!(HEAD_AVIS as readonly string[]).includes(avis)) {
    errors.avis = avis ? `Avis inconnu : « ${avis} ».` : 'Choisissez l’avis : favorable, réservé ou défavorable.';
  }
  const mondayFreed = draft.mondayFreed.trim() || 'non_precise';
  if (!(MONDAY_FREED as readonly string[]).includes(mondayFreed)) errors.mondayFreed = `Réponse inconnue : « ${mondayFreed} ».`;
  const motivation = cleanMultiline(draft.motivation);
  if (motivation.length > HEAD_OPINION_LIMITS.motivation) errors.motivation = `La motivation : ${HEAD_OPINION_LIMITS.motivation} caractères au plus.`;
  const signedBy = cleanText(draft.signedBy);
  if (signedBy.length > HEAD_OPINION_LIMITS.signedBy) errors.signedBy = `Le signataire : ${HEAD_OPINION_LIMITS.signedBy} caractères au plus.`;
  let signedOn: IsoDate | null = null;
  if (draft.signedOn.trim()) {
    const parsed = parseFrenchDate(draft.signedOn);
    if (!parsed.ok) errors.signedOn = parsed.message;
    else if (today && parsed.iso > today) errors.signedOn = 'La date de signature ne peut pas être dans le futur.';
    else signedOn = parsed.iso;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, value: null };
  return { ok: true, value: { avis: avis as HeadAvis, motivation, mondayFreed: mondayFreed as MondayFreed, signedBy, signedOn } };
}

export type FactsEntryCheck = { ok: true; value: ApplicationFactsEntry } | { ok: false; errors: FieldErrors; value: null };

/** Checks the académie, teaching level and diploma the secretariat enters. */
export function checkFactsEntry(input: { academie: string; teachingLevel: string | null; diploma: number | null }): FactsEntryCheck {
  const errors: FieldErrors = {};
  let academie = cleanText(input.academie);
  if (academie) {
    const found = findAcademie(academie);
    if (found) academie = found.name;
    else errors.academie = `Académie inconnue : « ${academie} ».`;
  }
  if (input.teachingLevel !== null && !(TEACHING_LEVELS as readonly string[]).includes(input.teachingLevel)) {
    errors.teachingLevel = `Niveau d’enseignement inconnu : « ${input.teachingLevel} ».`;
  }
  if (input.diploma !== null && !(DIPLOMA_LEVELS as readonly number[]).includes(input.diploma)) {
    errors.diploma = `Niveau de diplôme inconnu : « ${input.diploma} ».`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, value: null };
  return {
    ok: true,
    value: { academie, teachingLevel: input.teachingLevel as TeachingLevel | null, diploma: input.diploma as DiplomaLevel | null },
  };
}
