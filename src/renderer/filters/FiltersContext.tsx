import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FilterOptions, Filters } from '../../shared/contract/analytics';
import type { ApiState } from '../api/useApi';
import { useEngine } from '../api/useEngine';
import { presetRange } from './date-presets';
import {
  loadFilterState,
  saveFilterState,
  toEngineFilters,
  type CrossFilter,
  type FilterState,
} from './filter-state';

interface FiltersValue {
  state: FilterState;
  update(patch: Partial<FilterState>): void;
  reset(): void;
  cross: CrossFilter | null;
  setCross(cross: CrossFilter | null): void;
  options: ApiState<FilterOptions>;
  /** The engine filters for a chart: a chart that set the cross-filter keeps showing all values. */
  filtersFor(chartId?: string): Filters;
}

const FiltersContext = createContext<FiltersValue | null>(null);

export function FiltersProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<FilterState>(() => loadFilterState(sessionStorage));
  const [cross, setCross] = useState<CrossFilter | null>(null);
  const options = useEngine('analytics.filterOptions', {});

  useEffect(() => saveFilterState(sessionStorage, state), [state]);

  const update = useCallback((patch: Partial<FilterState>) => setState((s) => ({ ...s, ...patch })), []);
  const reset = useCallback(() => {
    setState((s) => ({ ...loadFilterState({ getItem: () => null }), currency: s.currency }));
    setCross(null);
  }, []);

  const dataRange = options.data?.dataRange ?? null;
  const range = useMemo(
    () => (state.preset === 'custom' ? { ...(state.from && { from: state.from }), ...(state.to && { to: state.to }) } : presetRange(state.preset, dataRange)),
    [state.preset, state.from, state.to, dataRange],
  );

  const filtersFor = useCallback(
    (chartId?: string) => toEngineFilters(state, range, cross && cross.sourceChartId !== chartId ? cross : null),
    [state, range, cross],
  );

  const value = useMemo<FiltersValue>(
    () => ({ state, update, reset, cross, setCross, options, filtersFor }),
    [state, update, reset, cross, options, filtersFor],
  );
  return <FiltersContext.Provider value={value}>{children}</FiltersContext.Provider>;
}

export function useFilters(): FiltersValue {
  const value = useContext(FiltersContext);
  if (!value) throw new Error('useFilters outside FiltersProvider');
  return value;
}
