import type { CompareMode, Filters } from '../../shared/contract/analytics';
import type { DatePresetId } from './date-presets';

export const CROSS_FILTER_DIMENSIONS = ['region', 'category', 'channel', 'segment'] as const;
export type CrossFilterDimension = (typeof CROSS_FILTER_DIMENSIONS)[number];

export interface FilterState {
  preset: DatePresetId;
  /** Only used by the custom preset. */
  from: string;
  to: string;
  compare: CompareMode;
  region: string[];
  category: string[];
  channel: string[];
  segment: string[];
  currency: string | null;
}

/** A chart click: narrows one dimension to one value on top of the filter bar. */
export interface CrossFilter {
  dimension: CrossFilterDimension;
  value: string;
  /** What to show on the chip ("Web shop" for channel code "web"). */
  label: string;
  /** The chart it came from, which keeps showing every value so the user can pick another. */
  sourceChartId: string;
}

export const DEFAULT_FILTER_STATE: FilterState = {
  preset: 'all',
  from: '',
  to: '',
  compare: 'previous_period',
  region: [],
  category: [],
  channel: [],
  segment: [],
  currency: null,
};

/**
 * The engine's Filters from the bar, the resolved preset range and an optional cross-filter.
 * A cross-filter replaces that dimension's list with its one value, so clicking "Books" while the
 * bar says "Books, Toys" shows Books alone, and clearing the chip brings back both.
 */
export function toEngineFilters(
  state: FilterState,
  range: { from?: string; to?: string },
  cross: CrossFilter | null,
): Filters {
  const filters: Filters = {
    compare: state.compare,
    region: state.region,
    category: state.category,
    channel: state.channel,
    segment: state.segment,
  };
  if (range.from) filters.from = range.from;
  if (range.to) filters.to = range.to;
  if (state.currency) filters.currency = state.currency;
  if (cross) filters[cross.dimension] = [cross.value];
  return filters;
}

const STORAGE_KEY = 'storelens.filters';

/** Filters persist per session (sessionStorage), as the issue asks: a new window starts clean. */
export function loadFilterState(storage: Pick<Storage, 'getItem'>): FilterState {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_FILTER_STATE;
    const parsed = JSON.parse(raw) as Partial<FilterState>;
    return {
      ...DEFAULT_FILTER_STATE,
      ...parsed,
      region: stringList(parsed.region),
      category: stringList(parsed.category),
      channel: stringList(parsed.channel),
      segment: stringList(parsed.segment),
    };
  } catch {
    return DEFAULT_FILTER_STATE;
  }
}

export function saveFilterState(storage: Pick<Storage, 'setItem'>, state: FilterState): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(state));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function activeFilterCount(state: FilterState): number {
  return state.region.length + state.category.length + state.channel.length + state.segment.length;
}
