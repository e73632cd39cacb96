import { parisDateOf } from '../../../shared/domain/dates.js';
import type { MethodName, ParsedArgsOf, ResultOf } from '../../../shared/contract/methods.js';
import type { ChangedEntity, PushMessage } from '../../../shared/contract/events.js';
import type { Actor } from '../../../shared/model/entities.js';
import type { Db } from '../db/open.js';
import type { PreferencesStore } from '../preferences.js';
import type { AttachmentStore } from '../mail/attachment-store.js';

/** A change a handler made, for the journal and for the windows to refresh. */
export interface Change {
  entity: ChangedEntity;
  entityId: number | null;
  callId: number | null;
}

export interface HandlerContext {
  db: Db;
  actor: Actor | null;
  /** The injected clock: tests fix it, the app passes the real one. */
  now(): Date;
  preferences: PreferencesStore;
  dataDir: string;
  mode: 'desktop' | 'browser';
  appVersion: string;
  record(change: Change): void;
  /**
   * Where the stored data stands: equal values mean nothing was committed in between, by this process or by
   * another one working on the same file (the desktop app and browser mode on one data folder).
   */
  revision(): string;
  /** Sends a push message now (progress of a long task); changes are announced by `record` after commit. */
  push(message: PushMessage): void;
  /** Personal data was deleted: once committed, it must also leave the WAL file (secure_delete covers the main file). */
  eraseAfterCommit(): void;
  /** Runs once the transaction is committed (erasing the files of deleted documents); never on a rollback. */
  afterCommit(task: () => void): void;
  /** The application documents, kept by content in the data folder. */
  documents: AttachmentStore;
  /** Whether a running method holds this document (written, not yet referenced): it must not be erased. */
  isPinned(sha256: string): boolean;
  /** Opens a file with the system's default application (desktop app only). */
  openPath: ((path: string) => Promise<void>) | null;
}

export type SimpleHandler<K extends MethodName> = (args: ParsedArgsOf<K>, ctx: HandlerContext) => ResultOf<K> | Promise<ResultOf<K>>;

/**
 * A mutating method that must first do slow or asynchronous work (reading a mail, writing its documents to
 * the disk) before its synchronous transaction: `prepare` runs outside the transaction and writes nothing
 * to the database; `apply` gets its result and runs inside it.
 */
export interface TwoPhaseHandler<K extends MethodName, P> {
  prepare(args: ParsedArgsOf<K>, ctx: HandlerContext): Promise<P>;
  apply(args: ParsedArgsOf<K>, prepared: P, ctx: HandlerContext): ResultOf<K>;
}

export type Handler<K extends MethodName> = SimpleHandler<K> | TwoPhaseHandler<K, unknown>;

/** Erases the type of what `prepare` hands to `apply`, so that handlers of different methods fit one map. */
export function twoPhase<K extends MethodName, P>(handler: TwoPhaseHandler<K, P>): TwoPhaseHandler<K, unknown> {
  return handler as unknown as TwoPhaseHandler<K, unknown>;
}
export type Handlers = { [K in MethodName]: Handler<K> };
export type HandlerSlice<K extends MethodName> = { [P in K]: Handler<P> };

/** Today's date in Paris: the date a French secretariat reads on its calendar. */
export function todayOf(ctx: HandlerContext): string {
  return parisDateOf(ctx.now());
}
