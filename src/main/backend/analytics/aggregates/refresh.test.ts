import { afterAll, describe, expect, it } from 'vitest';
import { rebuildAllAnalyticsAggregates, refreshAnalyticsAggregates } from './refresh';
import { sampleStore } from '../testing/sample-store';
import { seededWarehouse } from '../testing/seeded-warehouse';
import { aggregateSnapshot as snapshot } from '../testing/aggregate-snapshot';

const spec = sampleStore();
const warehouse = seededWarehouse(spec);
afterAll(() => warehouse.dispose());
const { db } = warehouse;

describe('refreshAnalyticsAggregates', () => {
  it('is idempotent', () => {
    const before = snapshot(db);
    refreshAnalyticsAggregates(db, { fromDate: '2024-02-01', toDate: '2024-03-31' });
    refreshAnalyticsAggregates(db, { fromDate: '2024-02-01', toDate: '2024-03-31' });
    expect(snapshot(db)).toEqual(before);
    expect(before.agg_sales_daily?.length).toBeGreaterThan(100);
  });

  it('after an incremental change, a range refresh equals a full rebuild', () => {
    const march = db.prepare<[], { order_key: number; customer_key: number }>(
      "SELECT order_key, customer_key FROM fct_orders WHERE is_counted = 1 AND order_date BETWEEN '2024-03-01' AND '2024-03-31' AND customer_key IS NOT NULL LIMIT 2",
    ).all();
    const [cancelled, moved] = march;
    if (!cancelled || !moved) throw new Error('fixture has no March orders');
    // A re-sent order cancels one March order; another March order gains a late return; a
    // customer's earlier history arrives late (their first order moves back into March).
    db.prepare("UPDATE fct_orders SET status = 'cancelled', is_counted = 0 WHERE order_key = ?").run(cancelled.order_key);
    db.prepare('UPDATE fct_order_items SET is_counted = 0 WHERE order_key = ?').run(cancelled.order_key);
    db.prepare(
      `INSERT INTO fct_returns (order_key, line_no, order_id, sku, product_key, customer_key, channel_key, quantity, returned_at, return_date, refund_cents, refund_rule)
       SELECT order_key, line_no, order_id, sku, product_key, customer_key, channel_key, 1, '2024-05-20T10:00:00Z', '2024-05-20', 1234, 'within_30_days'
       FROM fct_order_items WHERE order_key = ? AND line_no = 1`,
    ).run(moved.order_key);
    db.prepare("UPDATE fct_orders SET refund_cents = refund_cents + 1234, order_date = '2024-03-02' WHERE order_key = ?").run(moved.order_key);
    db.prepare("UPDATE fct_order_items SET order_date = '2024-03-02' WHERE order_key = ?").run(moved.order_key);
    refreshAnalyticsAggregates(db, { fromDate: '2024-03-01', toDate: '2024-03-31' });
    const incremental = snapshot(db);
    rebuildAllAnalyticsAggregates(db);
    expect(incremental).toEqual(snapshot(db));
  });

  it('a refresh of a few days inside a month (partial month, few customers) equals a full rebuild', () => {
    const order = db.prepare<[], { order_key: number; order_date: string; customer_key: number }>(
      "SELECT order_key, order_date, customer_key FROM fct_orders WHERE is_counted = 1 AND customer_key IS NOT NULL AND order_date BETWEEN '2024-04-10' AND '2024-04-20' LIMIT 1",
    ).get();
    if (!order) throw new Error('fixture has no mid-April orders');
    const touched = db.prepare('SELECT count(DISTINCT customer_key) FROM fct_orders WHERE order_date = ?').pluck().get(order.order_date) as number;
    const all = db.prepare('SELECT count(*) FROM dim_customer').pluck().get() as number;
    expect(touched * 2).toBeLessThan(all); // the per-customer (not the whole-table) lifetime path
    // A re-sent order: one line's quantity doubles, the order's totals follow.
    db.prepare('UPDATE fct_order_items SET quantity = quantity * 2, gross_cents = gross_cents * 2, net_cents = net_cents * 2 WHERE order_key = ? AND line_no = 1').run(order.order_key);
    db.prepare(
      `UPDATE fct_orders SET gross_cents = (SELECT sum(gross_cents) FROM fct_order_items WHERE order_key = ?), units = (SELECT sum(quantity) FROM fct_order_items WHERE order_key = ?),
         net_cents = (SELECT sum(net_cents) FROM fct_order_items WHERE order_key = ?) - refund_cents WHERE order_key = ?`,
    ).run(order.order_key, order.order_key, order.order_key, order.order_key);
    refreshAnalyticsAggregates(db, { fromDate: order.order_date, toDate: order.order_date });
    const incremental = snapshot(db);
    rebuildAllAnalyticsAggregates(db);
    expect(incremental).toEqual(snapshot(db));
  });

  it('keeps every month cell equal to the sum of its day cells after a full rebuild and after a partial-month refresh', () => {
    const measures = ['gross_cents', 'line_discount_cents', 'line_net_cents', 'line_tax_cents', 'cost_cents', 'units', 'lines', 'orders',
      'order_gross_cents', 'order_discount_cents', 'order_tax_cents', 'order_shipping_cents', 'order_units'];
    const keyOf = (row: Record<string, string | number>, month: string): string =>
      [row.grouping_id, month, row.currency, row.channel_key, row.region, row.segment, row.category].join('|');
    const expectMonthsSumDays = (): void => {
      const expected = new Map<string, number[]>();
      for (const row of db.prepare('SELECT * FROM agg_sales_daily').all() as Record<string, string | number>[]) {
        const key = keyOf(row, String(row.date_key).slice(0, 7));
        const sums = expected.get(key) ?? measures.map(() => 0);
        expected.set(key, sums.map((sum, i) => sum + Number(row[measures[i] as string])));
      }
      const monthly = db.prepare('SELECT * FROM agg_sales_monthly').all() as Record<string, string | number>[];
      const actual = new Map(monthly.map((row) => [keyOf(row, String(row.date_key)), measures.map((m) => Number(row[m]))]));
      expect(actual.size).toBeGreaterThan(10);
      expect(actual).toEqual(expected);
    };
    // Whole months: their month cells come from the line pass itself.
    rebuildAllAnalyticsAggregates(db);
    expectMonthsSumDays();
    // Part of a month: its month cells are re-summed from the day cells.
    refreshAnalyticsAggregates(db, { fromDate: '2024-03-10', toDate: '2024-03-12' });
    expectMonthsSumDays();
  });

  it('a rebuild from empty builds the product cells without their SKU index and leaves it in place, in use', () => {
    const indexSql = (): unknown => db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'agg_product_daily_by_sku'").pluck().get();
    const before = indexSql();
    rebuildAllAnalyticsAggregates(db);
    expect(indexSql()).toBe(before);
    expect(before).toMatch(/ON agg_product_daily \(sku\)/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT sum(units) FROM agg_product_daily WHERE sku = 'x'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('agg_product_daily_by_sku');
  });

  it('an empty warehouse rebuilds to nothing', () => {
    const empty = seededWarehouse({ channels: [], customers: [], products: [], orders: [], returns: [], reviews: [], inventory: [], alerts: [] });
    expect(rebuildAllAnalyticsAggregates(empty.db)).toBeNull();
    empty.dispose();
  });
});
