import { useCallback } from 'react';
import type { Phase } from '../../../../shared/model/scoring.js';
import { inCall, useLiveQuery } from '../../components/useLiveQuery.js';
import { useApp } from '../../store/context.js';

/**
 * A member's sheet for one candidate and phase: loaded by `evaluation-sheet-get`, reloaded when a window announces
 * a change to the call (another member submits, the grid changes) or to « who I am ».
 */
export function useEvaluationSheet(callId: number, candidateId: number, phase: Phase) {
  const api = useApp((s) => s.api);
  const load = useCallback(() => api.invoke('evaluation-sheet-get', { candidateId, phase }), [api, candidateId, phase]);
  const query = useLiveQuery({
    load,
    stale: (change) => change.entity === 'prefs' || inCall(callId, change),
    failure: 'Erreur inattendue : la fiche d’évaluation n’a pas pu être lue.',
  });
  const current = query.data && query.data.candidateId === candidateId && query.data.phase === phase ? query.data : null;
  return { ...query, data: current };
}
