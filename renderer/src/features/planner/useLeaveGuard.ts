import { useEffect, useRef } from 'react';

/**
 * While `active`, asks before leaving with unsaved changes: a click on another tab or an in-app link asks
 * `message` (« OK » leaves, and `onDiscard` is told); a reload or a closed tab (browser) or window (desktop: the
 * main process asks, see 'will-prevent-unload' in electron/main/main.ts) asks too.
 */
export function useLeaveGuard(active: boolean, message: string, onDiscard: () => void): void {
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
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [active, message]);
}
