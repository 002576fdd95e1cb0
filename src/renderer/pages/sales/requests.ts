import type { Filters, WeekStart } from '../../../shared/contract/analytics';
import { engineRequest, type EngineRequest } from '../../api/engine-request';

/** The Sales page's questions for the given filters; the page and its idle prefetch share them. */
export function salesRequests(filters: Filters, heatmapFilters: Filters, weekStart: WeekStart = 'monday') {
  return {
    daily: engineRequest('analytics.revenueDaily', { filters }),
    weekly: engineRequest('analytics.revenueWeekly', { filters, weekStart }),
    monthly: engineRequest('analytics.revenueMonthly', { filters }),
    heatmap: engineRequest('analytics.regionCategoryHeatmap', { filters: heatmapFilters }),
    seasonality: engineRequest('analytics.seasonality', { filters }),
    margin: engineRequest('analytics.categoryMargin', { filters }),
  };
}

/** What a first visit draws: the monthly grain (the default), the heatmaps, margin and the forecast. */
export function salesPrefetch(filtersFor: (chartId?: string) => Filters): EngineRequest[] {
  const r = salesRequests(filtersFor(), filtersFor('sales-region-category'));
  return [r.monthly, r.heatmap, r.seasonality, r.margin, engineRequest('models.latestRun', { model: 'forecast' }), engineRequest('models.forecast', { grain: 'day' })];
}
