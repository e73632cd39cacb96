import { useCallback } from 'react';
import { inCall, useLiveQuery } from '../../components/useLiveQuery.js';
import { useApp } from '../../store/context.js';

/**
 * The opinions of a call: loaded by `opinions-overview`, reloaded after each action and when a window announces a
 * change to the call, its candidates or its inspectors.
 */
export function useOpinionsOverview(callId: number) {
  const api = useApp((s) => s.api);
  const load = useCallback(() => api.invoke('opinions-overview', { callId }), [api, callId]);
  const { data, loadError, reload } = useLiveQuery({
    load,
    stale: (change) => (change.entity === 'candidates' || change.entity === 'calls' || change.entity === 'inspectors') && inCall(callId, change),
    failure: 'Erreur inattendue : les avis n’ont pas pu être lus.',
  });
  return { data: data && data.callId === callId ? data : null, loadError, reload };
}
