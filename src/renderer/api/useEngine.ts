import { useCallback } from 'react';
import { useApiContext } from './ApiContext';
import { callEngine, type DeclaredArgs, type DeclaredMethod, type DeclaredResult } from './engine';
import { engineKey } from './engine-request';
import { isCacheableMethod } from './result-cache';
import { useApi, type ApiState } from './useApi';

export interface EngineOptions {
  /** For tables and other data below the charts: asked for after the charts' requests. */
  isBackground?: boolean;
}

/**
 * `useApi` for one engine method: the key is derived from the method and its arguments, so a
 * filter change refetches and stale answers are dropped. Pass `null` args to skip the call.
 * Engine reads are cached per data version, so revisiting a page with the same filters is instant.
 */
export function useEngine<M extends DeclaredMethod>(method: M, args: DeclaredArgs<M> | null, options: EngineOptions = {}): ApiState<DeclaredResult<M>> {
  const { bridge } = useApiContext();
  const key = args === null ? `${method}:skip` : engineKey(method, args);
  const call = useCallback(
    () => (args === null ? new Promise<never>(() => undefined) : callEngine(bridge, method, args)),
    // The key captures args by value, so identity changes alone never refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, key],
  );
  return useApi(key, call, { isCacheable: args !== null && isCacheableMethod(method), isBackground: options.isBackground ?? false });
}

/** Imperative calls (buttons, dialogs) with the same availability check as the hooks. */
export function useEngineCall(): <M extends DeclaredMethod>(method: M, args: DeclaredArgs<M>) => Promise<DeclaredResult<M>> {
  const { bridge } = useApiContext();
  return useCallback((method, args) => callEngine(bridge, method, args), [bridge]);
}
