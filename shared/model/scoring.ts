// Scoring grids and the members' evaluations: each member scores each candidate on the call's grid, for the
// file (dossier) then the interview (entretien); the commission decides on consolidated scores.
import type { IsoInstant } from './entities.js';

export const PHASES = ['dossier', 'entretien'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = { dossier: 'Étude du dossier', entretien: 'Entretien' };

export interface Criterion {
  /** Stable key (« c1 », « acteur-local »): scores refer to it; never reused for another criterion. */
  key: string;
  label: string;
  description: string;
  /** Weight in the total (« conseillé » criteria); an « exigé » criterion may weigh too. */
  weight: number;
  /** Whole points from min to max. */
  min: number;
  max: number;
  /** One descriptor per level, from min to max, or [] (a plain 0–20 scale, say). */
  levels: string[];
  /** « Exigé »: a score below the threshold eliminates the candidate. */
  eliminatory: boolean;
  /** For « exigé »: the lowest acceptable score. */
  threshold: number | null;
  /** The member may write a comment on this criterion. */
  comment: boolean;
}

export interface GridSection {
  key: string;
  label: string;
  criteria: Criterion[];
}

export interface Grid {
  callId: number;
  phase: Phase;
  sections: GridSection[];
  /** Moves at each saved change: a score sheet remembers the version it was filled on. */
  version: number;
  updatedAt: IsoInstant | null;
}

/** What changing a grid would do to scores already given (the secretariat must choose before it is saved). */
export interface GridImpact {
  criterionKey: string;
  label: string;
  /** Scores given on a criterion removed or rescaled (erased), or sheets already submitted that a new criterion leaves incomplete. */
  affectedScores: number;
  kind: 'removed' | 'rescaled' | 'added';
  message: string;
}

export const SHEET_STATUSES = ['brouillon', 'soumise'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];
export const SHEET_STATUS_LABELS: Record<SheetStatus, string> = { brouillon: 'Brouillon', soumise: 'Soumise' };

export interface CriterionScore {
  criterionKey: string;
  value: number | null;
  comment: string;
}

/** One member's sheet for one candidate and phase. */
export interface ScoreSheet {
  candidateId: number;
  memberId: number;
  phase: Phase;
  status: SheetStatus;
  scores: CriterionScore[];
  /** General comment of the member. */
  comment: string;
  gridVersion: number;
  /** Moves at each save (a scoring workbook carries it to recognise changes made since its export). */
  revision: number;
  updatedAt: IsoInstant;
  submittedAt: IsoInstant | null;
}

export const VISIBILITY = ['apres_soumission', 'toujours', 'jamais'] as const;
export type Visibility = (typeof VISIBILITY)[number];
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  apres_soumission: 'Après avoir soumis sa propre évaluation',
  toujours: 'Toujours',
  jamais: 'Jamais avant la délibération',
};

export interface ScoringSettings {
  visibility: Visibility;
  /**
   * The commission deliberates: every member sees every score (what « jamais avant la délibération » waits
   * for). Opened and closed by the presidency or the secretariat.
   */
  deliberationOpen: boolean;
  /** Disagreement when the members' totals spread over more than this share of the scale (0.25 = 5 points on 20). */
  disagreementShare: number;
}

export const CONFLICT_KINDS = ['meme_etablissement', 'meme_reseau', 'hierarchique', 'personnel', 'autre'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  meme_etablissement: 'Même établissement',
  meme_reseau: 'Même réseau',
  hierarchique: 'Lien hiérarchique',
  personnel: 'Lien personnel',
  autre: 'Autre',
};

export interface ConflictOfInterest {
  candidateId: number;
  memberId: number;
  memberName: string;
  candidateName: string;
  kind: ConflictKind;
  note: string;
  declaredBy: string;
  declaredAt: IsoInstant;
}

/** A likely conflict the app proposes (the member's school is the candidate's): to declare or dismiss. */
export interface ConflictSuggestion {
  candidateId: number;
  memberId: number;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Consolidation (computed by shared/domain/scoring).

/** A member's total for one candidate, on 20. */
export interface MemberTotal {
  memberId: number;
  total: number | null;
  /** Criteria « exigé » below their threshold in this member's sheet. */
  eliminatedBy: string[];
  complete: boolean;
}

export interface CandidateConsolidation {
  candidateId: number;
  /** Submitted sheets of members not recused. */
  members: MemberTotal[];
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  disagreement: boolean;
  /** Consolidated « exigé » criteria (mean of the members) below their threshold: labels. */
  eliminatedBy: string[];
  /** Members expected (not recused) who have not submitted. */
  missing: number[];
  recused: number[];
  /** Mean of the members' z-scores: shown beside the raw ranking, never instead of it. */
  normalized: number | null;
  rank: number | null;
  normalizedRank: number | null;
  /** The figures are hidden from this member until they submit their own sheet (or the deliberation, per the call's setting). */
  hidden?: boolean;
}

export interface MemberCalibration {
  memberId: number;
  count: number;
  mean: number | null;
  sd: number | null;
}

export interface Consolidation {
  phase: Phase;
  candidates: CandidateConsolidation[];
  calibration: MemberCalibration[];
  /** The commission's mean and spread of all submitted totals. */
  commission: { count: number; mean: number | null; sd: number | null };
}

/** The commission view of a call and phase. */
export interface EvaluationOverview {
  callId: number;
  phase: Phase;
  grid: Grid;
  settings: ScoringSettings;
  members: { id: number; name: string; role: string }[];
  candidates: { id: number; nom: string; prenom: string; discipline: string | null; etablissement: string }[];
  consolidation: Consolidation;
  conflicts: ConflictOfInterest[];
  suggestions: ConflictSuggestion[];
  /** The « who I am » of this laptop as a member of the commission; null when not a member. */
  me: number | null;
  /** Sheets visible to « me » under the call's visibility (all of them for nobody: the secretariat). */
  visibleSheets: ScoreSheet[];
}

/** A member's evaluation page for one candidate and phase. */
export interface EvaluationSheetView {
  callId: number;
  candidateId: number;
  phase: Phase;
  grid: Grid;
  me: number | null;
  mine: ScoreSheet | null;
  recused: boolean;
  /** Other members' sheets, when visibility allows (else []), and why not. */
  others: (ScoreSheet & { memberName: string })[];
  othersHiddenReason: string;
  settings: ScoringSettings;
}

export type MergeState = 'nouveau' | 'identique' | 'modifie' | 'conflit' | 'refuse';

export interface ScoreMergeLine {
  row: number;
  candidateId: number | null;
  candidateName: string;
  criterionKey: string | null;
  criterionLabel: string;
  state: MergeState;
  fileValue: number | null;
  storedValue: number | null;
  message: string;
  /** Key to answer a conflict with: « <candidateId>:<criterionKey> ». */
  conflictKey: string | null;
}

export interface ScoreMergeReport {
  fileName: string;
  memberName: string;
  phase: Phase;
  lines: ScoreMergeLine[];
  counts: Record<MergeState, number>;
  committed: boolean;
}

export const SCORING_DEFAULTS: ScoringSettings = { visibility: 'apres_soumission', deliberationOpen: false, disagreementShare: 0.25 };
