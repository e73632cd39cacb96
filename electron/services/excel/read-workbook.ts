// Reads a spreadsheet the secretariat chose (.xlsx or .csv) into plain rows, safely: size check, format
// sniffed from the bytes (never the extension), the zip's declared sizes checked, then parsing in a worker
// thread with memory and time limits (read-worker.ts), so that a hostile file can never take the app down.
//
// Where the worker is: `read-worker.js` next to this module, i.e. dist/electron/services/excel/ once built.
// When this module runs from its TypeScript sources (vitest) there is no .js next to it and Node 20 cannot
// start a worker on a .ts file: the parse then runs in the calling thread, with the same guard and limits
// but without the worker's memory cap. Tests that exercise the worker pass `workerUrl` (a transpiled copy,
// see tests/helpers/excel-worker.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors.js';
import type { WorkbookData } from '../../../shared/domain/intake/types.js';
import { MIB, readErrors } from './messages.js';
import { parseSpreadsheet, type SpreadsheetKind } from './parse-workbook.js';
import type { ReadWorkerMessage, ReadWorkerRequest } from './read-worker.js';
import { checkZipDirectory, type ZipEntry } from './zip-guard.js';

export { MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './parse-workbook.js';

/** Largest file accepted, checked before anything else. */
export const MAX_FILE_BYTES = 50 * MIB;
/** A worker still parsing after this long is stopped. */
export const READ_TIMEOUT_MS = 60_000;
/** The worker's V8 heap limits; beyond them the worker dies with ERR_WORKER_OUT_OF_MEMORY, not the app. */
export const READ_WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 } as const;

export interface ReadWorkbookOptions {
  /** Aborting stops the worker; readWorkbook then rejects with « Import annulé. » (code 'validation'). */
  signal?: AbortSignal;
  /** Called with 0..1 as the parse goes. */
  onProgress?: (fraction: number) => void;
  /** Parse in the calling thread (no worker, no memory cap): for tests and callers already in a worker. */
  inThread?: boolean;
  /** The worker module to start instead of read-worker.js next to this module (tests). */
  workerUrl?: URL;
  /** Default READ_TIMEOUT_MS. */
  timeoutMs?: number;
  /** A long-lived worker to reuse (the services keep one); without it a worker is started for this file only. */
  host?: ReadWorkerHost;
}

export type SniffedFormat = 'zip' | 'xls' | 'encrypted' | 'utf16' | 'markup' | 'binary' | 'text';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted OOXML file keeps in its OLE container, as its directory entry spells it. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** What the bytes are, whatever the file is called. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b) return 'zip';
  if (buf.length >= 8 && OLE_MAGIC.every((b, i) => buf[i] === b)) return buf.includes(ENCRYPTED_PACKAGE) ? 'encrypted' : 'xls';
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return 'utf16';
  const head = buf.subarray(0, 64 * 1024);
  if (head.includes(0)) return 'binary';
  const start = head.toString('latin1', 0, 2048).replace(/^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
  if (start.startsWith('%pdf') || start.startsWith('{\\rtf')) return 'binary';
  if (start.startsWith('<') && /<(\?xml|!doctype|html|table|workbook)/.test(start)) return 'markup';
  return 'text';
}

/** An .xlsx has xl/workbook.xml; other zips get the message that tells what to do. */
function checkWorkbookPackage(entries: ZipEntry[], fileName: string): void {
  const names = new Set(entries.map((e) => e.name.replace(/^\/+/, '')));
  if (names.has('xl/workbook.xml')) return;
  if (names.has('xl/workbook.bin')) throw readErrors.xlsb(fileName);
  if (names.has('mimetype') && names.has('content.xml')) throw readErrors.ods(fileName);
  throw readErrors.corrupt(fileName);
}

let bundledWorker: URL | null | undefined;

/** read-worker.js next to this module; null when running from the .ts sources (see the header). */
function bundledWorkerUrl(fileName: string): URL | null {
  if (bundledWorker !== undefined) return bundledWorker;
  const url = new URL('./read-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(url))) return (bundledWorker = url);
  if (import.meta.url.endsWith('.ts')) return (bundledWorker = null);
  console.error(`[excel] module de lecture introuvable : ${url.href}`);
  throw readErrors.internal(fileName);
}

/** Reads an .xlsx or .csv file. Throws AppError only (codes 'validation', 'too_large', 'internal'). */
export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions = {}): Promise<WorkbookData> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw readErrors.cancelled();
  if (bytes.byteLength === 0) throw readErrors.empty(fileName);
  if (bytes.byteLength > MAX_FILE_BYTES) throw readErrors.tooBig(fileName, bytes.byteLength, MAX_FILE_BYTES);

  let kind: SpreadsheetKind;
  switch (sniffFormat(bytes)) {
    case 'zip':
      checkWorkbookPackage(checkZipDirectory(bytes, fileName), fileName);
      kind = 'xlsx';
      break;
    case 'text':
      kind = 'csv';
      break;
    case 'xls':
      throw readErrors.xls(fileName);
    case 'encrypted':
      throw readErrors.encrypted(fileName);
    case 'utf16':
      throw readErrors.utf16(fileName);
    case 'markup':
      throw readErrors.markup(fileName);
    case 'binary':
      throw readErrors.notSpreadsheet(fileName);
  }
  onProgress?.(0.02);

  const workerUrl = options.inThread ? null : (options.workerUrl ?? bundledWorkerUrl(fileName));
  if (!workerUrl) {
    const data = await parseSpreadsheet(kind, bytes, fileName, onProgress);
    if (signal?.aborted) throw readErrors.cancelled();
    return data;
  }
  if (options.host) return options.host.read(workerUrl, kind, bytes, fileName, options);
  const host = new ReadWorkerHost();
  try {
    return await host.read(workerUrl, kind, bytes, fileName, options);
  } finally {
    host.close();
  }
}

/**
 * One warm worker, reused file after file and replaced when it had to be stopped. Services own one and
 * close it with the database; a one-off readWorkbook without a host gets a fresh worker it closes after.
 */
export class ReadWorkerHost {
  private worker: Worker | null = null;
  private workerUrl: URL | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  /** Runs one parse at a time: a second file waits for the first. */
  read(url: URL, kind: SpreadsheetKind, bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions): Promise<WorkbookData> {
    const job = this.queue.then(() => this.run(url, kind, bytes, fileName, options));
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private spawn(url: URL): Worker {
    if (this.worker && this.workerUrl?.href === url.href) return this.worker;
    this.close();
    const worker = new Worker(url, { resourceLimits: READ_WORKER_LIMITS });
    // Always listened to, even between files: an unheard 'error' would take the whole process down, and a
    // worker that died idle must not be handed the next file.
    const forget = () => {
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', (error) => {
      console.error('[excel] le lecteur de tableurs s’est arrêté :', error);
      forget();
    });
    worker.on('exit', forget);
    this.worker = worker;
    this.workerUrl = url;
    // Idle, the worker must not keep the process alive (the browser-mode server and tests exit cleanly).
    this.worker.unref();
    return this.worker;
  }

  private run(url: URL, kind: SpreadsheetKind, bytes: Uint8Array, fileName: string, options: ReadWorkbookOptions): Promise<WorkbookData> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(readErrors.cancelled());
    const worker = this.spawn(url);
    const id = this.nextId++;
    return new Promise<WorkbookData>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, stopWorker: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        if (stopWorker && this.worker === worker) this.close();
        outcome();
      };
      const timer = setTimeout(() => settle(() => reject(readErrors.tooComplex(fileName)), true), options.timeoutMs ?? READ_TIMEOUT_MS);
      const onAbort = () => settle(() => reject(readErrors.cancelled()), true);
      const onMessage = (message: ReadWorkerMessage) => {
        if (message.id !== id) return;
        if (message.type === 'progress') {
          if (!settled) onProgress?.(message.fraction);
        } else if (message.type === 'done') {
          settle(() => resolve(message.data), false);
        } else {
          settle(() => reject(new AppError(message.code, message.message)), false);
        }
      };
      const onError = (error: Error & { code?: string }) => {
        if (this.worker === worker) this.worker = null;
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          settle(() => reject(readErrors.tooComplex(fileName)), true);
        } else {
          console.error(`[excel] le lecteur de « ${fileName} » s’est arrêté :`, error);
          settle(() => reject(readErrors.internal(fileName)), true);
        }
      };
      // An exit without a result: the worker was killed (out of memory in native code, for instance).
      const onExit = () => {
        if (this.worker === worker) this.worker = null;
        settle(() => reject(readErrors.tooComplex(fileName)), true);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Busy, the worker keeps the process alive until it answers.
      worker.ref();
      // A copy the worker owns: the caller's buffer stays usable (and may be a slice of Node's shared pool).
      const copy = new Uint8Array(bytes);
      const request: ReadWorkerRequest = { id, kind, fileName, bytes: copy.buffer };
      worker.postMessage(request, [copy.buffer]);
    });
  }
}
