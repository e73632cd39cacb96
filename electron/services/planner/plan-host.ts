// Runs the planner in a fresh worker thread per run (cold start ~50 ms, nothing to reuse between runs), with
// progress, cancel (the thread is terminated: a synchronous solver cannot be interrupted otherwise) and a time
// limit. Without the built worker (tests on the .ts sources) it runs in-thread, uncancellable.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors.js';
import { computeProposal, type PlanRequest, type PlanResult, type PlanWorkerMessage } from './compute.js';

export const PLAN_TIME_LIMIT_MS = 120_000;
const PLAN_WORKER_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 } as const;

export const planErrors = {
  cancelled: () => new AppError('conflict', 'Calcul annulé : rien n’a été modifié.'),
  timeout: (seconds: number) =>
    new AppError('conflict', `Le calcul a dépassé ${seconds} s et a été arrêté : réduisez la période ou le nombre de candidats à placer, ou verrouillez une partie du planning. Rien n’a été modifié.`),
  crashed: () => new AppError('internal', 'Le calcul du planning s’est arrêté sur une erreur : le détail est dans le journal technique. Rien n’a été modifié.'),
};

export interface RunPlanOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  timeoutMs?: number;
  /** The worker module; null runs in-thread. Defaults to the built plan-worker.js beside this file. */
  workerUrl?: URL | null;
}

let bundled: URL | null | undefined;
function bundledWorkerUrl(): URL | null {
  if (bundled !== undefined) return bundled;
  const url = new URL('./plan-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(url))) return (bundled = url);
  if (import.meta.url.endsWith('.ts')) return (bundled = null);
  console.error(`[planning] module de calcul introuvable : ${url.href}`);
  throw planErrors.crashed();
}

export function runPlanner(request: PlanRequest, options: RunPlanOptions = {}): Promise<PlanResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(planErrors.cancelled());
  const url = options.workerUrl === undefined ? bundledWorkerUrl() : options.workerUrl;
  if (!url) {
    try {
      return Promise.resolve(computeProposal(request, onProgress));
    } catch (error) {
      console.error('[planning] calcul interrompu :', error);
      return Promise.reject(planErrors.crashed());
    }
  }
  const timeoutMs = options.timeoutMs ?? PLAN_TIME_LIMIT_MS;
  const worker = new Worker(url, { resourceLimits: PLAN_WORKER_LIMITS });
  return new Promise<PlanResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(planErrors.timeout(Math.round(timeoutMs / 1000)))), timeoutMs);
    const onAbort = () => settle(() => reject(planErrors.cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: PlanWorkerMessage) => {
      if (message.type === 'progress') {
        if (!settled) onProgress?.(message.fraction);
      } else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(planErrors.crashed()));
    });
    worker.on('error', (error) => {
      console.error('[planning] le calcul s’est arrêté :', error);
      settle(() => reject(planErrors.crashed()));
    });
    worker.on('exit', () => settle(() => reject(planErrors.crashed())));
    worker.postMessage(request);
  });
}
