import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NativeEntity } from '../../../shared/data-contract/native-format';
import { aggregateSnapshot } from '../analytics/testing/aggregate-snapshot';
import { seededRandom } from '../analytics/testing/sample-store';
import { openWarehouse, type Db } from '../db/open';
import { runImport } from './import-run';
import { rebuildFromStaging } from './rebuild';
import { latestStaged, resentRow, writeDrop } from './testing/drops';
import { filesOfDays, generateSmallStore, type GeneratedStore } from './testing/generated-store';
import { warehouseChecksums } from './testing/warehouse-checksum';

/**
 * Incremental imports against a rebuild, with the late corrections a real shop sends mixed into
 * its new days: customers moving region and segment, products re-categorised or re-priced in the
 * past, orders cancelled or moved to another channel, customer or day, order lines corrected, late returns, stock
 * counts corrected back in time. The picks come from a seeded
 * generator, so every run checks the same cases and a failure can be replayed.
 */

let store: GeneratedStore;
let db: Db;
const FIRST_DAYS = 30;
/** One kind of correction per round, so each one's reach is tested alone, not hidden by another's. */
const KINDS = ['products', 'customers', 'orders', 'order_items', 'returns', 'inventory_movements'] as const;
const ROUNDS = KINDS.length;
const DAYS_PER_ROUND = 3;

beforeAll(async () => {
  store = await generateSmallStore(11, FIRST_DAYS + ROUNDS * DAYS_PER_ROUND);
  db = openWarehouse(path.join(store.dir, 'warehouse.sqlite'));
  await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(0, FIRST_DAYS)) });
});

afterAll(() => {
  db.close();
  rmSync(store.dir, { recursive: true, force: true });
});

const column = (sql: string): string[] => db.prepare(sql).pluck().all() as string[];

type Pick = <T>(items: readonly T[]) => T;

/** Three customers re-sent with another region and segment. */
function movedCustomers(pick: Pick, at: string): string[][] {
  const regions = column("SELECT DISTINCT region FROM dim_customer WHERE region IS NOT NULL AND region <> '' ORDER BY 1");
  const segments = column("SELECT DISTINCT segment FROM dim_customer WHERE segment IS NOT NULL AND segment <> '' ORDER BY 1");
  const buyers = column('SELECT c.customer_id FROM dim_customer c WHERE EXISTS (SELECT 1 FROM fct_orders o WHERE o.customer_key = c.customer_key) ORDER BY 1');
  return [0, 1, 2].map(() =>
    resentRow('customers', latestStaged(db, 'customers', 'customer_id = ?', pick(buyers)), { region: pick(regions), segment: pick(segments), updated_at: at }),
  );
}

/** Sold SKUs re-categorised, re-priced and given a higher reorder point, each from an instant between its first and last sale. */
function revisedProducts(pick: Pick, random: () => number): string[][] {
  const sold = db
    .prepare<[], { sku: string; first: string; last: string }>(
      `SELECT i.sku, min(o.created_at) AS first, max(o.created_at) AS last FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key
       WHERE o.is_counted = 1 GROUP BY i.sku HAVING count(*) >= 3 ORDER BY i.sku`,
    )
    .all();
  const pastInstant = (s: { first: string; last: string }): string =>
    new Date(Date.parse(s.first) + random() * (Date.parse(s.last) - Date.parse(s.first))).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const recategorised = pick(sold);
  const repriced = pick(sold);
  const restocked = pick(sold);
  const repricedRow = latestStaged(db, 'products', 'sku = ?', repriced.sku);
  const restockedRow = latestStaged(db, 'products', 'sku = ?', restocked.sku);
  return [
    resentRow('products', latestStaged(db, 'products', 'sku = ?', recategorised.sku), { category: pick(['Garden', 'Outlet', 'Books']), updated_at: pastInstant(recategorised) }),
    resentRow('products', restockedRow, { reorder_point: Number(restockedRow.reorder_point) * 3 + 20, updated_at: pastInstant(restocked) }),
    resentRow('products', repricedRow, {
      cost: ((Number(repricedRow.cost_cents) + 123) / 100).toFixed(2),
      list_price: ((Number(repricedRow.list_price_cents) + 200) / 100).toFixed(2),
      updated_at: pastInstant(repriced),
    }),
  ];
}

/** Counted orders re-sent: two cancelled, one moved to another channel, one to another customer, one three days earlier. */
function revisedOrders(pick: Pick, at: string): string[][] {
  const counted = column('SELECT order_id FROM fct_orders WHERE is_counted = 1 ORDER BY 1');
  const channels = column('SELECT DISTINCT channel FROM stg_orders ORDER BY 1');
  const customers = column('SELECT customer_id FROM dim_customer ORDER BY 1');
  const resend = (changes: (staged: Record<string, unknown>) => Record<string, string>): string[] => {
    const staged = latestStaged(db, 'orders', 'order_id = ?', pick(counted));
    return resentRow('orders', staged, { ...changes(staged), updated_at: at });
  };
  const earlier = (instant: unknown): string => new Date(Date.parse(String(instant)) - 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    resend(() => ({ status: 'cancelled', cancelled_at: at })),
    resend(() => ({ status: 'cancelled', cancelled_at: at })),
    resend(() => ({ channel: pick(channels) })),
    resend(() => ({ customer_id: pick(customers) })),
    resend((staged) => ({ created_at: earlier(staged.created_at) })),
  ];
}

/** Two delivered lines returned late (within 30 days of delivery or not). */
function lateReturns(pick: Pick, at: string): string[][] {
  const returnable = db
    .prepare<[], { order_id: string; line_no: number }>(
      `SELECT i.order_id, i.line_no FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key
       WHERE o.delivered_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fct_returns r WHERE r.order_key = i.order_key AND r.line_no = i.line_no)
       ORDER BY 1, 2`,
    )
    .all();
  return [0, 1].map(() => {
    const line = pick(returnable);
    return [line.order_id, String(line.line_no), '1', at, 'late return', ''];
  });
}

/** Two lines of counted orders re-sent with one more unit. */
function correctedLines(pick: Pick): string[][] {
  const lines = db
    .prepare<[], { order_id: string; line_no: number }>(
      'SELECT i.order_id, i.line_no FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key WHERE o.is_counted = 1 ORDER BY 1, 2',
    )
    .all();
  return [0, 1].map(() => {
    const line = pick(lines);
    const staged = latestStaged(db, 'order_items', 'order_id = ? AND line_no = ?', line.order_id, line.line_no);
    return resentRow('order_items', staged, { quantity: Number(staged.quantity) + 1 });
  });
}

/** Stock counts corrected on past days: a large loss for one SKU, a find for another. */
function backdatedAdjustments(pick: Pick): string[][] {
  const days = column('SELECT DISTINCT date_key FROM fct_inventory_daily ORDER BY 1');
  const skus = column('SELECT DISTINCT sku FROM fct_inventory_daily ORDER BY 1');
  return [-400, 250].map((quantity) => [pick(skus), `${pick(days)}T12:00:00Z`, 'adjustment', String(quantity)]);
}

/** One round's corrections of one kind, stamped `at` (the round's last day, late evening). */
function corrections(random: () => number, at: string, kind: (typeof KINDS)[number]): Partial<Record<NativeEntity, string[][]>> {
  const pick: Pick = (items) => items[Math.floor(random() * items.length)] as (typeof items)[number];
  switch (kind) {
    case 'customers':
      return { customers: movedCustomers(pick, at) };
    case 'products':
      return { products: revisedProducts(pick, random) };
    case 'orders':
      return { orders: revisedOrders(pick, at) };
    case 'order_items':
      return { order_items: correctedLines(pick) };
    case 'returns':
      return { returns: lateReturns(pick, at) };
    case 'inventory_movements':
      return { inventory_movements: backdatedAdjustments(pick) };
  }
}

describe('late corrections mixed into nightly runs', () => {
  it('leave facts and aggregates exactly as a rebuild from staging makes them, round after round', async () => {
    const random = seededRandom(20261205);
    for (let round = 0; round < ROUNDS; round += 1) {
      const days = store.days.slice(FIRST_DAYS + round * DAYS_PER_ROUND, FIRST_DAYS + (round + 1) * DAYS_PER_ROUND);
      const at = `${days.at(-1)}T22:00:00Z`;
      const kind = KINDS[round] ?? 'orders';
      const fixes = writeDrop(path.join(store.dir, `corrections-${round}`), corrections(random, at, kind));
      const run = await runImport(db, { kind: 'files', source: store.dir, files: [...filesOfDays(store, days), ...fixes] });
      // Every correction is taken, none quarantined: else the round would test nothing.
      const fixFiles = run.files.filter((f) => fixes.includes(f.path));
      expect(fixFiles).toHaveLength(fixes.length);
      for (const file of fixFiles) expect(file.rowsLoaded, `${kind}: ${file.path}`).toBe(file.rowsRead);
      expect(run.transform?.touchedFrom).not.toBeNull();
      const facts = warehouseChecksums(db);
      const aggregates = aggregateSnapshot(db);
      rebuildFromStaging(db);
      expect(warehouseChecksums(db)).toEqual(facts);
      expect(aggregateSnapshot(db)).toEqual(aggregates);
    }
  });
});
