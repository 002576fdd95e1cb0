import type { Filters } from '../../../shared/contract/analytics';
import { engineRequest, type EngineRequest } from '../../api/engine-request';

/** The Products page's chart questions for the given filters; the page and its idle prefetch share them. */
export function productsRequests(filters: Filters, by: 'revenue' | 'units') {
  return {
    best: engineRequest('analytics.bestSellers', { filters, by, limit: 15 }),
    ratings: engineRequest('analytics.productRatings', { filters, limit: 500 }),
  };
}

export function productsPrefetch(filtersFor: (chartId?: string) => Filters): EngineRequest[] {
  const r = productsRequests(filtersFor(), 'revenue');
  return [r.best, r.ratings, engineRequest('models.latestRun', { model: 'rules' })];
}
