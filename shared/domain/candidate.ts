import type { CandidateFile, CandidateRow, IsoDate } from '../model/entities.js';
import type { EffectiveVerdict } from '../model/admissibility.js';
import type { IprAvis } from '../model/opinions.js';
import {
  AGENT_STATUSES,
  APPLICATION_STATUSES,
  type AgentStatus,
  type ApplicationStatus,
  isDisciplineCode,
} from '../model/referential.js';
import { checkEmail, checkPhone } from './contact.js';
import { formatFrenchDate, parseFrenchDate, yearsBetween } from './dates.js';
import { matchDiscipline } from './disciplines.js';
import { cleanMultiline, cleanText } from './text.js';

/** The file as the form holds it: text as typed, dates in jj/mm/aaaa (or ISO). */
export interface CandidateDraft {
  nom: string;
  prenom: string;
  dateNaissance: string;
  discipline: string;
  adresse: string;
  telephone: string;
  statut: string;
  corps: string;
  grade: string;
  echelon: string;
  etablissement: string;
  ville: string;
  email: string;
  experience: string;
  motivations: string;
  wishes: number[];
  receivedOn: string;
  status: string;
}

/** The file once checked and normalised, ready to store. */
export type CandidateInput = Omit<CandidateFile, 'id' | 'callId' | 'createdAt' | 'updatedAt'>;

export type CandidateField = keyof CandidateDraft;
import type { FieldErrors } from '../contract/errors.js';
export type { FieldErrors };

export const CANDIDATE_FIELD_LABELS: Record<CandidateField, string> = {
  nom: 'Nom',
  prenom: 'Prénom',
  dateNaissance: 'Date de naissance',
  discipline: 'Discipline',
  adresse: 'Adresse personnelle',
  telephone: 'Téléphone',
  statut: 'Statut',
  corps: 'Corps',
  grade: 'Grade',
  echelon: 'Échelon',
  etablissement: 'Établissement d’affectation',
  ville: 'Ville d’affectation',
  email: 'Adresse mail académique',
  experience: 'Expérience professionnelle',
  motivations: 'Motivations',
  wishes: 'Postes demandés',
  receivedOn: 'Date de réception',
  status: 'État de la candidature',
};

export const TEXT_LIMITS = { short: 200, long: 20_000 } as const;

export function emptyDraft(): CandidateDraft {
  return {
    nom: '',
    prenom: '',
    dateNaissance: '',
    discipline: '',
    adresse: '',
    telephone: '',
    statut: '',
    corps: '',
    grade: '',
    echelon: '',
    etablissement: '',
    ville: '',
    email: '',
    experience: '',
    motivations: '',
    wishes: [],
    receivedOn: '',
    status: 'recue',
  };
}

export function draftFromFile(file: CandidateFile): CandidateDraft {
  return {
    nom: file.nom,
    prenom: file.prenom,
    dateNaissance: formatFrenchDate(file.dateNaissance),
    discipline: file.discipline ?? '',
    adresse: file.adresse,
    telephone: file.telephone,
    statut: file.statut ?? '',
    corps: file.corps,
    grade: file.grade,
    echelon: file.echelon === null ? '' : String(file.echelon),
    etablissement: file.etablissement,
    ville: file.ville,
    email: file.email,
    experience: file.experience,
    motivations: file.motivations,
    wishes: [...file.wishes],
    receivedOn: formatFrenchDate(file.receivedOn),
    status: file.status,
  };
}

export interface DraftContext {
  /** Today's date, from the injected clock. */
  today: IsoDate;
  /** The posts of the call the file belongs to. */
  postIds: readonly number[];
}

export type DraftCheck = { ok: true; value: CandidateInput } | { ok: false; errors: FieldErrors; value: null };

/**
 * Checks a draft field by field and normalises it. Used live by the form and again by the service,
 * so that what the screen accepts is exactly what is stored. Missing optional fields are allowed
 * (an incomplete file is still a file); malformed ones are not.
 */
export function checkCandidateDraft(draft: CandidateDraft, ctx: DraftContext): DraftCheck {
  const errors: FieldErrors = {};
  const short = (field: CandidateField, value: string): string => {
    const cleaned = cleanText(value);
    if (cleaned.length > TEXT_LIMITS.short) {
      errors[field] = `${CANDIDATE_FIELD_LABELS[field]} : ${TEXT_LIMITS.short} caractères au plus.`;
    }
    return cleaned;
  };
  const long = (field: CandidateField, value: string): string => {
    const cleaned = cleanMultiline(value);
    if (cleaned.length > TEXT_LIMITS.long) {
      errors[field] = `${CANDIDATE_FIELD_LABELS[field]} : ${TEXT_LIMITS.long} caractères au plus.`;
    }
    return cleaned;
  };

  const nom = short('nom', draft.nom).toLocaleUpperCase('fr-FR');
  if (!nom) errors.nom = 'Le nom est obligatoire.';
  const prenom = short('prenom', draft.prenom);
  if (!prenom) errors.prenom = 'Le prénom est obligatoire.';

  let dateNaissance: IsoDate | null = null;
  if (draft.dateNaissance.trim()) {
    const parsed = parseFrenchDate(draft.dateNaissance, Number(ctx.today.slice(0, 4)));
    if (!parsed.ok) errors.dateNaissance = parsed.message;
    else {
      const age = yearsBetween(parsed.iso, ctx.today);
      if (age < 18 || age > 75) {
        errors.dateNaissance = `Date de naissance improbable (${age} ans au ${formatFrenchDate(ctx.today)}).`;
      } else dateNaissance = parsed.iso;
    }
  }

  let discipline: string | null = null;
  const disciplineText = draft.discipline.trim();
  if (disciplineText) {
    discipline = isDisciplineCode(disciplineText) ? disciplineText : matchDiscipline(disciplineText);
    if (!discipline) errors.discipline = `Discipline inconnue : « ${disciplineText} ». Choisissez-la dans la liste.`;
  }

  let telephone = '';
  if (draft.telephone.trim()) {
    const phone = checkPhone(draft.telephone);
    if (phone.ok) telephone = phone.value;
    else errors.telephone = phone.message;
  }

  let email = '';
  if (draft.email.trim()) {
    const mail = checkEmail(draft.email);
    if (mail.ok) email = mail.value;
    else errors.email = mail.message;
  }

  let statut: AgentStatus | null = null;
  if (draft.statut) {
    if ((AGENT_STATUSES as readonly string[]).includes(draft.statut)) statut = draft.statut as AgentStatus;
    else errors.statut = `Statut inconnu : « ${draft.statut} ».`;
  }

  let echelon: number | null = null;
  if (draft.echelon.trim()) {
    const n = Number(draft.echelon.trim());
    if (!Number.isInteger(n) || n < 1 || n > 11) errors.echelon = 'L’échelon est un nombre entier de 1 à 11.';
    else echelon = n;
  }

  let receivedOn: IsoDate | null = null;
  if (draft.receivedOn.trim()) {
    const parsed = parseFrenchDate(draft.receivedOn, Number(ctx.today.slice(0, 4)));
    if (!parsed.ok) errors.receivedOn = parsed.message;
    else if (parsed.iso > ctx.today) errors.receivedOn = 'La date de réception ne peut pas être dans le futur.';
    else receivedOn = parsed.iso;
  }

  const wishes: number[] = [];
  for (const postId of draft.wishes) {
    if (!ctx.postIds.includes(postId)) errors.wishes = 'Un poste demandé n’existe pas dans cet appel.';
    else if (wishes.includes(postId)) errors.wishes = 'Le même poste est demandé deux fois.';
    else wishes.push(postId);
  }

  const status = draft.status || 'recue';
  if (!(APPLICATION_STATUSES as readonly string[]).includes(status)) {
    errors.status = `État de candidature inconnu : « ${status} ».`;
  }

  const value: CandidateInput = {
    nom,
    prenom,
    dateNaissance,
    discipline,
    adresse: long('adresse', draft.adresse),
    telephone,
    statut,
    corps: short('corps', draft.corps),
    grade: short('grade', draft.grade),
    echelon,
    etablissement: short('etablissement', draft.etablissement),
    ville: short('ville', draft.ville),
    email,
    experience: long('experience', draft.experience),
    motivations: long('motivations', draft.motivations),
    wishes,
    receivedOn,
    status: status as ApplicationStatus,
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors, value: null };
  return { ok: true, value };
}

type RowSource = Pick<CandidateFile, 'id' | 'nom' | 'prenom' | 'discipline' | 'statut' | 'etablissement' | 'ville' | 'email' | 'receivedOn' | 'status' | 'wishes'>;

/** A line of the candidates table: the file's summary with the verdict that counts. */
export function toCandidateRow(file: RowSource, verdict: EffectiveVerdict, documentCount: number, iprAvis: IprAvis | null = null): CandidateRow {
  return {
    id: file.id,
    nom: file.nom,
    prenom: file.prenom,
    discipline: file.discipline,
    statut: file.statut,
    etablissement: file.etablissement,
    ville: file.ville,
    email: file.email,
    receivedOn: file.receivedOn,
    status: file.status,
    firstWish: file.wishes[0] ?? null,
    verdict: verdict.status,
    computedVerdict: verdict.computed,
    overrideNote: verdict.overrideNote,
    reasons: verdict.reasons,
    documentCount,
    iprAvis,
  };
}
