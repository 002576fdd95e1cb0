import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_STATE, loadFilterState, saveFilterState, toEngineFilters, type FilterState } from './filter-state';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('toEngineFilters', () => {
  const state: FilterState = { ...DEFAULT_FILTER_STATE, category: ['Books', 'Toys'], region: ['North'], currency: 'EUR' };

  it('carries the bar, the resolved range and the currency', () => {
    expect(toEngineFilters(state, { from: '2024-01-01', to: '2024-01-31' }, null)).toEqual({
      compare: 'previous_period',
      region: ['North'],
      category: ['Books', 'Toys'],
      channel: [],
      segment: [],
      from: '2024-01-01',
      to: '2024-01-31',
      currency: 'EUR',
    });
  });

  it('lets a cross-filter narrow its dimension to one value and leaves the others', () => {
    const filters = toEngineFilters(state, {}, { dimension: 'category', value: 'Books', label: 'Books', sourceChartId: 'x' });
    expect(filters.category).toEqual(['Books']);
    expect(filters.region).toEqual(['North']);
    expect(filters.from).toBeUndefined();
  });
});

describe('filter persistence', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    const state: FilterState = { ...DEFAULT_FILTER_STATE, preset: 'last30', channel: ['web'] };
    saveFilterState(storage, state);
    expect(loadFilterState(storage)).toEqual(state);
  });

  it('falls back to defaults on damaged or foreign values', () => {
    const storage = memoryStorage();
    storage.setItem('storelens.filters', '{not json');
    expect(loadFilterState(storage)).toEqual(DEFAULT_FILTER_STATE);
    storage.setItem('storelens.filters', JSON.stringify({ region: 'North', category: [1, 'Books'] }));
    const loaded = loadFilterState(storage);
    expect(loaded.region).toEqual([]);
    expect(loaded.category).toEqual(['Books']);
  });
});
