// The worker thread that runs the planner off the services' thread: a large call takes seconds, during which
// the windows must stay answered, show progress and be able to cancel (the host terminates this thread).
import { parentPort } from 'node:worker_threads';
import { computeProposal, type PlanRequest, type PlanWorkerMessage } from './compute.js';

const port = parentPort;
if (port) {
  port.on('message', (request: PlanRequest) => {
    let last = -1;
    try {
      const result = computeProposal(request, (fraction) => {
        // A message per percent at most: the channel is not flooded by a fast run.
        const percent = Math.floor(fraction * 100);
        if (percent > last) {
          last = percent;
          port.postMessage({ type: 'progress', fraction } satisfies PlanWorkerMessage);
        }
      });
      port.postMessage({ type: 'done', result } satisfies PlanWorkerMessage);
    } catch (error) {
      console.error('[planning] calcul interrompu :', error);
      port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies PlanWorkerMessage);
    }
  });
}
