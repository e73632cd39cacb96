import { useCallback } from 'react';
import { inCall, useLiveQuery } from '../../components/useLiveQuery.js';
import { useApp } from '../../store/context.js';

/**
 * The « Recevabilité » of one stored file: loaded by `admissibility-get`, reloaded after each save and when
 * another window (or this one) announces a change to the candidates or the rules of the call.
 */
export function useAdmissibility(callId: number, candidateId: number | null) {
  const api = useApp((s) => s.api);
  const load = useCallback(() => api.invoke('admissibility-get', { candidateId: candidateId! }), [api, candidateId]);
  const query = useLiveQuery({
    load: candidateId === null ? null : load,
    stale: (change) => (change.entity === 'candidates' || change.entity === 'calls') && inCall(callId, change),
    failure: 'Erreur inattendue : la recevabilité n’a pas pu être lue.',
  });
  // A file's data only: never the previous file's while the next one loads.
  return { ...query, data: query.data && query.data.candidateId === candidateId ? query.data : null };
}

export type AdmissibilityState = ReturnType<typeof useAdmissibility>;
