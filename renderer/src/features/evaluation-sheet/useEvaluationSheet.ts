import { useCallback, useEffect, useRef, useState } from 'react';
import type { EvaluationSheetView, Phase } from '../../../../shared/model/scoring.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';

/**
 * A member's sheet for one candidate and phase: loaded by `evaluation-sheet-get`, reloaded when a window announces
 * a change to the call (another member submits, the grid changes) or to « who I am ».
 */
export function useEvaluationSheet(callId: number, candidateId: number, phase: Phase) {
  const api = useApp((s) => s.api);
  const [data, setData] = useState<EvaluationSheetView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Only the latest answer counts: a slow reload never overwrites a newer one.
  const latest = useRef(0);

  const reload = useCallback((): Promise<void> => {
    const request = ++latest.current;
    return api.invoke('evaluation-sheet-get', { candidateId, phase }).then(
      (loaded) => {
        if (request !== latest.current) return;
        setData(loaded);
        setLoadError(null);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoadError(failureMessage(error, 'Erreur inattendue : la fiche d’évaluation n’a pas pu être lue.'));
      },
    );
  }, [api, candidateId, phase]);

  /** A save answered with the new state: shown at once, and older reloads in flight are ignored. */
  const accept = useCallback((next: EvaluationSheetView) => {
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
        if (entity === 'prefs' || changedCall === null || changedCall === callId) void reload();
      }),
    [api, callId, reload],
  );

  const current = data && data.candidateId === candidateId && data.phase === phase ? data : null;
  return { data: current, loadError, reload, accept };
}
