import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../shared/api';
import { AppError } from '../../shared/result';
import { useApiContext } from './ApiContext';

export interface ApiState<T> {
  data: T | undefined;
  error: AppError | null;
  isLoading: boolean;
  reload(): void;
}

export interface ApiOptions {
  /** Serve the answer from the window's result cache when this key was fetched for the current data. */
  isCacheable?: boolean;
  /**
   * Send the request one task later than the others of the same render. The server answers in
   * arrival order, so a big table asked for with the charts would otherwise hold every chart back.
   */
  isBackground?: boolean;
}

type LoadState<T> = { data: T | undefined; error: AppError | null; isLoading: boolean };

/**
 * Calls the API and refetches when its inputs change or when the backend announces
 * data.changed, so every view follows imports and model runs without a manual refresh.
 * The key must capture every input of `call`; stale answers from older keys are dropped.
 */
export function useApi<T>(key: string, call: (api: Api) => Promise<T>, options: ApiOptions = {}): ApiState<T> {
  const { api, dataVersion, cache } = useApiContext();
  const { isCacheable = false, isBackground = false } = options;
  // A cached answer is there on the first render, so a revisited page draws in its first commit.
  const [state, setState] = useState<LoadState<T>>(() => {
    const hit = isCacheable ? cache.get(key) : undefined;
    return hit ? { data: hit.value as T, error: null, isLoading: false } : { data: undefined, error: null, isLoading: true };
  });
  const [reloads, setReloads] = useState(0);
  const isForcedRef = useRef(false);
  const callRef = useRef(call);
  callRef.current = call;

  useEffect(() => {
    const isForced = isForcedRef.current;
    isForcedRef.current = false;
    const hit = isCacheable && !isForced ? cache.get(key) : undefined;
    if (hit) {
      const data = hit.value as T;
      setState((s) => (s.data === data && !s.isLoading && !s.error ? s : { data, error: null, isLoading: false }));
      return;
    }
    let isCurrent = true;
    setState((s) => (s.isLoading ? s : { ...s, isLoading: true }));
    const run = () => {
      if (!isCurrent) return;
      // A prefetch (or another view) may already be asking the same question: wait for its answer.
      const pending = isCacheable && !isForced ? (cache.pending(key) as Promise<T> | undefined) : undefined;
      const request = pending ?? (isCacheable ? cache.track(key, callRef.current(api)) : callRef.current(api));
      request
        .then((data) => {
          if (isCurrent) setState({ data, error: null, isLoading: false });
        })
        .catch((error: unknown) => {
          const appError = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
          if (isCurrent) setState((s) => ({ data: s.data, error: appError, isLoading: false }));
        });
    };
    const timer = isBackground ? setTimeout(run, 0) : undefined;
    if (!isBackground) run();
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, cache, key, dataVersion, reloads, isCacheable, isBackground]);

  const reload = useCallback(() => {
    isForcedRef.current = true;
    setReloads((n) => n + 1);
  }, []);
  return { ...state, reload };
}
