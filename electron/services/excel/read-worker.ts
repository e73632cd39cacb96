// The worker thread that parses an untrusted spreadsheet, started by readWorkbook with memory limits and a
// time limit: whatever a hostile file does to exceljs, only this thread dies. For each request it receives
// the bytes (transferred), posts progress, then one result or one error.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors.js';
import type { WorkbookData } from '../../../shared/domain/intake/types.js';
import { readErrors } from './messages.js';
import { parseSpreadsheet, type SpreadsheetKind } from './parse-workbook.js';

export interface ReadWorkerRequest {
  id: number;
  kind: SpreadsheetKind;
  fileName: string;
  bytes: ArrayBuffer;
}

export type ReadWorkerMessage = { id: number } & (
  | { type: 'progress'; fraction: number }
  | { type: 'done'; data: WorkbookData }
  | { type: 'error'; code: AppError['code']; message: string }
);

// The worker stays up between files (its JIT stays warm: a cold start costs about half a second per file);
// the host sends one request at a time and kills the worker on a time-out, a cancel or an out-of-memory.
async function handle(port: NonNullable<typeof parentPort>, request: ReadWorkerRequest): Promise<void> {
  const post = (message: ReadWorkerMessage) => port.postMessage(message);
  const { id } = request;
  try {
    const data = await parseSpreadsheet(request.kind, new Uint8Array(request.bytes), request.fileName, (fraction) => post({ id, type: 'progress', fraction }));
    post({ id, type: 'done', data });
  } catch (error) {
    if (error instanceof AppError) {
      post({ id, type: 'error', code: error.code, message: error.message });
    } else {
      console.error(`[excel] lecture de « ${request.fileName} » :`, error);
      const internal = readErrors.internal(request.fileName);
      post({ id, type: 'error', code: internal.code, message: internal.message });
    }
  }
}

const port = parentPort;
if (port) port.on('message', (request: ReadWorkerRequest) => void handle(port, request));
