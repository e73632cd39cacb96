import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpinionsOverview } from '../../../../shared/model/opinions.js';
import { useApp } from '../../store/context.js';
import { failureMessage } from '../admissibility/format.js';

/**
 * The opinions of a call: loaded by `opinions-overview`, reloaded after each action and when a window announces a
 * change to the call, its candidates or its inspectors.
 */
export function useOpinionsOverview(callId: number) {
  const api = useApp((s) => s.api);
  const [data, setData] = useState<OpinionsOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Only the latest answer counts: a slow reload never overwrites a newer one.
  const latest = useRef(0);

  const reload = useCallback((): Promise<void> => {
    const request = ++latest.current;
    return api.invoke('opinions-overview', { callId }).then(
      (loaded) => {
        if (request !== latest.current) return;
        setData(loaded);
        setLoadError(null);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoadError(failureMessage(error, 'Erreur inattendue : les avis n’ont pas pu être lus.'));
      },
    );
  }, [api, callId]);

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

  return { data: data && data.callId === callId ? data : null, loadError, reload };
}
