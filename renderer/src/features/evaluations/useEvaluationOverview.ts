import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvaluationOverview, Phase } from '../../../../shared/model/scoring.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';

/**
 * The commission view of a call and phase: loaded by `evaluation-overview`, reloaded after each action and when a
 * window announces a change to this call (scores, members, candidates, « who I am »…).
 */
export function useEvaluationOverview(callId: number, phase: Phase) {
  const api = useApp((s) => s.api);
  const [data, setData] = useState<EvaluationOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Only the latest answer counts: a slow reload (or the other phase) never overwrites a newer one.
  const latest = useRef(0);

  const reload = useCallback((): Promise<void> => {
    const request = ++latest.current;
    return api.invoke('evaluation-overview', { callId, phase }).then(
      (loaded) => {
        if (request !== latest.current) return;
        setData(loaded);
        setLoadError(null);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoadError(failureMessage(error, 'Erreur inattendue : les évaluations n’ont pas pu être lues.'));
      },
    );
  }, [api, callId, phase]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      api.onPush((message) => {
        if (message.event !== 'changed') return;
        const { callId: changedCall } = message.payload;
        if (changedCall === null || changedCall === callId) void reload();
      }),
    [api, callId, reload],
  );

  return { data: data && data.callId === callId && data.phase === phase ? data : null, loadError, reload };
}
