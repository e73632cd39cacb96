// Runs one HiGHS solve off the main thread (see highs-solve.ts): a solve is synchronous and blocks its
// thread, so only a worker can be stopped when HiGHS overruns its own time limit (e.g. while parsing).
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import highsModule from 'highs';

// `highs` is a CommonJS package whose ESM build default-exports the loader; its types describe the CommonJS
// side, where the loader is `.default`, so TypeScript sees one level too many.
const loadHighs = highsModule as unknown as typeof highsModule.default;

export interface HighsRequest {
  lp: string;
  options: Record<string, string | number | boolean>;
}

export type HighsReply =
  | { ok: true; status: string; objective: number; values: [string, number][]; loadMs: number; solveMs: number }
  | { ok: false; error: string };

async function run(request: HighsRequest): Promise<HighsReply> {
  const loaded = performance.now();
  const highs = await loadHighs();
  const started = performance.now();
  const result = highs.solve(request.lp, request.options);
  const solveMs = performance.now() - started;
  // Only the non-zero columns travel back: most of the x[c,s] are 0.
  const values: [string, number][] = [];
  for (const [name, column] of Object.entries(result.Columns)) {
    const primal = (column as { Primal?: number }).Primal;
    if (primal !== undefined && Math.abs(primal) > 1e-9) values.push([name, primal]);
  }
  return { ok: true, status: result.Status, objective: result.ObjectiveValue, values, loadMs: started - loaded, solveMs };
}

run(workerData as HighsRequest).then(
  (reply) => parentPort!.postMessage(reply),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies HighsReply),
);
