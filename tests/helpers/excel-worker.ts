// The read worker for tests: readWorkbook starts `read-worker.js`, which only exists once the project is built;
// tests pass the URL of a transpiled copy as `workerUrl` (see ts-worker.ts).
import { transpileWorker } from './ts-worker.js';

/** Transpiles the read worker's import graph; returns its URL and a cleanup function. */
export function transpileReadWorker(): { url: URL; dispose: () => void } {
  return transpileWorker('electron/services/excel/read-worker.ts', 'excel-worker-');
}
