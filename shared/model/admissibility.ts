// Admissibility ("recevabilité") of an application: the rules a call sets, the facts of an application the
// rules look at, and the verdict. Codes are stored, labels are shown (everything shown is French).
import type { IsoDate, IsoInstant } from './entities.js';
import type { AgentStatus } from './referential.js';

// ---------------------------------------------------------------------------------------------
// Documents.

export const DOCUMENT_KINDS = ['annexe2', 'avis_chef', 'cv', 'lettre_motivation', 'autre'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  annexe2: 'Annexe 2 (fiche de candidature)',
  avis_chef: 'Avis motivé du chef d’établissement',
  cv: 'Curriculum vitae',
  lettre_motivation: 'Lettre de motivation',
  autre: 'Autre pièce',
};

/** The fields of the annexe 2 form (CSTI): all of them are expected when the annexe 2 is required. */
export const ANNEXE2_FIELDS = [
  'nom',
  'prenom',
  'dateNaissance',
  'discipline',
  'reseau',
  'adresse',
  'telephone',
  'corpsGradeEchelon',
  'affectation',
  'email',
  'experience',
  'motivations',
] as const;
export type Annexe2Field = (typeof ANNEXE2_FIELDS)[number];
/** As written in a sentence (« Annexe 2 incomplète : adresse personnelle, téléphone. »). */
export const ANNEXE2_FIELD_LABELS: Record<Annexe2Field, string> = {
  nom: 'nom',
  prenom: 'prénom',
  dateNaissance: 'date de naissance',
  discipline: 'discipline',
  reseau: 'réseau',
  adresse: 'adresse personnelle',
  telephone: 'téléphone',
  corpsGradeEchelon: 'corps / grade / échelon',
  affectation: 'affectation actuelle',
  email: 'adresse mail académique',
  experience: 'expérience professionnelle',
  motivations: 'motivations',
};

// ---------------------------------------------------------------------------------------------
// Who may apply.

export const TEACHING_LEVELS = ['premier_degre', 'second_degre', 'superieur', 'non_enseignant'] as const;
export type TeachingLevel = (typeof TEACHING_LEVELS)[number];
export const TEACHING_LEVEL_LABELS: Record<TeachingLevel, string> = {
  premier_degre: 'Premier degré',
  second_degre: 'Second degré',
  superieur: 'Enseignement supérieur',
  non_enseignant: 'Personnel non enseignant',
};
/** Completes « l’appel est réservé … ». */
export const TEACHING_LEVEL_AUDIENCES: Record<TeachingLevel, string> = {
  premier_degre: 'au premier degré',
  second_degre: 'au second degré',
  superieur: 'à l’enseignement supérieur',
  non_enseignant: 'aux personnels non enseignants',
};

/** French qualification levels (cadre national des certifications professionnelles, 2019). */
export const DIPLOMA_LEVELS = [3, 4, 5, 6, 7, 8] as const;
export type DiplomaLevel = (typeof DIPLOMA_LEVELS)[number];
export const DIPLOMA_LEVEL_LABELS: Record<DiplomaLevel, string> = {
  3: 'Niveau 3 — CAP, BEP',
  4: 'Niveau 4 — Baccalauréat',
  5: 'Niveau 5 — Bac+2 (BTS, DEUST)',
  6: 'Niveau 6 — Licence (Bac+3)',
  7: 'Niveau 7 — Master (Bac+5)',
  8: 'Niveau 8 — Doctorat (Bac+8)',
};

export interface Academie {
  /** As the app writes it: « Aix-Marseille », « Nancy-Metz ». */
  name: string;
  /** First label of its mail domains: « ac-aix-marseille » (…@ac-aix-marseille.fr). */
  mailDomains: string[];
}

/** The académies of metropolitan France and overseas regions. */
export const ACADEMIES: readonly Academie[] = [
  { name: 'Aix-Marseille', mailDomains: ['ac-aix-marseille'] },
  { name: 'Amiens', mailDomains: ['ac-amiens'] },
  { name: 'Besançon', mailDomains: ['ac-besancon'] },
  { name: 'Bordeaux', mailDomains: ['ac-bordeaux'] },
  { name: 'Clermont-Ferrand', mailDomains: ['ac-clermont'] },
  { name: 'Corse', mailDomains: ['ac-corse'] },
  { name: 'Créteil', mailDomains: ['ac-creteil'] },
  { name: 'Dijon', mailDomains: ['ac-dijon'] },
  { name: 'Grenoble', mailDomains: ['ac-grenoble'] },
  { name: 'Guadeloupe', mailDomains: ['ac-guadeloupe'] },
  { name: 'Guyane', mailDomains: ['ac-guyane'] },
  { name: 'La Réunion', mailDomains: ['ac-reunion'] },
  { name: 'Lille', mailDomains: ['ac-lille'] },
  { name: 'Limoges', mailDomains: ['ac-limoges'] },
  { name: 'Lyon', mailDomains: ['ac-lyon'] },
  { name: 'Martinique', mailDomains: ['ac-martinique'] },
  { name: 'Mayotte', mailDomains: ['ac-mayotte'] },
  { name: 'Montpellier', mailDomains: ['ac-montpellier'] },
  { name: 'Nancy-Metz', mailDomains: ['ac-nancy-metz'] },
  { name: 'Nantes', mailDomains: ['ac-nantes'] },
  { name: 'Nice', mailDomains: ['ac-nice'] },
  { name: 'Normandie', mailDomains: ['ac-normandie', 'ac-caen', 'ac-rouen'] },
  { name: 'Orléans-Tours', mailDomains: ['ac-orleans-tours'] },
  { name: 'Paris', mailDomains: ['ac-paris'] },
  { name: 'Poitiers', mailDomains: ['ac-poitiers'] },
  { name: 'Reims', mailDomains: ['ac-reims'] },
  { name: 'Rennes', mailDomains: ['ac-rennes'] },
  { name: 'Strasbourg', mailDomains: ['ac-strasbourg'] },
  { name: 'Toulouse', mailDomains: ['ac-toulouse'] },
  { name: 'Versailles', mailDomains: ['ac-versailles'] },
];

// ---------------------------------------------------------------------------------------------
// The head of school's opinion.

export const HEAD_AVIS = ['favorable', 'reserve', 'defavorable'] as const;
export type HeadAvis = (typeof HEAD_AVIS)[number];
export const HEAD_AVIS_LABELS: Record<HeadAvis, string> = {
  favorable: 'Favorable',
  reserve: 'Réservé',
  defavorable: 'Défavorable',
};

export const MONDAY_FREED = ['oui', 'non', 'non_precise'] as const;
export type MondayFreed = (typeof MONDAY_FREED)[number];
export const MONDAY_FREED_LABELS: Record<MondayFreed, string> = {
  oui: 'Oui',
  non: 'Non',
  non_precise: 'Non précisé',
};

/** The head of school's motivated opinion, as the secretariat enters it from the signed document. */
export interface HeadOpinion {
  avis: HeadAvis;
  motivation: string;
  /** « Lundi libéré à l’emploi du temps ». */
  mondayFreed: MondayFreed;
  /** Who signed it (« Mme Martin, proviseure du lycée … »). */
  signedBy: string;
  signedOn: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------
// Rules of a call (data the secretariat edits).

export interface CallRules {
  /** Documents every application must contain. */
  requiredDocuments: DocumentKind[];
  /** Statuses that may apply; empty means no restriction. */
  acceptedStatuses: AgentStatus[];
  requiredLevel: TeachingLevel | null;
  /** Académie where the candidate must be assigned (« Aix-Marseille »); null means any. */
  requiredAcademie: string | null;
  /** Discipline codes accepted; empty means any. */
  acceptedDisciplines: string[];
  minimumDiploma: DiplomaLevel | null;
  /** Below it the application stays admissible: the commission only sees a warning. */
  wishedDiploma: DiplomaLevel | null;
  /** Last day (inclusive, Paris calendar day) on which an application may arrive. */
  deadline: IsoDate | null;
  /** The head of school's opinion must confirm that Monday is freed (CSTI). */
  requireMondayFreed: boolean;
  /** A structured head of school's opinion must be entered. */
  requireHeadOpinion: boolean;
  /** The subject every application mail must carry, as published; placeholders « <réseau> », « NOM PRÉNOM ». */
  subjectPattern: string;
  /**
   * Requirements the commission judges itself, on the file or at the interview (ASTERIE: « être un acteur
   * local du territoire : exigé »). Shown with the rules, never evaluated.
   */
  commissionCriteria: string[];
}

// ---------------------------------------------------------------------------------------------
// What the rules look at.

export interface ApplicationFacts {
  statut: AgentStatus | null;
  teachingLevel: TeachingLevel | null;
  /** Académie of assignment, as written (compared without case, accents or « académie de »). */
  academie: string | null;
  /** Discipline code. */
  discipline: string | null;
  /** Highest diploma level. */
  diploma: DiplomaLevel | null;
  /** Kinds of the documents the application contains. */
  documents: DocumentKind[];
  /** When the application arrived: the mail's instant, or the day when only the day is known. */
  received: IsoInstant | IsoDate | null;
  headOpinion: HeadOpinion | null;
  /** Annexe 2 fields that are filled in. */
  annexe2Filled: Annexe2Field[];
  /** The mail's subject, when the application came by mail (checked against the pattern: warnings only). */
  subject?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Verdict.

export const RULE_IDS = [
  'delai',
  'statut',
  'niveau',
  'academie',
  'discipline',
  'diplome_minimum',
  'diplome_souhaite',
  'pieces',
  'annexe2',
  'avis_chef',
  'lundi_libere',
  'objet',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const RULE_LABELS: Record<RuleId, string> = {
  delai: 'Date limite',
  statut: 'Statut',
  niveau: 'Niveau d’enseignement',
  academie: 'Académie d’affectation',
  discipline: 'Discipline',
  diplome_minimum: 'Diplôme minimum',
  diplome_souhaite: 'Diplôme souhaité',
  pieces: 'Pièces du dossier',
  annexe2: 'Annexe 2',
  avis_chef: 'Avis du chef d’établissement',
  lundi_libere: 'Libération du lundi',
  objet: 'Objet du message',
};

export const VERDICT_STATUSES = ['recevable', 'incomplet', 'irrecevable'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];
export const VERDICT_STATUS_LABELS: Record<VerdictStatus, string> = {
  recevable: 'Recevable',
  incomplet: 'Incomplet',
  irrecevable: 'Irrecevable',
};

/** missing: something can still be sent (→ incomplet); refused: a rule excludes the application (→ irrecevable). */
export type ReasonKind = 'missing' | 'refused' | 'warning';

export interface VerdictReason {
  rule: RuleId;
  message: string;
  kind: ReasonKind;
}

export interface Verdict {
  status: VerdictStatus;
  /** Refused first, then missing, then warnings; in rule order within each kind. */
  reasons: VerdictReason[];
}

/** The secretariat's decision against the computed verdict; kept with its author and date. */
export interface VerdictOverride {
  status: VerdictStatus;
  /** Required, 10 characters at least. */
  motivation: string;
  by: string;
  at: IsoInstant;
}

/** The verdict that counts, with what the rules said and the override that replaced it, if any. */
export interface EffectiveVerdict {
  status: VerdictStatus;
  /** The rules' reasons, kept even when overridden: the commission still sees them. */
  reasons: VerdictReason[];
  computed: VerdictStatus;
  override: VerdictOverride | null;
  /** French, for the file and the tooltip of the table: who forced what, when, why; '' when not overridden. */
  overrideNote: string;
}

export const OVERRIDE_LIMITS = { minMotivation: 10, maxMotivation: 2000, maxBy: 200 } as const;

// ---------------------------------------------------------------------------------------------
// What the file of an application shows about its admissibility (stored by the services).

/** What the secretariat enters, or corrects, for the rules to read; '' / null: derived from the file. */
export interface ApplicationFactsEntry {
  /** Académie of assignment; '' means « read from the academic e-mail address ». */
  academie: string;
  /** null means « read from the corps ». */
  teachingLevel: TeachingLevel | null;
  diploma: DiplomaLevel | null;
}

/** The head of school's opinion as stored, with who entered it and when. */
export interface HeadOpinionRecord extends HeadOpinion {
  enteredBy: string;
  enteredAt: IsoInstant;
}

export interface ApplicationDocument {
  id: number;
  candidateId: number;
  kind: DocumentKind;
  /** Safe to show and to save under. */
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** The mail it came with; null when added by hand. */
  mailId: number | null;
  addedAt: IsoInstant;
  /** A program or script: the app never opens it (it can still be saved). */
  unsafe: boolean;
}

export interface ApplicationMail {
  id: number;
  candidateId: number;
  /** The .eml file's name as dropped. */
  fileName: string;
  subject: string;
  fromName: string;
  fromAddress: string;
  /** When the candidate sent it (the original's date for a forward); null when unknown. */
  sentAt: IsoInstant | null;
  /** « Transféré par … le … », '' when not a forward. */
  forwardNote: string;
  bodyText: string;
  /** French: what was read with a doubt. */
  warnings: string[];
  importedAt: IsoInstant;
}

/** Everything the « Recevabilité » panel of a file shows. */
export interface ApplicationAdmissibility {
  candidateId: number;
  callId: number;
  rules: CallRules;
  entry: ApplicationFactsEntry;
  /** What the rules read (entry, or what the file and the documents tell). */
  facts: ApplicationFacts;
  /** When the application arrived, to the minute, when a mail tells it; null otherwise (the file's day counts). */
  receivedAt: IsoInstant | null;
  headOpinion: HeadOpinionRecord | null;
  verdict: EffectiveVerdict;
  documents: ApplicationDocument[];
  mails: ApplicationMail[];
  /** The first mail's subject against the call's pattern; null when no mail or no pattern. */
  subjectCheck: { matches: boolean; message: string } | null;
}

/** What importing one .eml did. */
export interface MailImportOutcome {
  fileName: string;
  /** created: a new file; attached: added to an existing one; already: this very mail was imported before (nothing written). */
  outcome: 'created' | 'attached' | 'already';
  candidateId: number;
  /** « DURAND Camille ». */
  candidateName: string;
  /** How the file was found: « adresse mail », « nom et prénom de l’objet », or '' for a new one. */
  matchedBy: string;
  subject: string;
  subjectMatches: boolean | null;
  sentAt: IsoInstant | null;
  /** Documents added / already in the file. */
  documentsAdded: number;
  documentsAlready: number;
  verdict: VerdictStatus;
  /** French: subject mismatch, forwarded, lateness, what the mail reader doubted. */
  notes: string[];
}
