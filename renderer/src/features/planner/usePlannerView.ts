import { useCallback } from 'react';
import { inCall, useLiveQuery } from '../../components/useLiveQuery.js';
import { useApp } from '../../store/context.js';

/**
 * The planning of a call (`planner-get`): reloaded when any window announces a change to this call (its
 * candidates, members, admissibility or the planning itself), and replaced at once by a save's answer.
 */
export function usePlannerView(callId: number) {
  const api = useApp((s) => s.api);
  const load = useCallback(() => api.invoke('planner-get', { callId }), [api, callId]);
  const { data, loadError, reload, accept } = useLiveQuery({
    load,
    stale: (change) => inCall(callId, change),
    failure: 'Erreur inattendue : le planning des entretiens n’a pas pu être lu.',
  });
  return { view: data && data.callId === callId ? data : null, loadError, reload, accept };
}
