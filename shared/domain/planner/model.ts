// The interview planner's input and output (issue 7).
// Dates are ISO 'YYYY-MM-DD' and times 'HH:MM', both Paris wall-clock: the planner never handles instants,
// so daylight saving never matters here (the .ics export adds the Europe/Paris zone later).

export type IsoDate = string;
/** 'HH:MM', 24-hour, Paris local time. */
export type HhMm = string;
/** Morning or afternoon session of a day. */
export type HalfDay = 'am' | 'pm';
/** ISO weekday: 1 = lundi … 7 = dimanche. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A half-day of a given date; the whole day when `half` is absent. */
export interface HalfDayRef {
  date: IsoDate;
  half?: HalfDay;
}

/** A recurring half-day of the week (a teacher's classes); the whole day when `half` is absent. */
export interface WeeklyHalfDay {
  weekday: Weekday;
  half?: HalfDay;
}

/** Who can attend when. Everything empty means available on every half-day of the window. */
export interface Availability {
  /** When set, the only half-days the person can attend (a member who gave their dates). */
  only?: HalfDayRef[];
  /** Half-days the person cannot attend. */
  unavailable?: HalfDayRef[];
  /** Half-days of every week the person cannot attend. */
  weekly?: WeeklyHalfDay[];
}

export interface TimeRange {
  start: HhMm;
  end: HhMm;
}

/** Days taken by other duties (brevet, baccalauréat); only one half of each day when `half` is set. */
export interface Blackout {
  from: IsoDate;
  to: IsoDate;
  half?: HalfDay;
  label: string;
}

/** Which public holidays apply: Alsace-Moselle adds Good Friday and 26 December. */
export type HolidayZone = 'metropole' | 'alsace-moselle' | 'aucune';

export interface PlannerCalendar {
  /** First and last days of the window, inclusive. */
  from: IsoDate;
  to: IsoDate;
  workingDays: Weekday[];
  holidays: HolidayZone;
  blackouts: Blackout[];
}

/** The two sessions of a day; the lunch break is what lies between them. `null`: no session. */
export interface DailyHours {
  morning: TimeRange | null;
  afternoon: TimeRange | null;
}

export interface InterviewRules {
  /** Length of one interview. */
  minutes: number;
  /** Deliberation time after each interview, before the jury hears the next candidate. */
  bufferMinutes: number;
  /** Most interviews a room (one jury) holds in a day, and a member attends in a day. */
  maxPerDay: number;
}

export interface Room {
  id: string;
  label: string;
  unavailable?: HalfDayRef[];
}

export interface PlannerMember {
  id: number;
  /** Shown in messages: « M. Durand ». */
  name: string;
  /** May chair a jury. */
  president: boolean;
  availability?: Availability;
}

/** A jury dedicated to some posts (ASTERIE: director, steering-team representative, IA-DASEN). */
export interface Panel {
  id: string;
  label: string;
  posts: string[];
  memberIds: number[];
  /** Overrides the call's quorum for this panel. */
  quorum?: number;
}

export interface JuryRules {
  /** Fewest members present at an interview. */
  quorum: number;
  /** A member who may chair must attend every interview. */
  presidentRequired: boolean;
  /** Per-post panels; absent or empty: every member may hear every candidate. */
  panels?: Panel[];
}

export interface PlannerCandidate {
  id: number;
  /** Shown in messages, civility included: « Mme Martin ». */
  label: string;
  /** The post applied for; candidates of one post are heard together when possible. */
  post: string;
  availability?: Availability;
  /** Half-days the candidate would rather have (a soft goal). */
  preferred?: HalfDayRef[];
}

/** One interview: who, when, where, before whom. */
export interface Slot {
  candidateId: number;
  date: IsoDate;
  start: HhMm;
  end: HhMm;
  roomId: string;
  memberIds: number[];
}

export interface PlannerInput {
  calendar: PlannerCalendar;
  hours: DailyHours;
  interview: InterviewRules;
  jury: JuryRules;
  rooms: Room[];
  members: PlannerMember[];
  candidates: PlannerCandidate[];
  /** Slots the secretariat fixed: kept as they are. */
  locked: Slot[];
}

export interface PlanOptions {
  /** Seeds the tie-breaks: the same input and seed give a byte-identical plan. */
  seed?: number;
  /** How many seeded runs are tried, the best kept (default 3). */
  restarts?: number;
  /** Told how far the solver is, from 0 to 1 (the worker forwards it to the screen). */
  onProgress?: (fraction: number) => void;
}

/**
 * Why a candidate could not be placed, from the first resource missing; 'not-planned' (stored view only): no
 * run has tried to place the candidate yet.
 */
export const UNPLACED_CODES = ['invalid-input', 'no-panel', 'no-day', 'unavailable', 'no-quorum', 'no-president', 'no-room', 'too-long', 'full', 'not-planned'] as const;
export type UnplacedCode = (typeof UNPLACED_CODES)[number];

export interface Unplaced {
  candidateId: number;
  code: UnplacedCode;
  /** In French, for the secretariat: « Mme X n’est disponible aucun jour où le quorum est réuni. » */
  reason: string;
}

export interface PlanStats {
  candidates: number;
  placed: number;
  unplaced: number;
  /** Interview days used, and which. */
  days: number;
  dates: IsoDate[];
  /** Half-day sessions held (a room on a half-day). */
  sessions: number;
  /** No plan can use fewer days than this (placed interviews over the largest day capacities). */
  daysLowerBound: number;
  preferencesExpressed: number;
  preferencesHonoured: number;
  /** Σ over posts of (days on which the post is heard − 1): 0 when every post is heard on a single day. */
  postSplits: number;
}

export interface Plan {
  /** Sorted by date, start, room. */
  placed: Slot[];
  unplaced: Unplaced[];
  stats: PlanStats;
  /** Problems with the input or the locked slots, in French. */
  warnings: string[];
}

export type ViolationCode =
  | 'unknown-candidate'
  | 'candidate-twice'
  | 'bad-date'
  | 'bad-time'
  | 'outside-window'
  | 'non-working-day'
  | 'holiday'
  | 'blackout'
  | 'outside-hours'
  | 'lunch-break'
  | 'wrong-length'
  | 'unknown-room'
  | 'room-unavailable'
  | 'room-double-booked'
  | 'candidate-unavailable'
  | 'unknown-member'
  | 'member-unavailable'
  | 'member-double-booked'
  | 'member-not-in-panel'
  | 'no-panel'
  | 'quorum'
  | 'president'
  | 'room-max-per-day'
  | 'member-max-per-day'
  | 'locked-moved';

/** A hard constraint a plan breaks, explained in French. */
export interface Violation {
  code: ViolationCode;
  message: string;
  /** The candidates whose slots are involved (one, or two for a double booking). */
  candidateIds: number[];
  date?: IsoDate;
  memberId?: number;
  roomId?: string;
}

export interface MovedSlot {
  candidateId: number;
  from: Slot;
  to: Slot;
}

export interface PlanDiff {
  /** Same candidate, another date, time or room. */
  moved: MovedSlot[];
  /** Candidates placed now who had no slot. */
  added: Slot[];
  /** Slots dropped: the candidate withdrew or cannot be placed any more. */
  removed: { slot: Slot; reason: string }[];
  /** Same date, time and room, but other members (someone fell ill and the quorum still holds). */
  panelChanged: { candidateId: number; from: number[]; to: number[] }[];
  /** Slots kept exactly. */
  unchanged: number;
}

export interface Replan {
  plan: Plan;
  diff: PlanDiff;
}
