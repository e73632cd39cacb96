import { useCallback, useEffect, useRef, useState } from 'react';
import type { CandidateOpinion } from '../../../../shared/model/opinions.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';

/** The IA-IPR's opinion on one stored file, reloaded when a window announces a change to the call’s files or inspectors. */
export function useCandidateOpinion(callId: number, candidateId: number) {
  const api = useApp((s) => s.api);
  const [data, setData] = useState<CandidateOpinion | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef(0);

  const reload = useCallback((): Promise<void> => {
    const request = ++latest.current;
    return api.invoke('opinions-get', { candidateId }).then(
      (loaded) => {
        if (request !== latest.current) return;
        setData(loaded);
        setLoadError(null);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoadError(failureMessage(error, 'Erreur inattendue : l’avis de l’IA-IPR n’a pas pu être lu.'));
      },
    );
  }, [api, candidateId]);

  /** A save answered with the new state: shown at once, older reloads in flight are ignored. */
  const accept = useCallback((next: CandidateOpinion) => {
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
        if ((entity === 'candidates' || entity === 'calls' || entity === 'inspectors') && (changedCall === null || changedCall === callId)) void reload();
      }),
    [api, callId, reload],
  );

  return { data: data && data.candidateId === candidateId ? data : null, loadError, accept };
}
