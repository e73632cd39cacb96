// What the interview planner (issue 7) stores and shows, per call. The planner's own input and output types
// live in shared/domain/planner/model.ts; these wrap them with what the screens and the documents need.
import type {
  Availability,
  Blackout,
  HalfDayRef,
  HolidayZone,
  IsoDate,
  Panel,
  Plan,
  PlanDiff,
  PlannerInput,
  Room,
  Slot,
  TimeRange,
  Unplaced,
  Violation,
  Weekday,
} from '../domain/planner/model.js';

/** Everything the secretariat sets for a call's interviews; defaults come from the call. */
export interface PlannerSettings {
  /** Window, inclusive. */
  from: IsoDate;
  to: IsoDate;
  workingDays: Weekday[];
  holidays: HolidayZone;
  /** Brevet, baccalauréat… */
  blackouts: Blackout[];
  morning: TimeRange | null;
  afternoon: TimeRange | null;
  /** Interview length, deliberation time after each, most interviews per room and per member in a day. */
  minutes: number;
  bufferMinutes: number;
  maxPerDay: number;
  rooms: Room[];
  quorum: number;
  presidentRequired: boolean;
  /** Per-post panels (post ids as strings); empty: one commission hears everyone. */
  panels: Panel[];
  /** Where the interviews take place, as the convocation says it (« Rectorat, place Lucien Paye, Aix »). */
  place: string;
  /** Seeds the planner's tie-breaks: the same settings and seed give the same plan. */
  seed: number;
}

/** A person's constraints as typed or imported. */
export interface PersonAvailability {
  availability: Availability;
  /** Candidates only: half-days they would rather have. */
  preferred: HalfDayRef[];
  /** Free text (« cours le mardi matin », « surveillance du bac »). */
  note: string;
}

export interface PlannerMemberRow {
  id: number;
  name: string;
  email: string;
  role: string;
  /** May chair (role président(e)). */
  president: boolean;
  /** Members of the secretariat do not sit on the jury. */
  sits: boolean;
  constraints: PersonAvailability;
}

export interface PlannerCandidateRow {
  id: number;
  /** « NOM Prénom ». */
  label: string;
  email: string;
  /** The post heard for (first wish), as a string id, and its label. */
  post: string;
  postLabel: string;
  /** Admissible (recevable, possibly forced) and not withdrawn: to be heard. */
  toHear: boolean;
  /** Why not, in French, when toHear is false (« Dossier irrecevable », « Candidature retirée »). */
  notHeardBecause: string | null;
  constraints: PersonAvailability;
}

/** A stored interview. */
export interface PlannedSlot extends Slot {
  locked: boolean;
  /** When the convocation was last prepared, and for which time and place (`date start room`). */
  convokedAt: string | null;
  convokedFor: string | null;
}

export interface PlannerView {
  callId: number;
  callTitle: string;
  settings: PlannerSettings;
  /** Never saved: the defaults drawn from the call. */
  settingsAreDefault: boolean;
  /** Increases with every change to the settings, constraints or slots; a proposal applies only to its revision. */
  revision: number;
  members: PlannerMemberRow[];
  candidates: PlannerCandidateRow[];
  slots: PlannedSlot[];
  /** Candidates to hear still without a slot, with the last run's reason when it had one. */
  unplaced: Unplaced[];
  /** The stored slots against today's constraints (an unavailability typed since, a withdrawal). */
  violations: Violation[];
  /** The planner's input built from all of the above (locked slots included): the screens check moves with it. */
  input: PlannerInput;
  /** Public holidays and blackouts within the window, for the calendar. */
  closedDays: { date: IsoDate; label: string }[];
  /** French warnings about the input (quorum out of reach, no room, a window already past…). */
  warnings: string[];
  /** Today in Paris: days up to it take no new interview. */
  today: IsoDate;
  /** Convocations sent for interviews that no longer exist: the candidate must be told. */
  toCallOff: { candidateId: number; label: string; announced: string; convokedAt: string }[];
  plannedAt: string | null;
}

/** What a run of the planner proposes; nothing is stored until it is applied. */
export interface PlannerProposal {
  runId: string;
  mode: 'plan' | 'replan';
  /** The revision it was computed from: applying it after another change is refused. */
  basedOnRevision: number;
  plan: Plan;
  /** Against the stored slots (empty diff when none were stored). */
  diff: PlanDiff;
  /** Candidates moved (or removed) who already had a convocation for their old slot. */
  reconvoke: number[];
  /** The independent checker's findings on the proposal: always empty unless the planner has a bug. */
  violations: Violation[];
  elapsedMs: number;
}

export interface AvailabilityImportRow {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  name: string;
  candidateId: number | null;
  status: 'new' | 'changed' | 'unchanged' | 'refused';
  unavailable: string;
  preferred: string;
  note: string;
  /** Refused: why, in French, naming the column. */
  problem: string | null;
}

export interface AvailabilityImportReport {
  fileName: string;
  sheet: string;
  rows: AvailabilityImportRow[];
  accepted: number;
  refused: number;
  committed: boolean;
}

export type { Plan, PlanDiff, PlannerInput, Slot, Unplaced, Violation };
