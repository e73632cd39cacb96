import { useCallback, useEffect, useRef, useState } from 'react';
import type { PushMessage } from '../../../shared/contract/events.js';
import { useApp } from '../store/context.js';
import { failureMessage } from './failure.js';

export interface LiveQueryOptions<T> {
  /** Reads the data; a new function (new arguments) reloads. Null: nothing to read (a file not saved yet). */
  load: (() => Promise<T>) | null;
  /** Which pushed changes make it stale. */
  stale: (change: Extract<PushMessage, { event: 'changed' }>['payload']) => boolean;
  /** Said when reading fails with something other than the services' French message. */
  failure: string;
}

/**
 * Data read from the services and kept fresh: loaded when `load` changes, reloaded when a window (this one or
 * another) announces a change it depends on. Only the latest answer counts: a slow reload never overwrites a
 * newer one, nor a save's answer given to `accept`.
 */
export function useLiveQuery<T>({ load, stale, failure }: LiveQueryOptions<T>) {
  const api = useApp((s) => s.api);
  const [data, setData] = useState<T | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef(0);
  // The latest predicate, without resubscribing to pushes at each render.
  const staleRef = useRef(stale);
  useEffect(() => {
    staleRef.current = stale;
  });

  const reload = useCallback((): Promise<void> => {
    if (!load) return Promise.resolve();
    const request = ++latest.current;
    return load().then(
      (loaded) => {
        if (request !== latest.current) return;
        setData(loaded);
        setLoadError(null);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoadError(failureMessage(error, failure));
      },
    );
  }, [load, failure]);

  /** A save answered with the new state: shown at once, older reloads in flight are ignored. */
  const accept = useCallback((next: T) => {
    latest.current++;
    setData(next);
    setLoadError(null);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      api.onPush((message) => {
        if (message.event === 'changed' && staleRef.current(message.payload)) void reload();
      }),
    [api, reload],
  );

  return { data, loadError, reload, accept };
}

/** A change to this call (or to every call). */
export function inCall(callId: number, change: { callId: number | null }): boolean {
  return change.callId === null || change.callId === callId;
}
