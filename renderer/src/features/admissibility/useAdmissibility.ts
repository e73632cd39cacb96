import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationAdmissibility } from '../../../../shared/model/admissibility.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from './format.js';

/**
 * The « Recevabilité » of one stored file: loaded by `admissibility-get`, reloaded after each save and when
 * another window (or this one) announces a change to the candidates or the rules of the call.
 */
export function useAdmissibility(callId: number, candidateId: number | null) {
  const api = useApp((s) => s.api);
  const [data, setData] = useState<ApplicationAdmissibility | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Only the latest answer counts: a slow reload never overwrites a newer one.
  const latest = useRef(0);

  const reload = useCallback((): Promise<void> => {
    if (candidateId === null) return Promise.resolve();
    const request = ++latest.current;
    return api.invoke('admissibility-get', { candidateId }).then(
      (loaded) => {
        if (request !== latest.current) return;
        setData(loaded);
        setLoadError(null);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoadError(failureMessage(error, 'Erreur inattendue : la recevabilité n’a pas pu être lue.'));
      },
    );
  }, [api, candidateId]);

  /** A save answered with the new state: shown at once, and older reloads in flight are ignored. */
  const accept = useCallback((next: ApplicationAdmissibility) => {
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
        if (message.event !== 'changed') return;
        const { entity, callId: changedCall } = message.payload;
        if ((entity === 'candidates' || entity === 'calls') && (changedCall === null || changedCall === callId)) void reload();
      }),
    [api, callId, reload],
  );

  // A file's data only: never the previous file's while the next one loads.
  return { data: data && data.candidateId === candidateId ? data : null, loadError, reload, accept };
}

export type AdmissibilityState = ReturnType<typeof useAdmissibility>;
