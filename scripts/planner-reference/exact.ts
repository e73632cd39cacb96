// The exact reference, end to end: the planner's model of an input (or of a re-plan), written for HiGHS,
// solved in a worker under a time limit, and read back as slots that checkPlan can judge.
import type { PlannerInput, Slot } from '../../shared/domain/planner/model.js';
import { planModel, replanModel } from '../../shared/domain/planner/reference.js';
import { daysProgram, replanProgram, type DaysSolution, type Program, type ReplanSolution } from './highs-model.js';
import { solveWithHighs, type HighsRun } from './highs-solve.js';

export interface Exact<T> {
  /** The best solution HiGHS found; null when it found none (time limit) or the input cannot be planned. */
  solution: T | null;
  /** HiGHS's status ('Optimal', 'Time limit reached', 'Stopped' by the watchdog…). */
  status: string;
  /** Proved optimal. */
  optimal: boolean;
  timedOut: boolean;
  /** HiGHS's own time (parsing and solving), and the wall time with the worker and the model writing. */
  solveMs: number;
  wallMs: number;
  columns: number;
  rows: number;
}

async function solveProgram<T>(program: Program<T>, run: HighsRun): Promise<Exact<T>> {
  const started = performance.now();
  const first = await solveWithHighs(program.lp, run);
  let { values, solveMs } = first;
  const found = first.optimal || values.size > 0;
  if (found && !program.integral(values)) {
    // A fractional flow: the same choices, the flow declared integer (settled at the root).
    const second = await solveWithHighs(program.pinned(values).lp, run);
    if (!second.optimal) throw new Error(`HiGHS n’a pas arrondi le flot : ${second.status}.`);
    values = second.values;
    solveMs += second.solveMs;
  }
  return {
    solution: found ? program.decode(values) : null,
    status: first.status,
    optimal: first.optimal,
    timedOut: first.timedOut,
    solveMs,
    wallMs: performance.now() - started,
    columns: program.columns,
    rows: program.rows,
  };
}

/** HiGHS's plan of `input`: most candidates placed, then fewest days, on the planner's schedule. */
export async function exactPlan(input: PlannerInput, run: HighsRun): Promise<Exact<DaysSolution>> {
  const model = planModel(input);
  if (!model) throw new Error('Entrée invalide : le planificateur ne peut pas la traiter.');
  return solveProgram(daysProgram(model), run);
}

/** HiGHS's re-plan after a change: most candidates placed, then fewest previous slots given up. */
export async function exactReplan(previous: Slot[], input: PlannerInput, run: HighsRun): Promise<Exact<ReplanSolution>> {
  const model = replanModel(previous, input);
  if (!model) throw new Error('Entrée invalide : le planificateur ne peut pas la traiter.');
  return solveProgram(replanProgram(model, previous), run);
}
