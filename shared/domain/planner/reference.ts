// The planner's own model, laid bare for an exact reference solver (HiGHS, in scripts/planner-reference):
// the same sessions, juries and capacities (buildSchedule) and the same sessions open to each candidate,
// read from the input exactly as plan() and replan() read it. Nothing here takes part in a plan.

import { buildContext, inputProblems, type Context } from './context.js';
import type { PlannerCandidate, PlannerInput, Slot } from './model.js';
import { keptSlots, lockedSlots, uniqueCandidates } from './plan.js';
import { buildSchedule, type Schedule } from './sessions.js';
import { feasibleSessions } from './solve.js';

export interface PlacementModel {
  ctx: Context;
  schedule: Schedule;
  /** Candidates left to place (locked and kept ones excluded), with the sessions open to each. */
  candidates: PlannerCandidate[];
  feasible: number[][];
  /** Slots the schedule is built around: the secretariat's locks, and (re-plan) the previous slots still valid. */
  locks: Slot[];
  kept: Slot[];
  /** For each kept slot, the sessions its candidate could take if it moved. */
  keptFeasible: number[][];
}

function model(input: PlannerInput, previous: Slot[] | null): PlacementModel | null {
  if (inputProblems(input).errors.length > 0) return null;
  const ctx = buildContext(input);
  const locks = lockedSlots(ctx, []);
  const kept = previous ? keptSlots(ctx, previous, locks) : [];
  const fixedIds = new Set([...locks, ...kept].map((s) => s.candidateId));
  const candidates = uniqueCandidates(input).filter((c) => !fixedIds.has(c.id));
  const schedule = buildSchedule(ctx, [...locks, ...kept]);
  const keptCandidates = kept.map((s) => ctx.candidates.get(s.candidateId)!);
  return {
    ctx,
    schedule,
    candidates,
    feasible: feasibleSessions(ctx, schedule, candidates),
    locks,
    kept,
    keptFeasible: feasibleSessions(ctx, schedule, keptCandidates),
  };
}

/** What plan(input) works on; null when the input cannot be planned at all. */
export function planModel(input: PlannerInput): PlacementModel | null {
  return model(input, null);
}

/** What replan(previous, input) works on: the schedule around every previous slot that still holds. */
export function replanModel(previous: Slot[], input: PlannerInput): PlacementModel | null {
  return model(input, previous);
}
