// The worker thread that parses an untrusted spreadsheet, started by readWorkbook with memory limits and a
// time limit: whatever a hostile file does to exceljs, only this thread dies. It receives the bytes
// (transferred), posts progress, then one result or one error, and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors.js';
import type { WorkbookData } from '../../../shared/domain/intake/types.js';
import { readErrors } from './messages.js';
import { parseSpreadsheet, type SpreadsheetKind } from './parse-workbook.js';

export interface ReadWorkerRequest {
  kind: SpreadsheetKind;
  fileName: string;
  bytes: ArrayBuffer;
}

export type ReadWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; data: WorkbookData }
  | { type: 'error'; code: AppError['code']; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const request = workerData as ReadWorkerRequest;
  const post = (message: ReadWorkerMessage) => port.postMessage(message);
  try {
    const data = await parseSpreadsheet(request.kind, new Uint8Array(request.bytes), request.fileName, (fraction) => post({ type: 'progress', fraction }));
    post({ type: 'done', data });
  } catch (error) {
    if (error instanceof AppError) {
      post({ type: 'error', code: error.code, message: error.message });
    } else {
      console.error(`[excel] lecture de « ${request.fileName} » :`, error);
      const internal = readErrors.internal(request.fileName);
      post({ type: 'error', code: internal.code, message: internal.message });
    }
  }
}

void main();
