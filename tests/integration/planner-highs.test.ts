// The planner against an exact reference: HiGHS (WebAssembly MIP solver) on the planner's own schedule.
// plan() must use HiGHS's optimal number of days, replan() move at most one candidate more than HiGHS's
// minimum, and every plan — HiGHS's too, which validates the model — must pass the independent checker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../shared/domain/planner/check.js';
import type { PlannerInput } from '../../shared/domain/planner/model.js';
import { plan, replan } from '../../shared/domain/planner/plan.js';
import { planModel } from '../../shared/domain/planner/reference.js';
import { movedCount } from '../../scripts/planner-reference/bench-planner.js';
import { exactPlan, exactReplan, type Exact } from '../../scripts/planner-reference/exact.js';
import { daysProgram, type DaysSolution } from '../../scripts/planner-reference/highs-model.js';
import { solveWithHighs, type HighsRun } from '../../scripts/planner-reference/highs-solve.js';
import { campaignInput, disruptions, scarceInput } from '../../scripts/planner-reference/instances.js';
import { transpileWorker } from '../helpers/ts-worker.js';

let worker: { url: URL; dispose: () => void };
let run: HighsRun;

beforeAll(() => {
  worker = transpileWorker('scripts/planner-reference/highs-worker.ts', 'highs-worker-');
  run = { timeLimitSeconds: 60, workerUrl: worker.url };
});
afterAll(() => worker.dispose());

const LONG = 90_000;

async function expectOptimalDays(input: PlannerInput): Promise<void> {
  const planned = plan(input);
  expect(checkPlan(input, planned)).toEqual([]);
  const exact = await exactPlan(input, run);
  expect(exact.status).toBe('Optimal');
  expect(checkPlan(input, { placed: exact.solution!.slots })).toEqual([]);
  expect(planned.stats.placed).toBe(exact.solution!.placed);
  expect(planned.stats.days).toBe(exact.solution!.days);
}

describe('plan() uses HiGHS’s optimal number of days', () => {
  it.each([
    [60, 1],
    [120, 3],
    [300, 7],
  ])('June campaign, %i candidates, seed %i', async (count, seed) => expectOptimalDays(campaignInput(count, seed)), LONG);

  it('a scarce campaign (candidates free on ~10 % of the days, 2 rooms), where capacity alone would allow fewer days', async () => {
    const input = scarceInput(50, 14);
    const planned = plan(input);
    expect(planned.stats.days).toBeGreaterThan(planned.stats.daysLowerBound);
    await expectOptimalDays(input);
  }, LONG);
});

// A planner gap this reference found, reported to the lead: with its 3 seeded restarts, the greedy choice of
// days uses 5 days (1, 2, 3, 8 and 23 June) where 4 suffice (1, 2, 3 and 15 June); seed 2, or 50 restarts,
// finds 4. Remove `.fails` once plan() reaches the optimum here.
describe('a scarce campaign where one greedy choice of days misses the optimum (50 candidates, seed 13)', () => {
  const input = scarceInput(50, 13);
  let exact: Promise<Exact<DaysSolution>>;
  beforeAll(() => {
    exact = exactPlan(input, run);
    // Awaited by the tests; this only keeps a rejection from being reported as unhandled meanwhile.
    exact.catch(() => undefined);
  });

  it('HiGHS proves 4 days, with a plan the checker accepts', async () => {
    const { status, solution } = await exact;
    expect(status).toBe('Optimal');
    expect(solution!.placed).toBe(50);
    expect(solution!.days).toBe(4);
    expect(checkPlan(input, { placed: solution!.slots })).toEqual([]);
  }, LONG);

  it('plan() uses that many days (a small call gets more seeded runs; three alone gave 5)', async () => {
    const { solution } = await exact;
    expect(plan(input).stats.days).toBe(solution!.days);
    expect(plan(input, { restarts: 3 }).stats.days).toBe(5);
  }, LONG);
});

describe.each([
  [120, 3],
  [300, 7],
])('replan() after a disruption, June campaign of %i candidates (seed %i)', (count, seed) => {
  const input = campaignInput(count, seed);
  const base = plan(input);

  it.each(disruptions(input, base).map((d) => [d.kind, d] as const))('%s: every candidate placed, at most one move more than HiGHS’s minimum', async (_, disruption) => {
    const { plan: next, diff } = replan(base, disruption.input);
    expect(checkPlan(disruption.input, next)).toEqual([]);
    const minimum = await exactReplan(base.placed, disruption.input, run);
    expect(minimum.status).toBe('Optimal');
    expect(checkPlan(disruption.input, { placed: minimum.solution!.slots })).toEqual([]);
    expect(next.stats.placed).toBe(minimum.solution!.placed);
    expect(movedCount(disruption.input, diff)).toBeLessThanOrEqual(minimum.solution!.moved + 1);
    if (disruption.kind === 'withdrawal') expect(minimum.solution!.moved).toBe(0);
    else expect(minimum.solution!.moved).toBeGreaterThan(0);
  }, LONG);
});

describe('replan() when a newcomer is free only on a full day', () => {
  it('HiGHS, like replan, gives them a convoked candidate’s exact slot and moves that one: one move', async () => {
    const input = campaignInput(120, 3);
    const base = plan(input);
    const day = base.stats.dates[0]!;
    expect(base.placed.filter((s) => s.date === day).length).toBe(30);
    const changed = structuredClone(input);
    changed.candidates.push({ id: 10_000, label: 'M. Nouveau', post: 'Coordonnateur', availability: { only: [{ date: day }] } });
    const { plan: next, diff } = replan(base, changed);
    expect(checkPlan(changed, next)).toEqual([]);
    const minimum = await exactReplan(base.placed, changed, run);
    expect(minimum.status).toBe('Optimal');
    expect(checkPlan(changed, { placed: minimum.solution!.slots })).toEqual([]);
    expect(minimum.solution!.placed).toBe(121);
    expect(minimum.solution!.moved).toBe(1);
    expect(next.stats.placed).toBe(121);
    expect(movedCount(changed, diff)).toBeLessThanOrEqual(2);
  }, LONG);
});

describe('time limits', () => {
  it('HiGHS stops at its own time limit and says so, with the best plan found so far if any', async () => {
    const program = daysProgram(planModel(campaignInput(300, 7))!);
    const outcome = await solveWithHighs(program.lp, { ...run, timeLimitSeconds: 0.2 });
    expect(outcome.status).toBe('Time limit reached');
    expect(outcome).toMatchObject({ optimal: false, timedOut: true });
    // Loading, parsing and the 0.2 s of search: nowhere near the minutes an unbounded search could take.
    expect(outcome.wallMs).toBeLessThan(15_000);
  }, LONG);

  it('the watchdog ends a worker that overruns the limit, and reports it instead of hanging', async () => {
    const program = daysProgram(planModel(campaignInput(300, 7))!);
    const started = performance.now();
    const outcome = await solveWithHighs(program.lp, { ...run, timeLimitSeconds: 0.001, graceMs: 0 });
    expect(outcome).toMatchObject({ status: 'Stopped', optimal: false, timedOut: true, objective: null });
    expect(outcome.values.size).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
