import type { Filters } from '../../../shared/contract/analytics';
import { engineRequest, type EngineRequest } from '../../api/engine-request';

/** The Customers page's chart questions for the given filters; the page and its idle prefetch share them. */
export function customersRequests(filters: Filters) {
  return {
    rfm: engineRequest('analytics.rfm', { filters, limit: 2000 }),
    tiers: engineRequest('analytics.ltvSegments', { filters }),
    cohorts: engineRequest('analytics.cohortRetention', { filters, maxOffset: 12 }),
    cohortLtv: engineRequest('analytics.cohortLtv', { filters }),
  };
}

export function customersPrefetch(filtersFor: (chartId?: string) => Filters): EngineRequest[] {
  const r = customersRequests(filtersFor());
  return [
    r.rfm, r.tiers, r.cohorts, r.cohortLtv,
    // The predictive panels: their gates first, then what they show once a run exists.
    engineRequest('models.latestRun', { model: 'clv' }), engineRequest('models.latestRun', { model: 'segments' }),
    engineRequest('models.clvSummary', {}), engineRequest('models.segments', {}),
  ];
}
