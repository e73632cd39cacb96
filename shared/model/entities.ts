import type { AgentStatus, ApplicationStatus, MemberRole } from './referential.js';
import type { VerdictReason, VerdictStatus } from './admissibility.js';
import type { IprAvis } from './opinions.js';

/** ISO calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;
/** ISO instant '2026-05-15T21:30:00.000Z'. */
export type IsoInstant = string;

export interface Post {
  id: number;
  callId: number;
  label: string;
  /** Network, site or place of the post ("Réseau Les Écrins", "BEF Fameck – Rombas"). */
  site: string;
  places: number;
  position: number;
}

export interface Call {
  id: number;
  title: string;
  reference: string;
  academie: string;
  employer: string;
  location: string;
  category: string;
  description: string;
  /** Statuses of agent who may apply; empty means no restriction. */
  acceptedStatuses: AgentStatus[];
  /** Discipline codes accepted; empty means any. */
  acceptedDisciplines: string[];
  /** Last day (inclusive, Paris time) on which a file may arrive. */
  deadline: IsoDate | null;
  interviewStart: IsoDate | null;
  interviewEnd: IsoDate | null;
  interviewPlace: string;
  presidedBy: string;
  panelSize: number | null;
  contactEmail: string;
  /** The subject every application mail must carry, as published. */
  subjectPattern: string;
  archivedAt: IsoInstant | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  posts: Post[];
}

export interface CallSummary {
  id: number;
  title: string;
  reference: string;
  academie: string;
  deadline: IsoDate | null;
  archivedAt: IsoInstant | null;
  postCount: number;
  placeCount: number;
  candidateCount: number;
}

/** The candidate's file for one call: the "annexe 2" fields and the application itself. */
export interface CandidateFile {
  id: number;
  callId: number;
  nom: string;
  prenom: string;
  dateNaissance: IsoDate | null;
  discipline: string | null;
  adresse: string;
  telephone: string;
  statut: AgentStatus | null;
  corps: string;
  grade: string;
  echelon: number | null;
  etablissement: string;
  ville: string;
  email: string;
  experience: string;
  motivations: string;
  /** Wished posts, first wish first. */
  wishes: number[];
  receivedOn: IsoDate | null;
  status: ApplicationStatus;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface CandidateRow {
  id: number;
  nom: string;
  prenom: string;
  discipline: string | null;
  statut: AgentStatus | null;
  etablissement: string;
  ville: string;
  email: string;
  receivedOn: IsoDate | null;
  status: ApplicationStatus;
  firstWish: number | null;
  /** The verdict that counts (the secretariat's when it overrode the rules). */
  verdict: VerdictStatus;
  /** What the call's rules give. */
  computedVerdict: VerdictStatus;
  /** « Verdict forcé à … par … le … : « … ». », '' when the rules' verdict stands. */
  overrideNote: string;
  /** The rules' reasons: refused first, then missing, then warnings. */
  reasons: VerdictReason[];
  /** Documents in the file. */
  documentCount: number;
  /** The IA-IPR's opinion, once recorded. */
  iprAvis: IprAvis | null;
}

export interface Member {
  id: number;
  callId: number;
  name: string;
  role: MemberRole;
  email: string;
  /** The member's school, when known: a candidate of the same school is a likely conflict of interest. */
  etablissement: string;
}

export interface Inspector {
  id: number;
  callId: number;
  name: string;
  email: string;
  disciplines: string[];
}

/** Who is using this laptop; every change is recorded under this name. */
export interface Actor {
  name: string;
  email: string;
}

export interface Preferences {
  whoAmI: Actor | null;
  lastCallId: number | null;
}

export interface JournalEntry {
  id: number;
  at: IsoInstant;
  actorName: string;
  actorEmail: string;
  method: string;
  entity: string;
  entityId: number | null;
  callId: number | null;
}
