import { afterAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { rebuildAllAnalyticsAggregates } from './aggregates/refresh';
import { sampleStore } from './testing/sample-store';
import { seededWarehouse } from './testing/seeded-warehouse';
import { ANALYTICS_VIEWS } from './view-registry';

/**
 * A warehouse migrated before 0021 has no month cells: every view must answer the same from the
 * day cells alone (and the refresh must still work) as it does with them.
 */
const spec = sampleStore({ customers: 50, orders: 400, days: 160 });
const withMonths = seededWarehouse(spec);
const without = seededWarehouse(spec);
without.db.exec('DROP TABLE agg_month_sets; DROP TABLE agg_customer_cohort; DROP TABLE agg_customer_cohort_category');
rebuildAllAnalyticsAggregates(without.db);
afterAll(() => {
  withMonths.dispose();
  without.dispose();
});

const CASES = [
  {},
  { from: '2024-01-01', to: '2024-05-20' },
  { from: '2024-01-15', to: '2024-04-30', region: ['North', 'South'] },
  { from: '2024-02-01', to: '2024-05-31', category: ['Shoes'], segment: ['retail'] },
  { from: '2024-01-01', to: '2024-06-08', category: ['Shoes', 'Hats'], channel: ['web'] },
  // Ranges that start before the data or end on its last day read the edge months' cells whole.
  { from: '2024-03-10', to: '2024-06-08', region: ['North'] },
  { from: '2023-12-20', to: '2024-02-10', segment: ['retail'], category: ['Shoes'] },
];
const EXTRA: Record<string, Record<string, unknown>> = { breakdown: { dimension: 'region' }, customer: { customerId: 'C003' }, product: { sku: 'SKU-2' } };

describe('views without the 0021 month cells', () => {
  const views = ANALYTICS_VIEWS.filter((v) => v.view !== 'cohort-ltv');
  it.each(views.flatMap((view) => CASES.map((f, i) => ({ name: `${view.view} #${i}`, view, f }))))('$name answers the same', ({ view, f }) => {
    const hasFilters = view.params.some((p) => p.name === 'filters');
    const args = { ...(hasFilters ? { filters: FiltersSchema.parse(f) } : {}), ...(EXTRA[view.view] ?? {}) };
    expect(view.run(without.db, args)).toEqual(view.run(withMonths.db, args));
  });
});
