// The planner's public entry points: plan from scratch, and re-plan after a change while keeping every
// slot that still holds (candidates are already convoked: stability matters more than elegance).

import { toMinutes } from './calendar.js';
import { candidateName, checkSlots, locateSlot, Occupancy, slotViolations } from './check.js';
import { buildContext, inputProblems, type Context, type InputProblems } from './context.js';
import type { Plan, PlanDiff, PlannerCandidate, PlannerInput, PlanOptions, Replan, Slot, Unplaced, ViolationCode } from './model.js';
import { solve } from './solve.js';

const DEFAULT_SEED = 1;
/**
 * Seeded runs tried, the best kept: a small call gets more (each run costs little, and the greedy choice of days
 * can miss the fewest on a tight instance), a large one at least three. Depends on the input only: deterministic.
 */
function defaultRestarts(candidates: number): number {
  return Math.max(3, Math.min(40, Math.round(1500 / Math.max(1, candidates))));
}
/** Re-plan tries at most this many « move one convoked candidate to make room » attempts. */
const BUMP_TRIALS = 60;

/** Code-unit order (never locale-dependent, so the plan is the same in Node and Electron). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bySlotOrder(a: Slot, b: Slot): number {
  return compare(a.date, b.date) || compare(a.start, b.start) || compare(a.roomId, b.roomId) || a.candidateId - b.candidateId;
}

export function uniqueCandidates(input: PlannerInput): PlannerCandidate[] {
  const seen = new Set<number>();
  return input.candidates.filter((c) => !seen.has(c.id) && seen.add(c.id));
}

/** The first locked slot of each candidate; later ones are reported. */
export function lockedSlots(ctx: Context, warnings: string[]): Slot[] {
  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const slot of ctx.input.locked) {
    if (seen.has(slot.candidateId)) {
      warnings.push(`${candidateName(ctx, slot.candidateId)} a plusieurs créneaux verrouillés : seul le premier compte.`);
      continue;
    }
    seen.add(slot.candidateId);
    out.push({ ...slot, memberIds: [...slot.memberIds] });
  }
  for (const v of checkSlots(ctx, out)) if (v.code !== 'locked-moved') warnings.push(`Créneau verrouillé : ${v.message}`);
  return out;
}

function invalidPlan(input: PlannerInput, problems: InputProblems): Plan {
  const reason = `Le planning ne peut pas être calculé : ${problems.errors[0]}`;
  const unplaced = uniqueCandidates(input).map((c): Unplaced => ({ candidateId: c.id, code: 'invalid-input', reason }));
  const placed = [...input.locked].sort(bySlotOrder);
  return { placed, unplaced, stats: stats(input, placed, unplaced, 0), warnings: [...problems.errors, ...problems.warnings] };
}

function stats(input: PlannerInput, placed: Slot[], unplaced: Unplaced[], daysLowerBound: number): Plan['stats'] {
  const ctx = buildContext(input);
  const dates = [...new Set(placed.map((s) => s.date))].sort();
  const sessions = new Set(placed.map((s) => {
    const where = locateSlot(ctx, toMinutes(s.start), toMinutes(s.end));
    return `${s.date}|${'half' in where ? where.half : s.start}|${s.roomId}`;
  }));
  const slotOf = new Map(placed.map((s) => [s.candidateId, s]));
  let expressed = 0;
  let honoured = 0;
  for (const [id, prefers] of ctx.preferred) {
    expressed++;
    const slot = slotOf.get(id);
    const where = slot && locateSlot(ctx, toMinutes(slot.start), toMinutes(slot.end));
    if (slot && where && 'half' in where && prefers(slot.date, where.half)) honoured++;
  }
  const postDates = new Map<string, Set<string>>();
  for (const slot of placed) {
    const post = ctx.candidates.get(slot.candidateId)?.post;
    if (post === undefined) continue;
    postDates.set(post, (postDates.get(post) ?? new Set()).add(slot.date));
  }
  return {
    candidates: ctx.candidates.size,
    placed: placed.length,
    unplaced: unplaced.length,
    days: dates.length,
    dates,
    sessions: sessions.size,
    daysLowerBound,
    preferencesExpressed: expressed,
    preferencesHonoured: honoured,
    postSplits: [...postDates.values()].reduce((n, d) => n + d.size - 1, 0),
  };
}

function assemble(input: PlannerInput, placed: Slot[], unplaced: Unplaced[], warnings: string[], daysLowerBound: number): Plan {
  const sorted = [...placed].sort(bySlotOrder);
  const order = new Map(input.candidates.map((c, i) => [c.id, i]));
  const unplacedSorted = [...unplaced].sort((a, b) => order.get(a.candidateId)! - order.get(b.candidateId)!);
  return { placed: sorted, unplaced: unplacedSorted, stats: stats(input, sorted, unplacedSorted, daysLowerBound), warnings };
}

/**
 * Plans every candidate of the input: locked slots kept, the rest placed on as few days as possible.
 * Deterministic: the same input and seed give a byte-identical plan.
 */
export function plan(input: PlannerInput, options: PlanOptions = {}): Plan {
  const problems = inputProblems(input);
  if (problems.errors.length) return invalidPlan(input, problems);
  const ctx = buildContext(input);
  const warnings = [...problems.warnings];
  const fixed = lockedSlots(ctx, warnings);
  const fixedIds = new Set(fixed.map((s) => s.candidateId));
  const toPlace = uniqueCandidates(input).filter((c) => !fixedIds.has(c.id));
  const result = solve(ctx, toPlace, fixed, options.seed ?? DEFAULT_SEED, options.restarts ?? defaultRestarts(toPlace.length), options.onProgress);
  return assemble(input, [...fixed, ...result.slots], result.unplaced, warnings, result.daysLowerBound);
}

const PANEL_CODES = new Set<ViolationCode>(['member-unavailable', 'unknown-member', 'member-not-in-panel', 'quorum', 'president']);

/**
 * A previous slot as it can stand now: unchanged, or with other members when only the panel is at fault
 * (members who fell ill dropped, free members of the pool called in, presidents first, none taken from
 * an interview already kept); null if it must move.
 */
function keepable(ctx: Context, slot: Slot, occupancy: Occupancy): Slot | null {
  const problems = slotViolations(ctx, slot);
  if (problems.length === 0) return slot;
  if (!problems.every((v) => PANEL_CODES.has(v.code))) return null;
  const where = locateSlot(ctx, toMinutes(slot.start), toMinutes(slot.end));
  const candidate = ctx.candidates.get(slot.candidateId);
  const pool = candidate && ctx.poolOfPost(candidate.post);
  if (!('half' in where) || !pool) return null;
  const fits = (id: number): boolean => ctx.members.has(id) && pool.memberIds.includes(id) && ctx.memberFree.get(id)!(slot.date, where.half);
  const memberIds = [...new Set(slot.memberIds)].filter(fits);
  const spare = pool.memberIds.filter((id) => fits(id) && !memberIds.includes(id));
  spare.sort((a, b) => Number(ctx.members.get(b)!.president) - Number(ctx.members.get(a)!.president) || a - b);
  let trial: Slot = { ...slot, memberIds: [...memberIds].sort((a, b) => a - b) };
  for (const id of spare) {
    if (slotViolations(ctx, trial).length === 0) break;
    const busy = occupancy.conflicts({ ...slot, memberIds: [id] }).some((v) => v.memberId === id);
    if (!busy) trial = { ...trial, memberIds: [...trial.memberIds, id].sort((a, b) => a - b) };
  }
  return slotViolations(ctx, trial).length === 0 ? trial : null;
}

/**
 * Previous slots that still hold, none clashing with the locks or with each other. Slots valid as they
 * are come first: a slot mended with another member never pushes out one that needed no change.
 */
export function keptSlots(ctx: Context, previous: Slot[], locks: Slot[]): Slot[] {
  const lockedIds = new Set(locks.map((s) => s.candidateId));
  const occupancy = new Occupancy(ctx);
  for (const lock of locks) occupancy.add(lock);
  const seen = new Set<number>();
  const candidates = [...previous].sort(bySlotOrder).filter((slot) => {
    if (!ctx.candidates.has(slot.candidateId) || lockedIds.has(slot.candidateId) || seen.has(slot.candidateId)) return false;
    seen.add(slot.candidateId);
    return true;
  });
  const valid = candidates.filter((slot) => slotViolations(ctx, slot).length === 0);
  const mendable = candidates.filter((slot) => !valid.includes(slot));
  const kept: Slot[] = [];
  for (const slot of [...valid, ...mendable]) {
    const now = keepable(ctx, slot, occupancy);
    if (!now || occupancy.conflicts(now).length > 0) continue;
    occupancy.add(now);
    kept.push(now);
  }
  return kept;
}

interface Placement {
  kept: Slot[];
  added: Slot[];
  unplaced: Unplaced[];
}

/**
 * For a candidate still unplaced: takes the exact slot of a kept candidate, who is placed elsewhere.
 * One extra move per candidate placed, never a chain.
 */
function bumpIn(ctx: Context, locks: Slot[], state: Placement, seed: number): Placement {
  let trials = 0;
  let { kept, added } = state;
  const unplaced: Unplaced[] = [];
  for (const missing of state.unplaced) {
    let placed = false;
    for (const slot of kept) {
      if (placed || trials >= BUMP_TRIALS) break;
      const taken: Slot = { ...slot, candidateId: missing.candidateId };
      if (slotViolations(ctx, taken).length > 0) continue;
      trials++;
      const others = [...locks, ...kept.filter((s) => s !== slot), ...added, taken];
      const moved = solve(ctx, [ctx.candidates.get(slot.candidateId)!], others, seed, 1);
      if (moved.slots.length !== 1) continue;
      kept = kept.filter((s) => s !== slot);
      added = [...added, taken, moved.slots[0]!];
      placed = true;
    }
    if (!placed) unplaced.push(missing);
  }
  return { kept, added, unplaced };
}

function sameTimeAndPlace(a: Slot, b: Slot): boolean {
  return a.date === b.date && a.start === b.start && a.end === b.end && a.roomId === b.roomId;
}

function sameMembers(a: Slot, b: Slot): boolean {
  const key = (s: Slot): string => [...new Set(s.memberIds)].sort((x, y) => x - y).join(',');
  return key(a) === key(b);
}

/** What changes from the stored slots to a new plan (a fresh plan as much as a re-plan). */
export function diffPlan(input: PlannerInput, previous: Slot[], now: Plan): PlanDiff {
  return diffPlans(buildContext(input), previous, now);
}

function diffPlans(ctx: Context, previous: Slot[], now: Plan): PlanDiff {
  const before = new Map<number, Slot>();
  for (const slot of previous) if (!before.has(slot.candidateId)) before.set(slot.candidateId, slot);
  const after = new Map(now.placed.map((s) => [s.candidateId, s]));
  const why = new Map(now.unplaced.map((u) => [u.candidateId, u.reason]));
  const diff: PlanDiff = { moved: [], added: [], removed: [], panelChanged: [], unchanged: 0 };
  for (const [id, from] of before) {
    const to = after.get(id);
    if (!to) {
      const reason = ctx.candidates.has(id) ? (why.get(id) ?? 'Créneau supprimé.') : 'Ne figure plus parmi les candidats à entendre.';
      diff.removed.push({ slot: from, reason });
    } else if (!sameTimeAndPlace(from, to)) diff.moved.push({ candidateId: id, from, to });
    else if (!sameMembers(from, to)) diff.panelChanged.push({ candidateId: id, from: from.memberIds, to: to.memberIds });
    else diff.unchanged++;
  }
  for (const slot of now.placed) if (!before.has(slot.candidateId)) diff.added.push(slot);
  return diff;
}

/**
 * Re-plans after a change (a withdrawal, a new unavailability, a lost room): every previous slot that
 * still holds stays exactly where it was; only the others are placed again, then, if some candidate
 * still finds no room, one kept candidate at a time may be moved to free an exact slot for them.
 */
export function replan(previous: { placed: Slot[] }, input: PlannerInput, options: PlanOptions = {}): Replan {
  const problems = inputProblems(input);
  if (problems.errors.length) {
    const failed = invalidPlan(input, problems);
    return { plan: failed, diff: diffPlans(buildContext(input), previous.placed, failed) };
  }
  const ctx = buildContext(input);
  const seed = options.seed ?? DEFAULT_SEED;
  const warnings = [...problems.warnings];
  const locks = lockedSlots(ctx, warnings);
  const kept = keptSlots(ctx, previous.placed, locks);
  const fixedIds = new Set([...locks, ...kept].map((s) => s.candidateId));
  const toPlace = uniqueCandidates(input).filter((c) => !fixedIds.has(c.id));
  const result = solve(ctx, toPlace, [...locks, ...kept], seed, options.restarts ?? defaultRestarts(toPlace.length), options.onProgress);
  let state: Placement = { kept, added: result.slots, unplaced: result.unplaced };
  if (state.unplaced.length > 0 && kept.length > 0) state = bumpIn(ctx, locks, state, seed);
  const next = assemble(input, [...locks, ...state.kept, ...state.added], state.unplaced, warnings, result.daysLowerBound);
  return { plan: next, diff: diffPlans(ctx, previous.placed, next) };
}
