import { useEffect, useRef } from 'react';
import { useApp } from '../../store/context.js';

/**
 * While `active`, asks before leaving with unsaved changes: a click on another tab or an in-app link asks
 * `message` (« OK » leaves, and `onDiscard` is told), and the browser asks before a reload or a closed tab.
 * Not in the desktop app: there a refused unload would silently keep the window open.
 */
export function useLeaveGuard(active: boolean, message: string, onDiscard: () => void): void {
  const mode = useApp((s) => s.api.mode);
  const discard = useRef(onDiscard);
  useEffect(() => {
    discard.current = onDiscard;
  });

  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      const away = (event.target as Element | null)?.closest?.('[role="tab"], a[href^="#"]');
      if (!away || away.getAttribute('aria-selected') === 'true' || away.getAttribute('href') === window.location.hash) return;
      if (window.confirm(message)) {
        discard.current();
        return;
      }
      // Captured on the document: the tab's own handler never runs.
      event.preventDefault();
      event.stopPropagation();
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    document.addEventListener('click', onClick, true);
    if (mode === 'browser') window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [active, message, mode]);
}
