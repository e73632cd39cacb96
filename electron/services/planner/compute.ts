// One planner run, the same in the worker and in-thread (tests on the TypeScript sources): plan from scratch
// (locks kept) or re-plan keeping every slot that still holds, then the diff against the stored slots. The
// independent checker runs in the services, on the plan merged with the interviews already held.
import { diffPlan, plan, replan } from '../../../shared/domain/planner/index.js';
import type { Plan, PlanDiff, PlannerInput, Slot } from '../../../shared/domain/planner/model.js';

export interface PlanRequest {
  mode: 'plan' | 'replan';
  input: PlannerInput;
  previous: Slot[];
  seed: number;
}

export interface PlanResult {
  plan: Plan;
  diff: PlanDiff;
}

export type PlanWorkerMessage = { type: 'progress'; fraction: number } | { type: 'done'; result: PlanResult } | { type: 'error'; message: string };

export function computeProposal(request: PlanRequest, onProgress?: (fraction: number) => void): PlanResult {
  const options = { seed: request.seed, ...(onProgress ? { onProgress } : {}) };
  if (request.mode === 'replan') {
    const { plan: next, diff } = replan({ placed: request.previous }, request.input, options);
    onProgress?.(0.95);
    return { plan: next, diff };
  }
  const next = plan(request.input, options);
  onProgress?.(0.95);
  return { plan: next, diff: diffPlan(request.input, request.previous, next) };
}
