/**
 * Analytics bench: builds (or reuses) a synthetic 1M-order-line warehouse with fast INSERT …
 * SELECT, builds the aggregates, then times every view warm and prints p50/p95.
 * Run: npx tsx bench/analytics.bench.ts [--lines 1000000] [--keep /tmp/analytics-bench.sqlite]
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FiltersSchema, type Filters } from '../src/shared/contract/analytics';
import { ANALYTICS_VIEWS, rebuildAllAnalyticsAggregates } from '../src/main/backend/analytics';
import { openWarehouse, type Db } from '../src/main/backend/db/open';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const LINES = Number(option('--lines', '1000000'));
const FILE = option('--keep', path.join(tmpdir(), `storelens-analytics-bench-${LINES}.sqlite`));
const RUNS = Number(option('--runs', '15'));

function buildSyntheticWarehouse(db: Db, lines: number): void {
  const orders = Math.round(lines / 3);
  const customers = Math.max(1000, Math.round(orders / 3.3));
  db.transaction(() => {
    db.exec(`INSERT INTO dim_channel (channel_key, channel_code, label) VALUES (1,'web','Web'),(2,'app','App'),(3,'marketplace','Marketplace'),(4,'pos','Store')`);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO dim_customer (customer_key, customer_id, email, name, region, segment, country)
       SELECT i, 'C' || i, 'c' || i || '@example.com', 'Customer ' || i,
         'Region ' || (abs(random()) % 8), CASE abs(random()) % 4 WHEN 0 THEN 'retail' WHEN 1 THEN 'wholesale' WHEN 2 THEN 'vip' ELSE 'staff' END, 'XX'
       FROM n`,
    ).run(customers);
    db.exec(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
       INSERT INTO dim_product (product_key, sku, name, category, cost_cents, list_price_cents, reorder_point, is_product, valid_from, valid_to, is_current)
       SELECT i, 'SKU-' || i, 'Product ' || i, 'Category ' || (i % 10), 500 + (i * 37) % 3000, 1000 + (i * 53) % 6000, 10, 1, '2020-01-01', NULL, 1 FROM n`,
    );
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO fct_orders (order_key, order_id, customer_key, channel_key, status, order_date, created_at, currency, gross_cents, discount_cents,
         tax_cents, shipping_cents, refund_cents, net_cents, units, line_count, is_counted, ingested_at)
       SELECT i, 'O' || i, 1 + abs(random()) % ?, 1 + abs(random()) % 4, 'delivered', d, d || 'T10:00:00Z',
         CASE WHEN i % 10 = 0 THEN 'USD' ELSE 'EUR' END, 0, 0, 0, 495, 0, 0, 0, 3, 1, '2025-01-01T00:00:00Z'
       FROM (SELECT i, date('2023-01-01', '+' || (abs(random()) % 730) || ' days') AS d FROM n)`,
    ).run(orders, customers);
    db.exec(
      `INSERT INTO fct_order_items (order_key, line_no, order_id, order_date, customer_key, channel_key, product_key, sku, quantity, unit_price_cents,
         gross_cents, discount_cents, tax_cents, net_cents, cost_cents, is_counted)
       SELECT o.order_key, l.line_no, o.order_id, o.order_date, o.customer_key, o.channel_key, p.product_key, p.sku, q, p.list_price_cents,
         q * p.list_price_cents, CASE WHEN o.order_key % 5 = 0 THEN q * p.list_price_cents / 10 ELSE 0 END, q * p.list_price_cents / 5,
         q * p.list_price_cents - CASE WHEN o.order_key % 5 = 0 THEN q * p.list_price_cents / 10 ELSE 0 END, q * p.cost_cents, 1
       FROM fct_orders o
       JOIN (SELECT 1 AS line_no UNION ALL SELECT 2 UNION ALL SELECT 3) l
       JOIN dim_product p ON p.product_key = 1 + (o.order_key * 7 + l.line_no * 131) % 500
       JOIN (SELECT 1 AS q) ON 1`,
    );
    db.exec(
      `UPDATE fct_orders SET (gross_cents, discount_cents, tax_cents, units, net_cents) = (
         SELECT sum(gross_cents), sum(discount_cents), sum(tax_cents), sum(quantity), sum(net_cents) FROM fct_order_items i WHERE i.order_key = fct_orders.order_key)`,
    );
    db.exec(
      `INSERT INTO fct_returns (order_key, line_no, order_id, sku, product_key, customer_key, channel_key, quantity, returned_at, return_date, refund_cents, refund_rule)
       SELECT order_key, line_no, order_id, sku, product_key, customer_key, channel_key, 1, order_date || 'T12:00:00Z', date(order_date, '+10 days'), net_cents, 'within_30_days'
       FROM fct_order_items WHERE (order_key * 13 + line_no) % 40 = 0`,
    );
    db.exec(
      `INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk)
       SELECT sku, '2024-12-31', product_key % 40, product_key % 7, 10, (product_key % 40) - (product_key % 7) < 10 FROM dim_product`,
    );
  })();
  db.exec('ANALYZE');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

function time(run: () => unknown, runs = RUNS): { p50: number; p95: number } {
  run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const isFresh = !existsSync(FILE);
const db = openWarehouse(FILE);
if (isFresh) {
  let t = performance.now();
  buildSyntheticWarehouse(db, LINES);
  console.log(`built synthetic warehouse: ${LINES.toLocaleString('en-US')} lines in ${((performance.now() - t) / 1000).toFixed(1)} s (${FILE})`);
  t = performance.now();
  const outcome = rebuildAllAnalyticsAggregates(db);
  console.log(`rebuildAllAnalyticsAggregates: ${((performance.now() - t) / 1000).toFixed(1)} s, ${outcome?.salesRows ?? 0} sales cells, ${outcome?.customerDayRows ?? 0} customer-days`);
  db.exec('ANALYZE');
} else {
  console.log(`reusing ${FILE} (delete it to rebuild)`);
}
const lineCount = (db.prepare('SELECT count(*) AS n FROM fct_order_items').get() as { n: number }).n;
console.log(`fct_order_items: ${lineCount.toLocaleString('en-US')} rows`);

const FILTER_CASES: Record<string, Filters> = {
  'all dates': {},
  '90 days': { from: '2024-10-03', to: '2024-12-31' },
  '90 days + region': { from: '2024-10-03', to: '2024-12-31', region: ['Region 3'] },
  '90 days + category': { from: '2024-10-03', to: '2024-12-31', category: ['Category 2'] },
  '90 days + channel,segment': { from: '2024-10-03', to: '2024-12-31', channel: ['web'], segment: ['vip'] },
};
const EXTRA: Record<string, Record<string, unknown>> = { breakdown: { dimension: 'category' }, customer: { customerId: 'C42' }, product: { sku: 'SKU-7' } };

const worst = { p95: 0, name: '' };
for (const [caseName, raw] of Object.entries(FILTER_CASES)) {
  console.log(`\n== ${caseName}`);
  const filters = FiltersSchema.parse(raw);
  for (const view of ANALYTICS_VIEWS) {
    const hasFilters = view.params.some((p) => p.name === 'filters');
    const { p50, p95 } = time(() => view.run(db, { ...(hasFilters ? { filters } : {}), ...(EXTRA[view.view] ?? {}) }));
    if (p95 > worst.p95) Object.assign(worst, { p95, name: `${view.view} (${caseName})` });
    console.log(`${view.view.padEnd(26)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms${p95 > 50 ? '   > 50 ms target' : ''}`);
  }
  const overviewPage = ['overview', 'revenue-daily', 'breakdown', 'top-customers'];
  const page = time(() => {
    for (const name of overviewPage) {
      const view = ANALYTICS_VIEWS.find((v) => v.view === name);
      view?.run(db, { filters, ...(name === 'breakdown' ? { dimension: 'category' } : {}), ...(name === 'top-customers' ? { limit: 10 } : {}) });
      if (name === 'breakdown') ANALYTICS_VIEWS.find((v) => v.view === 'breakdown')?.run(db, { filters, dimension: 'channel' });
    }
  }, 10);
  console.log(`FULL OVERVIEW PAGE (kpis, trend, by category, by channel, top 10) p50 ${page.p50.toFixed(1)} ms  p95 ${page.p95.toFixed(1)} ms (target 150 ms)`);
}
console.log(`\nworst view p95: ${worst.p95.toFixed(1)} ms — ${worst.name}`);
db.close();
if (argv.includes('--clean')) rmSync(FILE, { force: true });
