import type { Db } from '../../db/open';
import { AGGREGATE_DAY_BOUNDS, AGGREGATE_DAYS, REFUND_ONLY_DAYS } from './aggregate-days';
import { extendCalendar } from './calendar';
import { rebuildCohortLtv } from './cohorts';
import { addDaysOfRegroupedCustomers, rebuildProducts, refreshCustomerOrderDates, upsertChannels, upsertCustomers } from './dimensions';
import { lastInventoryDay, rebuildInventoryAlerts, rebuildInventoryDaily } from './inventory';
import { rebuildOrderFacts, refreshFirstOrders, reresolveProductVersions } from './order-facts';
import { rebuildRevenueDaily } from './revenue-daily';
import { rebuildReviews } from './reviews';
import { analyzeScope, buildTouchedScope, scopeCounts, type ScopeCounts, type StagingWatermarks } from './scope';

export interface TransformOutcome {
  scope: ScopeCounts;
  orders: number;
  lines: number;
  returns: number;
  reviews: number;
  productVersions: number;
  inventoryRows: number;
  alerts: number;
  revenueDays: number;
  cohortRows: number;
  /** First and last day whose facts changed: what dashboards and aggregates must refresh. */
  touchedFrom: string | null;
  touchedTo: string | null;
  /** The days the analytics aggregates rebuild whole (aggregate-days.ts); null when none. */
  aggregateFrom: string | null;
  aggregateTo: string | null;
  /** How many days between them the line pass rebuilds. */
  aggregateDays: number;
  /** Order days outside those whose orders changed only in their refunds. */
  refundOnlyDays: number;
  stepMs: Record<string, number>;
}

/**
 * The customer_key of every customer a run changed, while its scope tables live: the customers
 * of its orders (as staged and as the warehouse had them), the customers it staged, and those of
 * lines whose product version changed. Aggregates per customer need recomputing for them only.
 */
export const CHANGED_CUSTOMER_KEYS = 'SELECT c.customer_key FROM t_customers t JOIN dim_customer c ON c.customer_id = t.customer_id';

/** Every table the transform writes, for data.changed and for the rebuild checksum. */
export const WAREHOUSE_TABLES = [
  'dim_date', 'dim_channel', 'dim_customer', 'dim_product', 'fct_orders', 'fct_order_items', 'fct_returns', 'fct_reviews',
  'fct_inventory_daily', 'inventory_alerts', 'fct_revenue_daily', 'fct_cohort_ltv',
] as const;

/**
 * Turns what a run staged (rows above the watermarks) into the star schema, rebuilding only the
 * orders, customers, SKUs, reviews and days it touched. Deterministic: surrogate keys come from
 * staging row ids and every "latest wins" is by stg_id, so any sequence of imports and a
 * rebuild from staging give identical tables. Runs inside the caller's transaction.
 */
export function transformStaged(db: Db, watermarks: StagingWatermarks, onStep: (step: string, index: number, total: number) => void = () => undefined): TransformOutcome {
  const stepMs: Record<string, number> = {};
  const steps = 10;
  let index = 0;
  const step = <T>(name: string, body: () => T): T => {
    onStep(name, index, steps);
    index += 1;
    const started = performance.now();
    try {
      return body();
    } finally {
      stepMs[name] = Math.round(performance.now() - started);
    }
  };
  // Versions and keys are deleted and re-inserted within the transaction; check references at commit.
  db.pragma('defer_foreign_keys = ON');
  step('scope', () => buildTouchedScope(db, watermarks));
  const scope = scopeCounts(db);
  step('calendar', () => {
    // Both edges of a table in one scan of what the run staged.
    const edges = (column: string, table: string, watermark: number): (string | null)[] => {
      const row = db.prepare(`SELECT min(substr(${column}, 1, 10)) AS lo, max(substr(${column}, 1, 10)) AS hi FROM ${table} WHERE stg_id > ?`).get(watermark) as
        | { lo: unknown; hi: unknown }
        | undefined;
      return [row?.lo, row?.hi].map((value) => (typeof value === 'string' ? value : null));
    };
    const [, lastReturn] = edges('returned_at', 'stg_returns', watermarks.returns);
    const [firstMovement] = edges('moved_at', 'stg_inventory_movements', watermarks.inventory_movements);
    // The last movement day comes from lastInventoryDay, which also knows the grid's end.
    extendCalendar(db, [...edges('created_at', 'stg_orders', watermarks.orders), lastReturn, firstMovement, lastInventoryDay(db, watermarks.inventory_movements)]);
  });
  step('dimensions', () => {
    upsertChannels(db, watermarks.orders);
    addDaysOfRegroupedCustomers(db);
    upsertCustomers(db);
  });
  const productVersions = step('products', () => rebuildProducts(db));
  const facts = step('orders', () => rebuildOrderFacts(db));
  step('versions', () => reresolveProductVersions(db));
  step('customers', () => {
    refreshFirstOrders(db);
    refreshCustomerOrderDates(db);
  });
  const reviews = step('reviews', () => rebuildReviews(db));
  const revenueDays = step('revenue', () => {
    analyzeScope(db, ['t_dates']);
    return rebuildRevenueDaily(db);
  });
  const inventory = step('inventory', () => {
    const rows = rebuildInventoryDaily(db, lastInventoryDay(db, watermarks.inventory_movements));
    return { rows, alerts: rebuildInventoryAlerts(db) };
  });
  const cohortRows = step('cohorts', () => rebuildCohortLtv(db));
  const touched = db.prepare<[], { lo: string | null; hi: string | null }>('SELECT min(date_key) AS lo, max(date_key) AS hi FROM t_dates').get();
  const aggregate = db.prepare<[], { lo: string | null; hi: string | null }>(AGGREGATE_DAY_BOUNDS).get();
  const refundOnlyDays = Number(db.prepare(`SELECT count(*) FROM (${REFUND_ONLY_DAYS}) WHERE date_key NOT IN (${AGGREGATE_DAYS})`).pluck().get());
  return {
    scope,
    ...facts,
    reviews,
    productVersions,
    inventoryRows: inventory.rows,
    alerts: inventory.alerts,
    revenueDays,
    cohortRows,
    touchedFrom: touched?.lo ?? null,
    touchedTo: touched?.hi ?? null,
    aggregateFrom: aggregate?.lo ?? null,
    aggregateTo: aggregate?.hi ?? null,
    aggregateDays: Number(db.prepare(`SELECT count(*) FROM (${AGGREGATE_DAYS})`).pluck().get()),
    refundOnlyDays,
    stepMs,
  };
}

/** Empties every dimension and fact, for a rebuild from staging. */
export function clearWarehouse(db: Db): void {
  db.pragma('defer_foreign_keys = ON');
  for (const table of [...WAREHOUSE_TABLES].reverse()) db.exec(`DELETE FROM ${table}`);
}
