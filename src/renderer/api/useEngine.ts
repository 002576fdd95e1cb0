import { useCallback } from 'react';
import { useApiContext } from './ApiContext';
import { callEngine, type DeclaredArgs, type DeclaredMethod, type DeclaredResult } from './engine';
import { useApi, type ApiState } from './useApi';

/**
 * `useApi` for one engine method: the key is derived from the method and its arguments, so a
 * filter change refetches and stale answers are dropped. Pass `null` args to skip the call.
 */
export function useEngine<M extends DeclaredMethod>(method: M, args: DeclaredArgs<M> | null): ApiState<DeclaredResult<M>> {
  const { bridge } = useApiContext();
  const key = args === null ? `${method}:skip` : `${method}:${JSON.stringify(args)}`;
  const call = useCallback(
    () => (args === null ? new Promise<never>(() => undefined) : callEngine(bridge, method, args)),
    // The key captures args by value, so identity changes alone never refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, key],
  );
  return useApi(key, call);
}

/** Imperative calls (buttons, dialogs) with the same availability check as the hooks. */
export function useEngineCall(): <M extends DeclaredMethod>(method: M, args: DeclaredArgs<M>) => Promise<DeclaredResult<M>> {
  const { bridge } = useApiContext();
  return useCallback((method, args) => callEngine(bridge, method, args), [bridge]);
}
