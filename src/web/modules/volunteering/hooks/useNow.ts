import { useEffect, useState } from 'react';

/** The current time in ms, renewed every `everyMs` (so that "under way" and deadlines move on by themselves). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
