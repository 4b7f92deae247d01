import { useCallback, useEffect, useState } from 'react';
import { api, isAbortError, toApiError, withQuery, type ApiError, type Query } from './api';

export interface ApiState<T> {
  /** The latest answer; kept while the next one loads so tables do not flash empty when paging. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data?: T;
  error?: ApiError;
}

/**
 * GET `path` (with `query`) and fetch again when either changes or `reload()` is called.
 * Pass `null` as the path to fetch nothing (for example until a needed value is known).
 */
export function useApi<T>(path: string | null, query?: Query): ApiState<T> {
  const [nonce, setNonce] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const target = path === null ? null : withQuery(path, query);
  const key = target === null ? null : `${nonce}|${target}`;

  useEffect(() => {
    if (target === null) return undefined;
    const requestKey = `${nonce}|${target}`;
    const controller = new AbortController();
    api.get<T>(target, { signal: controller.signal }).then(
      (data) => setSettled({ key: requestKey, data }),
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setSettled((previous) => ({ key: requestKey, data: previous?.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [target, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return {
    data: settled?.data,
    error: settled !== null && settled.key === key ? settled.error : undefined,
    loading: key !== null && settled?.key !== key,
    reload,
  };
}
