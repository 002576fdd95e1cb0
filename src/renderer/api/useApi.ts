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

/**
 * Calls the API and refetches when its inputs change or when the backend announces
 * data.changed, so every view follows imports and model runs without a manual refresh.
 * The key must capture every input of `call`; stale answers from older keys are dropped.
 */
export function useApi<T>(key: string, call: (api: Api) => Promise<T>): ApiState<T> {
  const { api, dataVersion } = useApiContext();
  const [state, setState] = useState<{ data: T | undefined; error: AppError | null; isLoading: boolean }>({
    data: undefined,
    error: null,
    isLoading: true,
  });
  const [reloads, setReloads] = useState(0);
  const callRef = useRef(call);
  callRef.current = call;

  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ ...s, isLoading: true }));
    callRef
      .current(api)
      .then((data) => isCurrent && setState({ data, error: null, isLoading: false }))
      .catch((error: unknown) => {
        const appError = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
        if (isCurrent) setState((s) => ({ data: s.data, error: appError, isLoading: false }));
      });
    return () => {
      isCurrent = false;
    };
  }, [api, key, dataVersion, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { ...state, reload };
}
