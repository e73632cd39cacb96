import { z } from 'zod';
import type {
  Call,
  CallSummary,
  CandidateFile,
  CandidateRow,
  Inspector,
  JournalEntry,
  Member,
  Preferences,
} from '../model/entities.js';
import { APPLICATION_STATUSES, MEMBER_ROLES } from '../model/referential.js';
import {
  DOCUMENT_KINDS,
  RULE_IDS,
  VERDICT_STATUSES,
  type ApplicationAdmissibility,
  type ApplicationDocument,
  type CallRules,
  type MailImportOutcome,
} from '../model/admissibility.js';
import { SORT_KEYS } from '../domain/candidate-list.js';
import { INTAKE_FIELDS } from '../domain/intake/types.js';
import type { ExportedFile, IntakePreview, IntakeResult } from '../model/intake.js';
import type { AvailabilityImportReport, PlannerProposal, PlannerView } from '../model/planner.js';
import { UNPLACED_CODES } from '../domain/planner/model.js';
import type { ErrorCode } from './errors.js';
import type { CandidateOpinion, OpinionImportReport, OpinionRequestFiles, OpinionsOverview } from '../model/opinions.js';
import {
  CONFLICT_KINDS,
  PHASES,
  VISIBILITY,
  type ConflictOfInterest,
  type EvaluationOverview,
  type EvaluationSheetView,
  type Grid,
  type GridImpact,
  type ScoreMergeReport,
  type ScoringSettings,
} from '../model/scoring.js';

// Guards against absurd payloads before any domain check runs; domain limits are stricter.
const text = z.string().max(50_000);
const id = z.number().int().positive();

export const candidateDraftSchema = z.object({
  nom: text,
  prenom: text,
  dateNaissance: text,
  discipline: text,
  adresse: text,
  telephone: text,
  statut: text,
  corps: text,
  grade: text,
  echelon: text,
  etablissement: text,
  ville: text,
  email: text,
  experience: text,
  motivations: text,
  wishes: z.array(id).max(50),
  receivedOn: text,
  status: text,
});

export const callDraftSchema = z.object({
  title: text,
  reference: text,
  academie: text,
  employer: text,
  location: text,
  category: text,
  description: text,
  acceptedStatuses: z.array(text).max(10),
  acceptedDisciplines: z.array(text).max(100),
  deadline: text,
  interviewStart: text,
  interviewEnd: text,
  interviewPlace: text,
  presidedBy: text,
  panelSize: text,
  contactEmail: text,
  subjectPattern: text,
  posts: z.array(z.object({ id: id.optional(), label: text, site: text, places: text })).max(200),
});

export const memberDraftSchema = z.object({
  name: text,
  role: z.enum(MEMBER_ROLES),
  email: text,
  etablissement: z.string().max(300).optional(),
});

export const inspectorDraftSchema = z.object({
  name: text,
  email: text,
  disciplines: z.array(text).max(50),
});

export const candidateFilterSchema = z.object({
  search: z.string().max(500).optional(),
  discipline: z.string().max(100).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  verdict: z.enum(VERDICT_STATUSES).optional(),
  /** Files whose rules give a reason under this rule (« Libération du lundi »…). */
  reason: z.enum(RULE_IDS).optional(),
  postId: id.optional(),
  sort: z.object({ key: z.enum(SORT_KEYS), direction: z.enum(['asc', 'desc']) }).optional(),
});

// 50 MB of file as base64 (4/3), plus a margin.
const MAX_BASE64 = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 1024;
const intakeId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Identifiant d’import invalide.');
const mappingSchema = z.array(z.enum(INTAKE_FIELDS).nullable()).max(500);

// Shapes only: the domain checks (checkCallRules, checkOverride…) say in French what is wrong and where.
export const callRulesSchema = z.object({
  requiredDocuments: z.array(z.string().max(50)).max(20),
  acceptedStatuses: z.array(z.string().max(50)).max(10),
  requiredLevel: z.string().max(50).nullable(),
  requiredAcademie: z.string().max(200).nullable(),
  acceptedDisciplines: z.array(z.string().max(100)).max(100),
  minimumDiploma: z.number().int().nullable(),
  wishedDiploma: z.number().int().nullable(),
  deadline: z.string().max(50).nullable(),
  requireMondayFreed: z.boolean(),
  requireHeadOpinion: z.boolean(),
  subjectPattern: z.string().max(2000),
  commissionCriteria: z.array(z.string().max(5000)).max(100),
});

export const headOpinionDraftSchema = z.object({
  avis: text,
  motivation: text,
  mondayFreed: text,
  signedBy: text,
  /** dd/mm/yyyy as typed, or yyyy-mm-dd; '' when unknown. */
  signedOn: text,
});

export const factsEntrySchema = z.object({
  academie: z.string().max(200),
  teachingLevel: z.string().max(50).nullable(),
  diploma: z.number().int().nullable(),
});

// One .eml (25 MB) or one document (20 MB) as base64, plus a margin.
const MAX_MAIL_BASE64 = Math.ceil((25 * 1024 * 1024 * 4) / 3) + 1024;

const phase = z.enum(PHASES);
const criterionSchema = z.object({
  key: z.string().max(60),
  label: text,
  description: text,
  weight: z.number().finite(),
  min: z.number().int(),
  max: z.number().int(),
  levels: z.array(z.string().max(1000)).max(21),
  eliminatory: z.boolean(),
  threshold: z.number().nullable(),
  comment: z.boolean(),
});
const sectionSchema = z.object({ key: z.string().max(60), label: text, criteria: z.array(criterionSchema).max(60) });

// ——— Interview planner (issue 7) ———
const isoDay = z.string().max(10);
const hhmm = z.string().max(5);
const half = z.enum(['am', 'pm']);
const halfDayRef = z.object({ date: isoDay, half: half.optional() });
const weekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]);
const timeRange = z.object({ start: hhmm, end: hhmm });
export const availabilitySchema = z.object({
  only: z.array(halfDayRef).max(800).optional(),
  unavailable: z.array(halfDayRef).max(800).optional(),
  weekly: z.array(z.object({ weekday, half: half.optional() })).max(14).optional(),
});
export const plannerSettingsSchema = z.object({
  from: isoDay,
  to: isoDay,
  workingDays: z.array(weekday).max(7),
  holidays: z.enum(['metropole', 'alsace-moselle', 'aucune']),
  blackouts: z.array(z.object({ from: isoDay, to: isoDay, half: half.optional(), label: z.string().max(200) })).max(200),
  morning: timeRange.nullable(),
  afternoon: timeRange.nullable(),
  minutes: z.number().int(),
  bufferMinutes: z.number().int(),
  maxPerDay: z.number().int(),
  rooms: z.array(z.object({ id: z.string().min(1).max(60), label: z.string().max(200), unavailable: z.array(halfDayRef).max(800).optional() })).max(100),
  quorum: z.number().int(),
  presidentRequired: z.boolean(),
  panels: z.array(z.object({ id: z.string().min(1).max(60), label: z.string().max(200), posts: z.array(z.string().max(20)).max(200), memberIds: z.array(id).max(100), quorum: z.number().int().min(1).max(30).optional() })).max(100),
  place: z.string().max(1000),
  seed: z.number().int(),
});
const slotSchema = z.object({ candidateId: id, date: isoDay, start: hhmm, end: hhmm, roomId: z.string().max(60), memberIds: z.array(id).max(100) });
const runId = z.string().min(1).max(80);

export const actorSchema = z.object({ name: z.string().min(1).max(200), email: z.string().max(200) });

export interface MethodSpec<A extends z.ZodType, R> {
  args: A;
  /** A method that changes stored data: it is journaled and announced to every open window. */
  mutates: boolean;
  summary: string;
  errors: readonly ErrorCode[];
  /** Phantom: carries the result type. */
  readonly result?: R;
}

function method<R>() {
  return <A extends z.ZodType>(spec: Omit<MethodSpec<A, R>, 'result'>): MethodSpec<A, R> => spec;
}

export const methods = {
  'app-info': method<{ version: string; dataDir: string; mode: 'desktop' | 'browser'; schemaVersion: number }>()({
    args: z.object({}),
    mutates: false,
    summary: 'Version de l’application, dossier de données, mode (bureau ou navigateur) et version du schéma.',
    errors: [],
  }),
  'prefs-get': method<Preferences>()({
    args: z.object({}),
    mutates: false,
    summary: 'Préférences de ce poste : « qui suis-je », dernier appel ouvert.',
    errors: [],
  }),
  'prefs-set': method<Preferences>()({
    args: z.object({ whoAmI: actorSchema.nullable().optional(), lastCallId: id.nullable().optional() }),
    mutates: false,
    summary: 'Modifie les préférences de ce poste (champs absents inchangés).',
    errors: ['validation'],
  }),
  'calls-list': method<CallSummary[]>()({
    args: z.object({ includeArchived: z.boolean().optional() }),
    mutates: false,
    summary: 'Liste les appels à candidature (archivés compris si demandé), avec leurs effectifs.',
    errors: [],
  }),
  'calls-get': method<Call>()({
    args: z.object({ id }),
    mutates: false,
    summary: 'Un appel et ses postes.',
    errors: ['not_found'],
  }),
  'calls-create': method<Call>()({
    args: z.object({ call: callDraftSchema }),
    mutates: true,
    summary: 'Crée un appel et ses postes.',
    errors: ['validation'],
  }),
  'calls-update': method<Call>()({
    args: z.object({ id, call: callDraftSchema }),
    mutates: true,
    summary: 'Modifie un appel ; les postes absents sont supprimés s’ils ne sont demandés par aucun candidat.',
    errors: ['validation', 'not_found', 'conflict'],
  }),
  'calls-archive': method<Call>()({
    args: z.object({ id, archived: z.boolean() }),
    mutates: true,
    summary: 'Archive (ou désarchive) un appel ; rien n’est supprimé.',
    errors: ['not_found'],
  }),
  'candidates-list': method<CandidateRow[]>()({
    args: z.object({ callId: id, filter: candidateFilterSchema.optional() }),
    mutates: false,
    summary: 'Candidatures d’un appel, filtrées et triées, avec une première lecture de leur recevabilité.',
    errors: ['not_found'],
  }),
  'candidates-get': method<CandidateFile>()({
    args: z.object({ id }),
    mutates: false,
    summary: 'Le dossier complet d’un candidat.',
    errors: ['not_found'],
  }),
  'candidates-create': method<CandidateFile>()({
    args: z.object({ callId: id, candidate: candidateDraftSchema }),
    mutates: true,
    summary: 'Crée un dossier de candidature dans un appel.',
    errors: ['validation', 'not_found', 'conflict'],
  }),
  'candidates-update': method<CandidateFile>()({
    args: z.object({ id, candidate: candidateDraftSchema }),
    mutates: true,
    summary: 'Modifie un dossier de candidature.',
    errors: ['validation', 'not_found', 'conflict'],
  }),
  'candidates-delete': method<{ id: number }>()({
    args: z.object({ id }),
    mutates: true,
    summary: 'Supprime définitivement un dossier (effacement sécurisé).',
    errors: ['not_found'],
  }),
  'intake-open': method<IntakePreview>()({
    args: z.object({
      callId: id,
      intakeId,
      fileName: z.string().min(1).max(300),
      contentBase64: z.string().max(MAX_BASE64, 'Fichier trop volumineux : 50 Mo au plus.'),
    }),
    mutates: false,
    summary:
      'Lit un tableur (.xlsx ou .csv) et prépare son import dans un appel : feuilles, ligne d’en-tête, correspondance proposée des colonnes, aperçu et rapport de validation. Rien n’est écrit.',
    errors: ['validation', 'not_found', 'too_large'],
  }),
  'intake-preview': method<IntakePreview>()({
    args: z.object({ intakeId, sheetIndex: z.number().int().min(0).max(200).optional(), mapping: mappingSchema.optional() }),
    mutates: false,
    summary: 'Recalcule l’aperçu d’un import préparé avec une autre feuille ou une autre correspondance des colonnes. Rien n’est écrit.',
    errors: ['validation', 'not_found'],
  }),
  'intake-mapping-save': method<{ saved: true }>()({
    args: z.object({ intakeId, mapping: mappingSchema }),
    mutates: true,
    summary: 'Retient la correspondance des colonnes pour les prochains fichiers du même appel ayant les mêmes en-têtes.',
    errors: ['validation', 'not_found'],
  }),
  'intake-commit': method<IntakeResult>()({
    args: z.object({ intakeId, sheetIndex: z.number().int().min(0).max(200), mapping: mappingSchema }),
    mutates: true,
    summary:
      'Écrit les lignes acceptées d’un import préparé, en une seule transaction : toutes ou aucune. Les lignes refusées ne sont pas écrites.',
    errors: ['validation', 'not_found', 'conflict'],
  }),
  'intake-cancel': method<{ cancelled: boolean }>()({
    args: z.object({ intakeId }),
    mutates: false,
    summary: 'Abandonne un import (lecture en cours comprise) ; rien n’est écrit.',
    errors: [],
  }),
  'candidates-export': method<ExportedFile>()({
    args: z.object({ callId: id, filter: candidateFilterSchema.optional(), format: z.enum(['xlsx', 'csv']) }),
    mutates: false,
    summary: 'Exporte les candidatures d’un appel (filtres appliqués) en .xlsx (avec feuille « Métadonnées ») ou en .csv pour Excel.',
    errors: ['not_found'],
  }),
  'intake-template': method<ExportedFile>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary: 'Modèle d’import vierge pour un appel : mêmes colonnes que l’export, listes déroulantes ; il se réimporte sans étape de correspondance.',
    errors: ['not_found'],
  }),
  'members-list': method<Member[]>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary: 'Membres de la commission d’un appel.',
    errors: ['not_found'],
  }),
  'members-directory': method<{ name: string; email: string; calls: string[] }[]>()({
    args: z.object({}),
    mutates: false,
    summary: 'Toutes les personnes membres d’une commission, tous appels confondus (pour choisir « qui suis-je »).',
    errors: [],
  }),
  'members-save': method<Member>()({
    args: z.object({ callId: id, id: id.optional(), member: memberDraftSchema }),
    mutates: true,
    summary: 'Ajoute (sans id) ou modifie un membre de la commission.',
    errors: ['validation', 'not_found', 'conflict'],
  }),
  'members-delete': method<{ id: number }>()({
    args: z.object({ id }),
    mutates: true,
    summary: 'Retire un membre de la commission.',
    errors: ['not_found'],
  }),
  'inspectors-list': method<Inspector[]>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary: 'Inspecteurs (IA-IPR) sollicités pour un appel.',
    errors: ['not_found'],
  }),
  'inspectors-save': method<Inspector>()({
    args: z.object({ callId: id, id: id.optional(), inspector: inspectorDraftSchema }),
    mutates: true,
    summary: 'Ajoute (sans id) ou modifie un inspecteur et ses disciplines.',
    errors: ['validation', 'not_found', 'conflict'],
  }),
  'inspectors-copy': method<{ added: number; inspectors: Inspector[] }>()({
    args: z.object({ callId: id, fromCallId: id }),
    mutates: true,
    summary: 'Reprend les inspecteurs d’un autre appel (ceux dont l’adresse n’est pas déjà là), avec leurs disciplines.',
    errors: ['validation', 'not_found'],
  }),
  'inspectors-delete': method<{ id: number }>()({
    args: z.object({ id }),
    mutates: true,
    summary: 'Retire un inspecteur.',
    errors: ['not_found'],
  }),
  'rules-get': method<CallRules>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary:
      'Règles de recevabilité d’un appel : pièces exigées, statuts, niveau, académie, disciplines, diplôme, date limite, lundi libéré, objet du courriel.',
    errors: ['not_found'],
  }),
  'rules-save': method<CallRules>()({
    args: z.object({ callId: id, rules: callRulesSchema }),
    mutates: true,
    summary:
      'Enregistre les règles de recevabilité d’un appel (statuts, disciplines, date limite et objet sont ceux de l’appel : ils sont modifiés avec) ; tous les verdicts sont recalculés.',
    errors: ['validation', 'not_found'],
  }),
  'admissibility-get': method<ApplicationAdmissibility>()({
    args: z.object({ candidateId: id }),
    mutates: false,
    summary:
      'Recevabilité d’un dossier : règles de l’appel, faits lus, verdict et motifs, avis du chef d’établissement, pièces, courriels reçus, décision forcée.',
    errors: ['not_found'],
  }),
  'facts-save': method<ApplicationAdmissibility>()({
    args: z.object({ candidateId: id, entry: factsEntrySchema }),
    mutates: true,
    summary: 'Saisit ou corrige l’académie d’affectation, le niveau d’enseignement et le diplôme d’un candidat (vide : déduit du dossier).',
    errors: ['validation', 'not_found'],
  }),
  'head-opinion-save': method<ApplicationAdmissibility>()({
    args: z.object({ candidateId: id, opinion: headOpinionDraftSchema.nullable() }),
    mutates: true,
    summary:
      'Saisit l’avis du chef d’établissement (favorable, réservé, défavorable ; motivation ; lundi libéré ; signataire et date), ou l’efface (null).',
    errors: ['validation', 'not_found'],
  }),
  'verdict-override': method<ApplicationAdmissibility>()({
    args: z.object({
      candidateId: id,
      override: z.object({ status: z.string().max(50), motivation: text }).nullable(),
    }),
    mutates: true,
    summary:
      'Force le verdict de recevabilité avec une motivation écrite (auteur : « qui suis-je » ; date : maintenant), ou rétablit le verdict des règles (null).',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'documents-add': method<ApplicationDocument>()({
    args: z.object({
      candidateId: id,
      fileName: z.string().min(1).max(300),
      contentBase64: z.string().max(MAX_MAIL_BASE64, 'Fichier trop volumineux : 20 Mo au plus.'),
      kind: z.enum(DOCUMENT_KINDS).optional(),
    }),
    mutates: true,
    summary: 'Ajoute une pièce à un dossier (reçue autrement que par courriel) ; une pièce déjà présente n’est pas ajoutée deux fois.',
    errors: ['validation', 'not_found', 'too_large'],
  }),
  'documents-update': method<ApplicationDocument>()({
    args: z.object({ id, kind: z.enum(DOCUMENT_KINDS) }),
    mutates: true,
    summary: 'Corrige la nature d’une pièce (annexe 2, avis du chef d’établissement, CV, lettre de motivation, autre).',
    errors: ['not_found'],
  }),
  'documents-delete': method<{ id: number }>()({
    args: z.object({ id }),
    mutates: true,
    summary: 'Retire une pièce d’un dossier ; le fichier est effacé du dossier de données s’il n’est plus dans aucun dossier.',
    errors: ['not_found'],
  }),
  'documents-download': method<ExportedFile>()({
    args: z.object({ id }),
    mutates: false,
    summary: 'Le contenu d’une pièce, vérifié par son empreinte, pour l’enregistrer (mode navigateur : téléchargement).',
    errors: ['not_found', 'internal'],
  }),
  'documents-open': method<{ opened: true }>()({
    args: z.object({ id }),
    mutates: false,
    summary:
      'Ouvre une pièce avec l’application par défaut du poste (application de bureau seulement) ; un programme ou un script n’est jamais ouvert.',
    errors: ['not_found', 'forbidden', 'unsupported', 'internal'],
  }),
  'mail-import': method<MailImportOutcome>()({
    args: z.object({
      callId: id,
      fileName: z.string().min(1).max(300),
      contentBase64: z.string().max(MAX_MAIL_BASE64, 'Courriel trop volumineux : 25 Mo au plus.'),
    }),
    mutates: true,
    summary:
      'Importe un courriel de candidature (.eml) dans un appel : crée le dossier ou le complète (même adresse, ou même nom dans l’objet), enregistre les pièces jointes, vérifie l’objet et la date. Un .msg est refusé avec la marche à suivre.',
    errors: ['validation', 'not_found', 'too_large', 'unsupported'],
  }),
  'opinions-overview': method<OpinionsOverview>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary:
      'Avis des IA-IPR d’un appel : chaque dossier recevable et son inspecteur (discipline), demandes, réponses, retards ; par inspecteur « reçus / demandés ».',
    errors: ['not_found'],
  }),
  'opinions-assign': method<CandidateOpinion>()({
    args: z.object({ candidateId: id, inspectorId: id.nullable() }),
    mutates: true,
    summary: 'Choisit l’inspecteur d’un dossier (plusieurs inspecteurs pour sa discipline, ou un autre exprès) ; null revient à l’inspecteur de la discipline.',
    errors: ['validation', 'not_found'],
  }),
  'opinions-request': method<OpinionRequestFiles>()({
    args: z.object({ callId: id, inspectorId: id, dueOn: text, reminder: z.boolean().optional() }),
    mutates: true,
    summary:
      'Prépare la demande d’avis à un inspecteur : classeur de ses dossiers (identifiants protégés, colonne « Avis » à liste, « Motivation ») et brouillon de courriel .eml avec le classeur joint ; date de demande et échéance enregistrées. `reminder` : relance des seuls dossiers encore sans avis.',
    errors: ['validation', 'not_found'],
  }),
  'opinions-import': method<OpinionImportReport>()({
    args: z.object({
      callId: id,
      fileName: z.string().min(1).max(300),
      contentBase64: z.string().max(MAX_BASE64, 'Fichier trop volumineux : 50 Mo au plus.'),
      commit: z.boolean(),
    }),
    mutates: true,
    summary:
      'Lit un classeur d’avis rempli par un inspecteur : chaque ligne est rapprochée par son identifiant ; identifiant inconnu, identité modifiée, avis vide ou invalide sont signalés ligne par ligne. Avec `commit`, les avis acceptés sont enregistrés en une transaction (tous ou aucun) ; sans, rien n’est écrit.',
    errors: ['validation', 'not_found', 'too_large'],
  }),
  'opinions-get': method<CandidateOpinion>()({
    args: z.object({ candidateId: id }),
    mutates: false,
    summary: 'L’avis de l’IA-IPR d’un dossier : inspecteur, demande, avis enregistré (auteur, date) et historique des modifications.',
    errors: ['not_found'],
  }),
  'opinions-save': method<CandidateOpinion>()({
    args: z.object({
      candidateId: id,
      opinion: z.object({ avis: text, motivation: text, givenOn: text }).nullable(),
      reason: text.optional(),
    }),
    mutates: true,
    summary:
      'Saisit à la main l’avis de l’IA-IPR d’un dossier. Un avis enregistré est verrouillé : le modifier (ou l’effacer, null) exige un motif ; l’historique garde qui, quand, avant et après.',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'grids-get': method<Grid>()({
    args: z.object({ callId: id, phase }),
    mutates: false,
    summary: 'La grille d’évaluation d’un appel pour une phase (dossier ou entretien) : sections, critères, poids, échelles, critères exigés et seuils.',
    errors: ['not_found'],
  }),
  'grids-save': method<{ saved: boolean; grid: Grid; impacts: GridImpact[] }>()({
    args: z.object({ callId: id, phase, sections: z.array(sectionSchema).max(20), acceptImpacts: z.number().int().min(0).optional() }),
    mutates: true,
    summary:
      'Enregistre une grille (président ou secrétariat). Si le changement rend caduques des notes déjà données (critère retiré, échelle changée) ou des fiches soumises (critère ajouté), rien n’est écrit et les conséquences sont rendues (`saved: false`) ; avec `acceptImpacts` égal au total des conséquences acceptées, la grille est enregistrée, ces notes effacées et ces fiches remises en brouillon.',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'scoring-settings-save': method<ScoringSettings>()({
    args: z.object({
      callId: id,
      settings: z.object({ visibility: z.enum(VISIBILITY), deliberationOpen: z.boolean(), disagreementShare: z.number().min(0.05).max(1) }),
    }),
    mutates: true,
    summary:
      'Quand un membre voit les notes des autres (après avoir soumis, toujours, jamais avant la délibération), si la délibération est ouverte (tout le monde voit tout), et à partir de quel écart les notes divergent. Présidence ou secrétariat.',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'evaluation-overview': method<EvaluationOverview>()({
    args: z.object({ callId: id, phase }),
    mutates: false,
    summary:
      'Vue de la commission : notes consolidées par candidat (moyenne, médiane, min, max, écart, divergence, critères exigés non atteints, complétude, rang brut et rang normalisé), étalonnage des membres, conflits d’intérêts déclarés et proposés.',
    errors: ['not_found'],
  }),
  'evaluation-sheet-get': method<EvaluationSheetView>()({
    args: z.object({ candidateId: id, phase }),
    mutates: false,
    summary: 'La fiche d’évaluation du membre « qui suis-je » pour un candidat, et celles des autres membres quand la visibilité de l’appel le permet.',
    errors: ['not_found'],
  }),
  'evaluation-sheet-save': method<EvaluationSheetView>()({
    args: z.object({
      candidateId: id,
      phase,
      scores: z.array(z.object({ criterionKey: z.string().max(60), value: z.number().nullable(), comment: text })).max(200),
      comment: text,
      submit: z.boolean(),
    }),
    mutates: true,
    summary: 'Enregistre la fiche du membre « qui suis-je » (brouillon), ou la soumet (`submit`: toutes les notes exigées).',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'conflicts-declare': method<ConflictOfInterest[]>()({
    args: z.object({ candidateId: id, memberId: id.optional(), kind: z.enum(CONFLICT_KINDS), note: text }),
    mutates: true,
    summary: 'Déclare un lien d’intérêts entre un membre (par défaut « qui suis-je ») et un candidat : le membre est récusé pour ce candidat.',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'conflicts-remove': method<ConflictOfInterest[]>()({
    args: z.object({ candidateId: id, memberId: id }),
    mutates: true,
    summary: 'Retire une déclaration de lien d’intérêts (déclarée par erreur).',
    errors: ['not_found'],
  }),
  'scores-export': method<ExportedFile>()({
    args: z.object({ callId: id, phase, memberId: id }),
    mutates: false,
    summary:
      'Classeur d’évaluation d’un membre pour une phase : ses candidats et la grille, cellules de note limitées par validation, identifiants protégés ; à remplir hors ligne puis à importer sur le poste de référence.',
    errors: ['not_found'],
  }),
  'scores-import': method<ScoreMergeReport>()({
    args: z.object({
      callId: id,
      fileName: z.string().min(1).max(300),
      contentBase64: z.string().max(MAX_BASE64, 'Fichier trop volumineux : 50 Mo au plus.'),
      commit: z.boolean(),
      choices: z.record(z.string().max(80), z.enum(['fichier', 'application'])).optional(),
    }),
    mutates: true,
    summary:
      'Lit le classeur d’évaluation rempli par un membre : notes nouvelles, identiques, modifiées, en conflit (différentes de celles déjà saisies depuis l’export), refusées. Avec `commit` et un choix pour chaque conflit, tout est enregistré en une transaction.',
    errors: ['validation', 'not_found', 'too_large'],
  }),
  'planner-get': method<PlannerView>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary:
      'Planning des entretiens d’un appel : réglages (ou valeurs par défaut tirées de l’appel), membres qui siègent et leurs disponibilités, candidats à entendre (recevables, non retirés) et leurs contraintes, créneaux enregistrés, candidats non placés avec la raison, conflits des créneaux avec les contraintes du jour, données d’entrée du planificateur.',
    errors: ['not_found'],
  }),
  'planner-settings-save': method<PlannerView>()({
    args: z.object({ callId: id, settings: plannerSettingsSchema }),
    mutates: true,
    summary: 'Enregistre les réglages des entretiens (période, jours, fériés, périodes exclues, horaires, durée, battement, maximum par jour, salles, quorum, présidence, jurys par poste, lieu). Les créneaux déjà placés restent ; leurs conflits éventuels sont signalés.',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'planner-constraints-save': method<PlannerView>()({
    args: z.object({
      callId: id,
      kind: z.enum(['member', 'candidate']),
      personId: id,
      availability: availabilitySchema,
      preferred: z.array(halfDayRef).max(800),
      note: z.string().max(2000),
    }),
    mutates: true,
    summary: 'Enregistre les disponibilités d’un membre (demi-journées seulement possibles, indisponibles, chaque semaine) ou les indisponibilités et préférences d’un candidat.',
    errors: ['validation', 'not_found', 'forbidden'],
  }),
  'planner-constraints-template': method<ExportedFile>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary: 'Classeur des candidats à entendre avec les colonnes « Indisponibilités » et « Préférences » à remplir (identifiants protégés), à réimporter.',
    errors: ['not_found'],
  }),
  'planner-constraints-import': method<AvailabilityImportReport>()({
    args: z.object({
      callId: id,
      fileName: z.string().min(1).max(300),
      contentBase64: z.string().max(MAX_BASE64, 'Fichier trop volumineux : 50 Mo au plus.'),
      commit: z.boolean(),
    }),
    mutates: true,
    summary:
      'Lit un classeur d’indisponibilités et de préférences des candidats (rapprochés par identifiant, e-mail ou nom et prénom) ; chaque ligne non comprise est refusée avec sa colonne et sa raison. Avec `commit`, les lignes acceptées sont enregistrées en une transaction.',
    errors: ['validation', 'not_found', 'too_large', 'forbidden'],
  }),
  'planner-run': method<PlannerProposal>()({
    args: z.object({ callId: id, mode: z.enum(['plan', 'replan']), runId }),
    mutates: false,
    summary:
      'Calcule une proposition hors du fil de l’interface (progression annoncée, annulable) : `plan` repart de zéro (hors créneaux verrouillés), `replan` garde tous les créneaux encore valables et ne déplace que le nécessaire. Rien n’est enregistré : la proposition et ses différences sont à appliquer.',
    errors: ['validation', 'not_found', 'forbidden', 'conflict'],
  }),
  'planner-cancel': method<{ cancelled: boolean }>()({
    args: z.object({ runId }),
    mutates: false,
    summary: 'Arrête un calcul en cours.',
    errors: [],
  }),
  'planner-apply': method<PlannerView>()({
    args: z.object({ callId: id, runId, basedOnRevision: z.number().int().min(0), slots: z.array(slotSchema).max(20_000), unplaced: z.array(z.object({ candidateId: id, code: z.enum(UNPLACED_CODES), reason: z.string().max(2000) })).max(20_000) }),
    mutates: true,
    summary: 'Applique une proposition : refusée si le planning a changé depuis son calcul ou si le contrôleur indépendant y trouve une contrainte violée ; les créneaux verrouillés ne bougent pas.',
    errors: ['validation', 'not_found', 'conflict', 'forbidden'],
  }),
  'planner-slot-move': method<PlannerView>()({
    args: z.object({ callId: id, candidateId: id, date: isoDay, start: hhmm, roomId: z.string().max(60), basedOnRevision: z.number().int().min(0) }),
    mutates: true,
    summary: 'Déplace (ou place) l’entretien d’un candidat ; le jury de la salle à cette demi-journée est repris. Refusé, avec l’explication, si le créneau viole une contrainte ou si le candidat est verrouillé.',
    errors: ['validation', 'not_found', 'conflict', 'forbidden'],
  }),
  'planner-slot-lock': method<PlannerView>()({
    args: z.object({ callId: id, candidateId: id, locked: z.boolean() }),
    mutates: true,
    summary: 'Verrouille (ou libère) un créneau : un nouveau calcul ne le déplace pas.',
    errors: ['not_found', 'forbidden'],
  }),
  'planner-slot-remove': method<PlannerView>()({
    args: z.object({ callId: id, candidateId: id }),
    mutates: true,
    summary: 'Retire l’entretien d’un candidat du planning (le candidat redevient à placer s’il est encore à entendre).',
    errors: ['not_found', 'forbidden'],
  }),
  'planner-convocation': method<ExportedFile>()({
    args: z.object({ callId: id, candidateId: id, format: z.enum(['docx', 'eml']) }),
    mutates: true,
    summary:
      'Convocation d’un candidat : lettre modifiable (.docx) ou brouillon de courriel (.eml) avec l’invitation .ics (RFC 5545, Europe/Paris) jointe. La date de préparation et le créneau annoncé sont enregistrés (un créneau déplacé ensuite est signalé « à reconvoquer ») et la candidature passe à « Convoquée à l’entretien ». Refusée pour un créneau en conflit ou passé.',
    errors: ['not_found', 'conflict', 'forbidden'],
  }),
  'planner-call-off-done': method<PlannerView>()({
    args: z.object({ callId: id, candidateId: id }),
    mutates: true,
    summary: 'Le candidat a été prévenu que l’entretien annoncé par sa convocation n’aura pas lieu : il sort de la liste « convocations à annuler ».',
    errors: ['not_found', 'forbidden'],
  }),
  'planner-member-schedule': method<ExportedFile>()({
    args: z.object({ callId: id, memberId: id, format: z.enum(['ics', 'eml']) }),
    mutates: false,
    summary: 'Emploi du temps d’un membre : calendrier .ics de ses entretiens, ou brouillon de courriel avec ce calendrier joint.',
    errors: ['not_found'],
  }),
  'planner-export': method<ExportedFile>()({
    args: z.object({ callId: id }),
    mutates: false,
    summary: 'Planning en classeur : une feuille par jour d’entretiens, une par membre, une des candidats non placés.',
    errors: ['not_found'],
  }),
  'demo-open': method<{ callIds: number[]; created: boolean }>()({
    args: z.object({}),
    mutates: true,
    summary: 'Charge la démonstration (deux appels réels, candidats fictifs) ; sans effet si elle est déjà chargée.',
    errors: [],
  }),
  'journal-list': method<JournalEntry[]>()({
    args: z.object({ callId: id.optional(), limit: z.number().int().min(1).max(1000).optional() }),
    mutates: false,
    summary: 'Journal des modifications (qui, quand, quoi), le plus récent d’abord.',
    errors: [],
  }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller sends. */
export type ArgsOf<K extends MethodName> = z.input<Methods[K]['args']>;
/** What a handler receives once validated. */
export type ParsedArgsOf<K extends MethodName> = z.output<Methods[K]['args']>;
export type ResultOf<K extends MethodName> = Methods[K] extends MethodSpec<z.ZodType, infer R> ? R : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
