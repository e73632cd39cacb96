import { useCallback } from 'react';
import type { Phase } from '../../../../shared/model/scoring.js';
import { inCall, useLiveQuery } from '../../components/useLiveQuery.js';
import { useApp } from '../../store/context.js';

/**
 * The commission view of a call and phase: loaded by `evaluation-overview`, reloaded after each action and when a
 * window announces a change to this call (scores, members, candidates, « who I am »…).
 */
export function useEvaluationOverview(callId: number, phase: Phase) {
  const api = useApp((s) => s.api);
  const load = useCallback(() => api.invoke('evaluation-overview', { callId, phase }), [api, callId, phase]);
  const { data, loadError, reload } = useLiveQuery({
    load,
    stale: (change) => inCall(callId, change),
    failure: 'Erreur inattendue : les évaluations n’ont pas pu être lues.',
  });
  return { data: data && data.callId === callId && data.phase === phase ? data : null, loadError, reload };
}
