import type { ECElementEvent } from 'echarts/core';
import { useCallback } from 'react';
import type { CrossFilterDimension } from './filter-state';
import { useFilters } from './FiltersContext';

/**
 * A click handler that cross-filters by the clicked element's engine key (`data[keyField]`),
 * toggling off when the same element is clicked again. The chip in the filter bar shows it.
 */
export function useCrossFilterClick(dimension: CrossFilterDimension, chartId: string, keyField = 'key'): (params: ECElementEvent) => void {
  const { cross, setCross } = useFilters();
  return useCallback(
    (params: ECElementEvent) => {
      const data = params.data as Record<string, unknown> | null;
      const value = data && typeof data[keyField] === 'string' ? (data[keyField] as string) : null;
      if (!value) return;
      const label = dimension === 'channel' ? String(params.name) : value;
      if (cross && cross.dimension === dimension && cross.value === value) setCross(null);
      else setCross({ dimension, value, label, sourceChartId: chartId });
    },
    [cross, setCross, dimension, chartId, keyField],
  );
}

/** The key currently cross-filtered on `dimension`, for highlighting it in its source chart. */
export function useCrossFilterKey(dimension: CrossFilterDimension): string | null {
  const { cross } = useFilters();
  return cross?.dimension === dimension ? cross.value : null;
}
