import { useCallback } from 'react';
import { inCall, useLiveQuery } from '../../components/useLiveQuery.js';
import { useApp } from '../../store/context.js';

/** The IA-IPR's opinion on one stored file, reloaded when a window announces a change to the call’s files or inspectors. */
export function useCandidateOpinion(callId: number, candidateId: number) {
  const api = useApp((s) => s.api);
  const load = useCallback(() => api.invoke('opinions-get', { candidateId }), [api, candidateId]);
  const { data, loadError, accept } = useLiveQuery({
    load,
    stale: (change) => (change.entity === 'candidates' || change.entity === 'calls' || change.entity === 'inspectors') && inCall(callId, change),
    failure: 'Erreur inattendue : l’avis de l’IA-IPR n’a pas pu être lu.',
  });
  return { data: data && data.candidateId === candidateId ? data : null, loadError, accept };
}
