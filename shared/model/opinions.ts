// The IA-IPR's opinion on each admissible application: routing to the inspector of the discipline, requests
// (a workbook and a mail draft per inspector), answers, tracking and the locked record with its history.
import type { IsoDate, IsoInstant } from './entities.js';
import type { VerdictStatus } from './admissibility.js';

export const IPR_AVIS = ['tres_favorable', 'favorable', 'reserve', 'defavorable'] as const;
export type IprAvis = (typeof IPR_AVIS)[number];
/** As written in the workbook's drop-down and everywhere on screen. */
export const IPR_AVIS_LABELS: Record<IprAvis, string> = {
  tres_favorable: 'Très favorable',
  favorable: 'Favorable',
  reserve: 'Réservé',
  defavorable: 'Défavorable',
};

/** How a file found its inspector. */
export type RoutingState =
  /** The only inspector of its discipline. */
  | 'auto'
  /** Chosen by the secretariat (several inspectors for the discipline, or another one on purpose). */
  | 'choisi'
  /** Several inspectors cover the discipline: the secretariat must pick one. */
  | 'a_choisir'
  /** No inspector for the discipline (or no discipline). */
  | 'sans_inspecteur';

export const ROUTING_STATE_LABELS: Record<RoutingState, string> = {
  auto: 'Inspecteur de la discipline',
  choisi: 'Choisi par le secrétariat',
  a_choisir: 'À choisir (plusieurs inspecteurs)',
  sans_inspecteur: 'Aucun inspecteur pour la discipline',
};

export interface IprOpinion {
  avis: IprAvis;
  motivation: string;
  /** The inspector who gave it (name as at the time). */
  inspectorName: string;
  inspectorId: number | null;
  /** When it was given (the workbook's import day, or the day typed in). */
  givenOn: IsoDate;
  source: 'classeur' | 'saisie';
  recordedBy: string;
  recordedAt: IsoInstant;
}

/** One change of a recorded opinion: who, when, why, before and after. */
export interface IprOpinionChange {
  at: IsoInstant;
  by: string;
  reason: string;
  before: IprOpinion | null;
  after: IprOpinion | null;
}

export interface OpinionRequestInfo {
  id: number;
  inspectorId: number;
  requestedAt: IsoInstant;
  dueOn: IsoDate;
  /** A reminder (relance) of an earlier request. */
  reminder: boolean;
}

/** A line of the opinions screen: one admissible file (or one already requested or answered). */
export interface OpinionLine {
  candidateId: number;
  nom: string;
  prenom: string;
  discipline: string | null;
  verdict: VerdictStatus;
  routing: RoutingState;
  inspectorId: number | null;
  /** For « à choisir »: the inspectors covering the discipline. */
  choices: number[];
  /** The latest request that included this file. */
  request: OpinionRequestInfo | null;
  opinion: IprOpinion | null;
  /** Requested, due date passed (Paris day), no opinion yet. */
  overdue: boolean;
}

export interface InspectorProgress {
  inspectorId: number;
  name: string;
  email: string;
  disciplines: string[];
  /** Files routed to this inspector. */
  assigned: number;
  requested: number;
  received: number;
  overdue: number;
  /** Routed, no opinion, not in any request yet. */
  toRequest: number;
  lastRequest: OpinionRequestInfo | null;
}

export interface OpinionsOverview {
  callId: number;
  lines: OpinionLine[];
  inspectors: InspectorProgress[];
  totals: { admissible: number; routed: number; requested: number; received: number; overdue: number; unrouted: number; toChoose: number };
}

/** What preparing a request (or a reminder) gives: the workbook and the mail draft, both to save. */
export interface OpinionRequestFiles {
  request: OpinionRequestInfo;
  candidateCount: number;
  workbook: { fileName: string; mimeType: string; contentBase64: string };
  /** An .eml draft (X-Unsent) with the workbook attached: opened by Outlook or Thunderbird ready to send. */
  mail: { fileName: string; mimeType: string; contentBase64: string };
}

export type OpinionRowStatus = 'accepted' | 'unchanged' | 'empty' | 'refused';

export interface OpinionImportRow {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  id: string;
  candidateName: string;
  status: OpinionRowStatus;
  avis: IprAvis | null;
  /** French: why refused, or what is noted. */
  message: string;
}

export interface OpinionImportReport {
  fileName: string;
  inspectorName: string;
  rows: OpinionImportRow[];
  counts: Record<OpinionRowStatus, number>;
  /** True once written (commit asked and at least one row accepted). */
  committed: boolean;
}

/** The opinion part of a candidate's file. */
export interface CandidateOpinion {
  candidateId: number;
  routing: RoutingState;
  inspectorId: number | null;
  inspectorName: string;
  choices: { id: number; name: string }[];
  request: OpinionRequestInfo | null;
  opinion: IprOpinion | null;
  history: IprOpinionChange[];
}

export const OPINION_LIMITS = { motivation: 5000, minReason: 10, reason: 2000 } as const;
