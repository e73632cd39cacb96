// Runs HiGHS (npm `highs`, WebAssembly) on an LP text in a worker thread, under two limits: HiGHS's own
// `time_limit` (it stops and returns its best solution so far), and a watchdog that terminates the worker
// when HiGHS overruns it (parsing a big model is not covered by `time_limit`). Always resolves: a time-out
// is reported in the outcome, never left hanging.
//
// Under vitest the sources are .ts and Node 20 cannot start a worker on them, so tests transpile
// highs-worker.ts (tests/helpers/ts-worker.ts) and pass its URL: they run the same worker code as the bench
// rather than an in-thread shortcut, which could not test the watchdog.
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { HighsReply, HighsRequest } from './highs-worker.js';

export interface HighsRun {
  /** HiGHS's time limit, in seconds. */
  timeLimitSeconds: number;
  /** How long past the time limit the worker may run (loading, parsing, reading back) before it is stopped. Default 5 s. */
  graceMs?: number;
  /** The compiled worker; default: highs-worker.js beside this module (dist/scripts/planner-reference). */
  workerUrl?: URL;
  /** More HiGHS options (they override the defaults below). */
  options?: Record<string, string | number | boolean>;
}

export interface HighsOutcome {
  /** HiGHS's model status ('Optimal', 'Time limit reached'…), or 'Stopped' when the watchdog ended the worker. */
  status: string;
  optimal: boolean;
  /** Stopped by a limit: HiGHS's time limit, or the watchdog. */
  timedOut: boolean;
  objective: number | null;
  /** Non-zero columns of the best solution found (empty when there is none). */
  values: Map<string, number>;
  /** Time HiGHS spent parsing and solving, in the worker. */
  solveMs: number;
  /** Wall time including the worker's start and the WebAssembly load. */
  wallMs: number;
}

const DEFAULTS = {
  output_flag: false,
  // The objectives are integers mixing a big weight and small counts: only a zero gap proves the day count.
  mip_rel_gap: 0,
  mip_abs_gap: 0.5,
  random_seed: 1,
};

export function solveWithHighs(lp: string, run: HighsRun): Promise<HighsOutcome> {
  const started = performance.now();
  const request: HighsRequest = { lp, options: { ...DEFAULTS, time_limit: run.timeLimitSeconds, ...run.options } };
  const worker = new Worker(run.workerUrl ?? new URL('./highs-worker.js', import.meta.url), { workerData: request });
  return new Promise<HighsOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      void worker.terminate();
      action();
    };
    const watchdog = setTimeout(() => {
      finish(() => resolve({ status: 'Stopped', optimal: false, timedOut: true, objective: null, values: new Map(), solveMs: performance.now() - started, wallMs: performance.now() - started }));
    }, run.timeLimitSeconds * 1000 + (run.graceMs ?? 5000));
    worker.on('message', (reply: HighsReply) =>
      finish(() => {
        if (!reply.ok) return reject(new Error(`HiGHS : ${reply.error}`));
        const optimal = reply.status === 'Optimal';
        resolve({
          status: reply.status,
          optimal,
          timedOut: reply.status === 'Time limit reached',
          objective: optimal || reply.values.length > 0 ? reply.objective : null,
          values: new Map(reply.values),
          solveMs: reply.solveMs,
          wallMs: performance.now() - started,
        });
      }),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`Le calcul HiGHS s’est arrêté sans réponse (code ${code}).`))));
  });
}
