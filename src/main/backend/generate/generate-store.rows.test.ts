import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_ENTITIES, type NativeEntity } from '../../../shared/data-contract/native-format';
import { generateStore } from './generate-store';
import { readLanding, type Landing, type LandingRow } from './landing-reader.testkit';

const root = mkdtempSync(path.join(tmpdir(), 'storelens-gen-rows-'));
let landing: Landing;

beforeAll(async () => {
  const outDir = path.join(root, 'store');
  // Reviews are rare (~0.2 per customer here) and have 4 invalid kinds: 600 customers at 20% noise
  // expect ~6 out_of_range rows, so "every kind appears" does not hang on a lucky draw.
  await generateStore({ outDir, customers: 600, products: 60, days: 120, start: '2024-09-01', seed: 9, noise: 0.2 });
  landing = readLanding(outDir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isValid = (row: LandingRow): boolean => NATIVE_ENTITIES[row.entity].safeParse(row.record).success;
type Counts = Record<string, Partial<Record<NativeEntity, number>>>;

function bump(counts: Counts, folder: string, entity: NativeEntity): void {
  const f = (counts[folder] ??= {});
  f[entity] = (f[entity] ?? 0) + 1;
}

describe('generated rows', () => {
  it('fail the native schemas exactly where the manifest says invalid rows were injected', () => {
    const failing: Counts = {};
    for (const rows of Object.values(landing.rows)) for (const row of rows) if (!isValid(row)) bump(failing, row.folder, row.entity);
    const expected: Counts = {};
    for (const [folder, entities] of Object.entries(landing.manifest.injected.invalid.byFolder)) {
      for (const [entity, kinds] of Object.entries(entities) as [NativeEntity, Record<string, number>][]) {
        for (const [kind, n] of Object.entries(kinds)) {
          if (kind === 'orphan_fk') continue;
          const f = (expected[folder] ??= {});
          f[entity] = (f[entity] ?? 0) + n;
        }
      }
    }
    expect(Object.keys(failing).length).toBeGreaterThan(20);
    expect(failing).toEqual(expected);
    const kinds = Object.keys(landing.manifest.injected.invalid.byKind).sort();
    expect(kinds).toEqual(['malformed_date', 'malformed_number', 'missing_required', 'negative_quantity', 'orphan_fk', 'out_of_range', 'unknown_enum']);
  });

  it('contains orphan rows (well-formed, unknown parent) exactly as counted', () => {
    const valid = (entity: NativeEntity): LandingRow[] => landing.rows[entity].filter(isValid);
    const orderIds = new Set(valid('orders').map((r) => r.record.order_id));
    const skus = new Set(valid('products').map((r) => r.record.sku));
    const orphans: Counts = {};
    for (const row of valid('order_items')) if (!orderIds.has(row.record.order_id)) bump(orphans, row.folder, 'order_items');
    for (const row of valid('returns')) if (!orderIds.has(row.record.order_id)) bump(orphans, row.folder, 'returns');
    for (const row of valid('reviews')) if (!skus.has(row.record.sku)) bump(orphans, row.folder, 'reviews');
    for (const row of valid('inventory_movements')) if (!skus.has(row.record.sku)) bump(orphans, row.folder, 'inventory_movements');
    const expected: Counts = {};
    for (const [folder, entities] of Object.entries(landing.manifest.injected.invalid.byFolder)) {
      for (const [entity, kinds] of Object.entries(entities) as [NativeEntity, Record<string, number>][]) {
        if (kinds.orphan_fk) (expected[folder] ??= {})[entity] = kinds.orphan_fk;
      }
    }
    expect(orphans).toEqual(expected);
    // Real rows reference only real parents: customers of orders exist.
    const customerIds = new Set(valid('customers').map((r) => r.record.customer_id));
    for (const row of valid('orders')) expect(customerIds.has(row.record.customer_id)).toBe(true);
  });

  it('re-sends orders in later folders with advancing state, counted as the manifest says', () => {
    const seen = new Map<string, Record<string, string>>();
    const rank = { created: 0, paid: 1, fulfilled: 2, delivered: 3, returned: 4, cancelled: 4 } as Record<string, number>;
    const resent: Record<string, { status_update?: number; exact_repeat?: number }> = {};
    for (const row of landing.rows.orders.filter(isValid)) {
      const r = row.record;
      const before = seen.get(r.order_id as string);
      if (!before) {
        expect(row.folder).toBe((r.created_at as string).slice(0, 10));
      } else {
        const kind = JSON.stringify(before) === JSON.stringify(r) ? 'exact_repeat' : 'status_update';
        const f = (resent[row.folder] ??= {});
        f[kind] = (f[kind] ?? 0) + 1;
        expect(row.folder > (before.created_at as string).slice(0, 10)).toBe(true);
        expect(rank[r.status as string]).toBeGreaterThanOrEqual(rank[before.status as string] as number);
        expect((r.updated_at as string) >= (before.updated_at as string)).toBe(true);
      }
      seen.set(r.order_id as string, r);
    }
    expect(resent).toEqual(landing.manifest.injected.duplicates.byFolder);
    expect(landing.manifest.injected.duplicates.byKind.exact_repeat).toBeGreaterThan(0);
  });

  it('keeps timestamps ordered and every row in the folder of its own date', () => {
    const final = new Map<string, Record<string, string>>();
    for (const row of landing.rows.orders.filter(isValid)) final.set(row.record.order_id as string, row.record);
    for (const o of final.values()) {
      const chain = [o.created_at, o.paid_at, o.fulfilled_at, o.delivered_at].filter((t): t is string => Boolean(t));
      expect([...chain].sort()).toEqual(chain);
      if (o.cancelled_at) expect(o.cancelled_at >= (o.created_at as string)).toBe(true);
      if (o.delivered_at) expect(o.fulfilled_at).not.toBe('');
      expect((o.updated_at as string) >= chain.at(-1)!).toBe(true);
    }
    const check = (entity: NativeEntity, field: string): void => {
      for (const row of landing.rows[entity].filter(isValid)) expect((row.record[field] as string).slice(0, 10)).toBe(row.folder);
    };
    check('returns', 'returned_at');
    check('reviews', 'reviewed_at');
    check('inventory_movements', 'moved_at');
    check('customers', 'signup_date');
    check('products', 'updated_at');
    for (const row of landing.rows.returns.filter(isValid)) {
      const order = final.get(row.record.order_id as string);
      if (!order) continue;
      expect((row.record.returned_at as string) > (order.delivered_at || (order.fulfilled_at as string))).toBe(true);
    }
    const signup = new Map(landing.rows.customers.filter(isValid).map((r) => [r.record.customer_id, r.record.updated_at as string]));
    for (const o of final.values()) expect(signup.get(o.customer_id)! <= (o.created_at as string)).toBe(true);
  });

  it('writes a later products row with a later updated_at for price changes (SCD-2)', () => {
    const bySku = new Map<string, Record<string, string>[]>();
    for (const row of landing.rows.products.filter(isValid)) bySku.set(row.record.sku as string, [...(bySku.get(row.record.sku as string) ?? []), row.record]);
    const changed = [...bySku.values()].filter((versions) => versions.length > 1);
    expect(changed.length).toBe(new Set(landing.manifest.catalog.priceChanges.map((c) => c.sku)).size);
    for (const versions of changed) {
      expect((versions[1]!.updated_at as string) > (versions[0]!.updated_at as string)).toBe(true);
      expect(versions[1]!.reorder_point).toBe(versions[0]!.reorder_point);
    }
  });
});
