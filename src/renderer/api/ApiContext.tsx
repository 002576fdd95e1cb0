import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApi, type Api } from '../../shared/api';
import type { Bridge } from '../../shared/bridge';
import type { AppEvent, EventListener } from '../../shared/events';
import { ResultCache } from './result-cache';

interface ApiContextValue {
  api: Api;
  bridge: Bridge;
  /** Bumps whenever any table changes, so hooks can refetch. */
  dataVersion: number;
  changedTables: ReadonlySet<string>;
  /** Engine answers for the current data, emptied on every data.changed. */
  cache: ResultCache;
  subscribe(listener: EventListener): () => void;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/** One event subscription for the whole window; components listen through it. */
export function ApiProvider({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  const api = useMemo(() => createApi(bridge), [bridge]);
  const [dataVersion, setDataVersion] = useState(0);
  const [changedTables, setChangedTables] = useState<ReadonlySet<string>>(new Set());
  const listeners = useMemo(() => new Set<EventListener>(), []);
  const cache = useMemo(() => new ResultCache(), []);

  useEffect(() => {
    return bridge.subscribe((event: AppEvent) => {
      if (event.name === 'data.changed') {
        cache.invalidate();
        setChangedTables(new Set(event.payload.tables));
        setDataVersion((v) => v + 1);
      }
      for (const listener of listeners) listener(event);
    });
  }, [bridge, listeners, cache]);

  const value = useMemo<ApiContextValue>(
    () => ({
      api,
      bridge,
      dataVersion,
      changedTables,
      cache,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
    [api, bridge, dataVersion, changedTables, cache, listeners],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApiContext outside ApiProvider');
  return value;
}
