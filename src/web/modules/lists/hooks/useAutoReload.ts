import { useEffect } from 'react';

/** Calls `reload` every `ms` milliseconds while the page is visible (a wall screen stays current). */
export function useAutoReload(reload: () => void, ms: number) {
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, ms);
    return () => window.clearInterval(timer);
  }, [reload, ms]);
}
