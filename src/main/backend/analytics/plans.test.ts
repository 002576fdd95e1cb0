import { afterAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { queryPlan, recordingDb } from './testing/query-recorder';
import { sampleStore } from './testing/sample-store';
import { seededWarehouse } from './testing/seeded-warehouse';
import { ANALYTICS_VIEWS } from './view-registry';

const warehouse = seededWarehouse(sampleStore());
afterAll(() => warehouse.dispose());
// Enough statistics that the planner behaves as on a big warehouse.
warehouse.db.exec('ANALYZE');

const BIG_TABLES = ['fct_order_items', 'fct_orders', 'fct_returns', 'agg_sales_daily', 'agg_returns_daily', 'agg_day_sets', 'agg_customer_lifetime', 'agg_product_daily'];
const FILTER_SETS = [
  { from: '2024-03-01', to: '2024-03-31' },
  { from: '2024-03-01', to: '2024-03-31', region: ['North'], channel: ['web'] },
  { from: '2024-03-01', to: '2024-03-31', category: ['Shoes', 'Bags'], segment: ['retail'] },
];
const EXTRA_ARGS: Record<string, Record<string, unknown>> = {
  breakdown: { dimension: 'category' },
  customer: { customerId: 'C001' },
  product: { sku: 'SKU-1' },
};

/** Which table each alias in the SQL stands for (SQLite's plan names the alias). */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = m[1] ?? '';
    map.set(table, table);
    if (m[2] && !/^(WHERE|ON|JOIN|LEFT|GROUP|ORDER|USING|LIMIT)$/i.test(m[2])) map.set(m[2], table);
  }
  return map;
}

/** "SCAN <table or alias>" (whole table, or a whole index in its order) on a fact or aggregate table reads all of it. */
function fullScans(plan: string[], sql: string): string[] {
  const names = aliases(sql);
  return plan.filter((detail) => {
    const match = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX \w+)?$/.exec(detail.trim());
    return match !== null && BIG_TABLES.includes(names.get(match[1] ?? '') ?? match[1] ?? '');
  });
}

describe('query plans with a date range', () => {
  const dashboardViews = ANALYTICS_VIEWS.filter((v) => v.view !== 'filter-options');
  it.each(dashboardViews.flatMap((view) => FILTER_SETS.map((f, i) => ({ name: `${view.view} #${i}`, view, f }))))('$name reads no fact table in full', ({ view, f }) => {
    const { db, queries } = recordingDb(warehouse.db);
    const hasFilters = view.params.some((p) => p.name === 'filters');
    view.run(db, { ...(hasFilters ? { filters: FiltersSchema.parse(f) } : {}), ...(EXTRA_ARGS[view.view] ?? {}) });
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      const plan = queryPlan(warehouse.db, query);
      expect(fullScans(plan, query.sql), `${query.sql}\n${plan.join('\n')}`).toEqual([]);
    }
  });

  it('the detector sees a real full scan', () => {
    const sql = 'SELECT sum(quantity) FROM fct_order_items i WHERE i.sku = ?';
    expect(fullScans(queryPlan(warehouse.db, { sql, params: ['SKU-1'] }), sql)).toEqual(['SCAN i']);
  });

  it('the detector sees a whole-index scan (a GROUP BY walking an index instead of the date range)', () => {
    const sql = 'SELECT a.sku, sum(a.units) FROM agg_product_daily a INDEXED BY agg_product_daily_by_sku WHERE a.date_key BETWEEN ? AND ? GROUP BY a.sku';
    expect(fullScans(queryPlan(warehouse.db, { sql, params: ['2024-03-01', '2024-03-31'] }), sql)).toEqual(['SCAN a USING INDEX agg_product_daily_by_sku']);
  });

  it('day-set reads are a range of the primary-key index on kind, currency and dates', () => {
    const sql = "SELECT date_key, category, data FROM agg_day_sets WHERE kind = 'customer' AND currency = ? AND date_key BETWEEN ? AND ? AND channel_key IN (?, ?)";
    const plan = queryPlan(warehouse.db, { sql, params: ['EUR', '2024-03-01', '2024-03-31', 1, 2] });
    expect(plan.join('\n')).toMatch(/SEARCH agg_day_sets USING INDEX sqlite_autoindex_agg_day_sets_1 \(kind=\? AND currency=\? AND date_key>\? AND date_key<\?\)/);
  });
});
