import type { Filters } from '../../shared/contract/analytics';
import { useFilters } from './FiltersContext';

/**
 * The filters for one view, or null until the data's date range is known when a relative preset
 * needs it (so a page never fetches "all time" first and then its real range).
 */
export function useViewFilters(chartId?: string): Filters | null {
  const { state, options, filtersFor } = useFilters();
  const needsRange = state.preset !== 'all' && state.preset !== 'custom';
  if (needsRange && !options.data && !options.error) return null;
  return filtersFor(chartId);
}
