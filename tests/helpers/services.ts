import { expect, onTestFinished } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/contract/errors.js';
import type { PushMessage } from '../../shared/contract/events.js';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract/methods.js';
import type { Actor } from '../../shared/model/entities.js';
import { createServices, type Services } from '../../electron/services/index.js';
import { tempDir } from './temp.js';

/** The fixed clock of every test: 10 June 2026, 10:00 in Paris. */
export const NOW = new Date('2026-06-10T08:00:00Z');
export const TODAY = '2026-06-10';

export const ACTOR: Actor = { name: 'Claire Secrétariat', email: 'claire.secretariat@ac-test.example' };

export interface TestServices {
  services: Services;
  dataDir: string;
  /** Every push message received since creation, in order. */
  events: PushMessage[];
  /** Calls a method through dispatch; resolves with the result or rejects with the error envelope as an AppError. */
  call<K extends MethodName>(method: K, args: ArgsOf<K>, actor?: Actor | null): Promise<ResultOf<K>>;
  /** Raw dispatch, for malformed arguments and unknown methods. */
  dispatch: Services['dispatch'];
  close(): void;
}

export interface MakeServicesOptions {
  /** Reuse a directory (to reopen the same database); a fresh temp dir otherwise. */
  dataDir?: string;
  now?: () => Date;
  /** The actor passed with every call unless the call gives its own. */
  actor?: Actor | null;
  /** The planner's worker (see transpilePlanWorker); in-thread when absent. */
  plannerWorkerUrl?: URL;
}

/** Real services on a real SQLite file in a temp dir, closed (and the dir removed) when the test finishes. */
export function makeServices(options: MakeServicesOptions = {}): TestServices {
  const dataDir = options.dataDir ?? tempDir();
  const services = createServices({ dataDir, now: options.now ?? (() => new Date(NOW)), ...(options.plannerWorkerUrl ? { plannerWorkerUrl: options.plannerWorkerUrl } : {}) });
  onTestFinished(() => services.close());
  const events: PushMessage[] = [];
  services.subscribe((m) => events.push(m));
  const defaultActor = options.actor === undefined ? ACTOR : options.actor;
  return {
    services,
    dataDir,
    events,
    dispatch: services.dispatch,
    async call(method, args, actor) {
      const envelope = await services.dispatch(method, args, { actor: actor === undefined ? defaultActor : actor });
      if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.fieldErrors);
      return envelope.result as never;
    },
    close: () => services.close(),
  };
}

/** Awaits a rejection carrying an AppError with `code`, and returns it for further checks. */
export async function expectError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `une erreur « ${code} » était attendue`).toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
