import { useEffect, useState } from 'react';

/** Steps through `count` pages every `ms` milliseconds (0 when count changes past the end); `go` jumps. */
export function useRotation(count: number, ms: number) {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (count <= 1) return undefined;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % count), ms);
    return () => window.clearInterval(timer);
  }, [count, ms]);
  return { index: count > 0 ? index % count : 0, go: setIndex };
}
