import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type Envelope } from '../../shared/contract/errors.js';
import type { PushMessage } from '../../shared/contract/events.js';
import type { CallContext } from '../../shared/contract/index.js';
import { isMethodName, methods, type MethodName } from '../../shared/contract/methods.js';
import { parseArgs } from '../../shared/contract/validate.js';
import { appendJournal } from './db/journal-repo.js';
import { openDatabase, type Db } from './db/open.js';
import { callHandlers } from './handlers/calls.js';
import { candidateHandlers } from './handlers/candidates.js';
import { peopleHandlers } from './handlers/people.js';
import { systemHandlers } from './handlers/system.js';
import { exportHandlers } from './handlers/exports.js';
import { intakeHandlers } from './handlers/intake.js';
import { ReadWorkerHost } from './excel/read-workbook.js';
import type { Change, HandlerContext, Handlers, SimpleHandler, TwoPhaseHandler } from './handlers/types.js';
import { admissibilityHandlers } from './handlers/admissibility.js';
import { clearOpenedCopies, documentHandlers } from './handlers/documents.js';
import { mailHandlers } from './handlers/mail.js';
import { opinionHandlers } from './handlers/opinions.js';
import { scoringHandlers } from './handlers/scoring.js';
import { plannerHandlers } from './handlers/planner.js';
import { createAttachmentStore, sha256Of, type AttachmentStore } from './mail/attachment-store.js';
import { isHashReferenced } from './db/admissibility-repo.js';
import { jsonFilePreferences, type PreferencesStore } from './preferences.js';
import { APP_VERSION } from './version.js';


export interface ServicesOptions {
  dataDir: string;
  now?: () => Date;
  preferences?: PreferencesStore;
  mode?: 'desktop' | 'browser';
  /** better_sqlite3.node built for Electron, when running inside Electron. */
  nativeBinding?: string;
  /** Opens a file with the system's default application: given by the desktop shell only. */
  openPath?: (path: string) => Promise<void>;
  /** The planner's worker module (tests pass a transpiled one; null runs in-thread); the built one by default. */
  plannerWorkerUrl?: URL | null;
}

export type Dispatch = (method: string, args: unknown, context: CallContext) => Promise<Envelope<unknown>>;

export interface Services {
  dispatch: Dispatch;
  subscribe(listener: (message: PushMessage) => void): () => void;
  close(): void;
  /** For tests and the benchmark only: the open database. */
  readonly db: Db;
}

export const DATABASE_FILE = 'commission.sqlite';

export function createServices(options: ServicesOptions): Services {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), { nativeBinding: options.nativeBinding });
  const now = options.now ?? (() => new Date());
  const preferences = options.preferences ?? jsonFilePreferences(options.dataDir);
  const listeners = new Set<(message: PushMessage) => void>();
  let closed = false;
  let revision = 0;
  // One warm spreadsheet reader for this instance, stopped with it.
  const reader = new ReadWorkerHost();
  // Interview planner computations in progress (each in its own worker), stopped with the services.
  const plannerRuns = new Map<string, AbortController>();
  const documents = createAttachmentStore(options.dataDir);
  // Documents a running method has written (or found already there) but not yet referenced in the database:
  // a deletion committed meanwhile must not erase them from under it.
  const pinned = new Map<string, number>();
  const isPinned = (sha256: string) => (pinned.get(sha256) ?? 0) > 0;
  // Copies made to open a document with another application: personal data, removed at start and at close.
  clearOpenedCopies(options.dataDir);
  // `satisfies` makes a method missing from the contract (or an extra one) a type error.
  const handlers = {
    ...systemHandlers,
    ...callHandlers,
    ...candidateHandlers,
    ...peopleHandlers,
    ...intakeHandlers(reader),
    ...exportHandlers,
    ...admissibilityHandlers,
    ...documentHandlers,
    ...mailHandlers,
    ...opinionHandlers(reader),
    ...scoringHandlers(reader),
    ...plannerHandlers(reader, plannerRuns, options.plannerWorkerUrl),
  } satisfies Handlers;

  async function run(name: MethodName, rawArgs: unknown, context: CallContext): Promise<unknown> {
    const args = parseArgs(name, rawArgs);
    const changes: Change[] = [];
    const afterCommit: (() => void)[] = [];
    const pinnedHere: string[] = [];
    const createdHere: string[] = [];
    const runDocuments: AttachmentStore = {
      ...documents,
      async put(content, meta) {
        const sha256 = sha256Of(content);
        pinned.set(sha256, (pinned.get(sha256) ?? 0) + 1);
        pinnedHere.push(sha256);
        const stored = await documents.put(content, meta);
        if (stored.created) createdHere.push(sha256);
        return stored;
      },
    };
    let erase = false;
    const ctx: HandlerContext = {
      db,
      actor: context.actor,
      now,
      preferences,
      dataDir: options.dataDir,
      mode: options.mode ?? 'browser',
      appVersion: APP_VERSION,
      record: (change) => changes.push(change),
      push: (message) => emit(message),
      // data_version moves when another connection commits; our own counter covers this one.
      revision: () => `${revision}:${db.pragma('data_version', { simple: true }) as number}`,
      eraseAfterCommit: () => {
        erase = true;
      },
      afterCommit: (task) => afterCommit.push(task),
      documents: runDocuments,
      isPinned,
      openPath: options.openPath ?? null,
    };
    const handler = handlers[name] as SimpleHandler<MethodName> | TwoPhaseHandler<MethodName, unknown>;
    let result: unknown;
    let failed = true;
    try {
      const prepared = typeof handler === 'function' ? undefined : await handler.prepare(args as never, ctx);
      const invoke = (): unknown => (typeof handler === 'function' ? handler(args as never, ctx) : handler.apply(args as never, prepared, ctx));
      if (methods[name].mutates) {
        // The change and its journal lines are written together or not at all.
        db.transaction(() => {
          result = invoke();
          if (result instanceof Promise) throw new AppError('internal', `La méthode ${name} ne peut pas être asynchrone.`);
          const at = now().toISOString();
          revision++;
          for (const c of changes) {
            appendJournal(db, { at, actor: context.actor, method: name, entity: c.entity, entityId: c.entityId, callId: c.callId });
          }
        })();
      } else {
        result = await invoke();
      }
      failed = false;
    } finally {
      for (const sha256 of pinnedHere) {
        const count = (pinned.get(sha256) ?? 1) - 1;
        if (count > 0) pinned.set(sha256, count);
        else pinned.delete(sha256);
      }
      // Documents written for a change that was not committed: personal files nothing refers to.
      if (failed && createdHere.length > 0 && !closed) eraseOrphans(createdHere);
    }
    for (const task of afterCommit) {
      try {
        task();
      } catch (error) {
        console.error(`[services] ${name} : tâche après validation en échec :`, error);
      }
    }
    // Copy the deletion into the main file (where secure_delete zeroes the freed pages) and empty the WAL,
    // so that a deleted person's data is not left readable on disk while the app stays open.
    if (erase) db.pragma('wal_checkpoint(TRUNCATE)');
    // One announcement per kind of change and call: an import of 10,000 rows must not make every window reload 10,000 times.
    const announced = new Set<string>();
    for (const c of changes) {
      const key = `${c.entity}:${c.callId}`;
      if (announced.has(key)) continue;
      announced.add(key);
      emit({ event: 'changed', payload: { entity: c.entity, callId: c.callId } });
    }
    return result;
  }

  function eraseOrphans(hashes: readonly string[]): void {
    for (const sha256 of new Set(hashes)) {
      try {
        if (!isPinned(sha256) && !isHashReferenced(db, sha256)) documents.remove(sha256);
      } catch (error) {
        console.error('[services] pièce orpheline non effacée :', error);
      }
    }
  }

  function emit(message: PushMessage): void {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch {
        // A broken window must not break the others.
      }
    }
  }

  const dispatch: Dispatch = async (method, rawArgs, context) => {
    if (closed) return { ok: false, error: { code: 'internal', message: 'Le service est arrêté.' } };
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Méthode inconnue : « ${method} ».` } };
    }
    try {
      return { ok: true, result: await run(method, rawArgs, context) };
    } catch (error) {
      return { ok: false, error: toErrorData(error, method) };
    }
  };

  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      reader.close();
      for (const run of plannerRuns.values()) run.abort();
      db.close();
      clearOpenedCopies(options.dataDir);
    },
    db,
  };
}

function toErrorData(error: unknown, method: string) {
  if (error instanceof AppError) return error.toData();
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return {
      code: 'conflict' as const,
      message: 'Cette modification contredit des données déjà enregistrées ; rien n’a été modifié.',
    };
  }
  if (typeof code === 'string' && (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR'))) {
    return { code: 'internal' as const, message: 'Le disque est plein ou illisible ; rien n’a été modifié.' };
  }
  console.error(`[services] ${method} a échoué :`, error);
  return { code: 'internal' as const, message: 'Erreur interne : l’opération n’a pas été enregistrée. Le détail est dans le journal technique.' };
}
