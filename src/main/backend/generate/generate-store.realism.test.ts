import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_ENTITIES } from '../../../shared/data-contract/native-format';
import { generateStore } from './generate-store';
import { readLanding, type Landing, type LandingRow } from './landing-reader.testkit';

/** A mid-size year-long store: enough volume for seasonality, baskets and stock to show. */
const root = mkdtempSync(path.join(tmpdir(), 'storelens-gen-real-'));
const TARGET_LINES = 40_000;
let landing: Landing;

beforeAll(async () => {
  const outDir = path.join(root, 'store');
  await generateStore({ outDir, customers: 3_000, products: 200, days: 366, start: '2024-01-01', seed: 21, lines: TARGET_LINES });
  landing = readLanding(outDir);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isValid = (row: LandingRow): boolean => NATIVE_ENTITIES[row.entity].safeParse(row.record).success;

function validOrderIds(): Set<string> {
  return new Set(landing.rows.orders.filter(isValid).map((r) => r.record.order_id as string));
}

describe('planted realism', () => {
  it('hits the target line count within 5%', () => {
    const ids = validOrderIds();
    const lines = landing.rows.order_items.filter((r) => isValid(r) && ids.has(r.record.order_id as string)).length;
    expect(Math.abs(lines / TARGET_LINES - 1)).toBeLessThan(0.05);
    expect(landing.manifest.models.calibration.writtenLines).toBe(lines);
  });

  it('peaks in November–December, as planted', () => {
    const perMonth = new Array<number>(12).fill(0);
    const firstSeen = new Set<string>();
    for (const row of landing.rows.orders.filter(isValid)) {
      if (firstSeen.has(row.record.order_id as string)) continue;
      firstSeen.add(row.record.order_id as string);
      perMonth[Number((row.record.created_at as string).slice(5, 7)) - 1]! += 1;
    }
    const peak = (perMonth[10]! + perMonth[11]!) / 2;
    const rest = perMonth.slice(1, 10).reduce((a, b) => a + b, 0) / 9;
    expect(peak / rest).toBeGreaterThan(1.3);
  });

  it('shows planted affinity pairs with lift well above 1 in the baskets', () => {
    const ids = validOrderIds();
    const baskets = new Map<string, Set<string>>();
    for (const row of landing.rows.order_items) {
      if (!isValid(row) || !ids.has(row.record.order_id as string)) continue;
      const basket = baskets.get(row.record.order_id as string) ?? new Set<string>();
      basket.add(row.record.sku as string);
      baskets.set(row.record.order_id as string, basket);
    }
    const n = baskets.size;
    const support = (skus: string[]): number => [...baskets.values()].filter((b) => skus.every((s) => b.has(s))).length / n;
    const pairs = landing.manifest.affinities.sets.filter((s) => s.skus.length === 2);
    expect(pairs.length).toBe(8);
    for (const pair of pairs) {
      const [a, b] = pair.skus as [string, string];
      const lift = support([a, b]) / (support([a]) * support([b]));
      expect(lift).toBeGreaterThan(5);
      expect(lift / pair.intendedLift).toBeGreaterThan(0.5);
      expect(lift / pair.intendedLift).toBeLessThan(2);
    }
  });

  it('gives buyers a taste: their lines concentrate in one or two categories, as the manifest plants', () => {
    const { taste, models } = landing.manifest;
    expect(taste.buyersWithOneCategory + taste.buyersWithTwoCategories).toBe(models.buyers);
    expect(taste.byCategory.reduce((sum, c) => sum + c.first, 0)).toBe(models.buyers);
    const categoryOf = new Map(landing.rows.products.filter(isValid).map((r) => [r.record.sku as string, r.record.category as string]));
    const customerOf = new Map(landing.rows.orders.filter(isValid).map((r) => [r.record.order_id as string, r.record.customer_id as string]));
    const linesByCustomer = new Map<string, Map<string, number>>();
    for (const row of landing.rows.order_items) {
      const customer = customerOf.get(row.record.order_id as string);
      const category = categoryOf.get(row.record.sku as string);
      if (!isValid(row) || !customer || !category) continue;
      const counts = linesByCustomer.get(customer) ?? new Map<string, number>();
      counts.set(category, (counts.get(category) ?? 0) + 1);
      linesByCustomer.set(customer, counts);
    }
    // Share of a buyer's lines in their top two categories. Without taste, 8+ lines spread over
    // 10 categories (largest weight 0.2) put about half there; with it, most lines are there.
    const shares: number[] = [];
    for (const counts of linesByCustomer.values()) {
      const values = [...counts.values()].sort((a, b) => b - a);
      const total = values.reduce((a, b) => a + b, 0);
      if (total >= 8) shares.push(((values[0] ?? 0) + (values[1] ?? 0)) / total);
    }
    expect(shares.length).toBeGreaterThan(300);
    const meanShare = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(meanShare).toBeGreaterThan(0.7);
    expect(taste.tasteLines / landing.manifest.models.calibration.writtenLines).toBeGreaterThan(0.5);
  });

  it('has returns on both sides of the 30-day rule and lower ratings after returns', () => {
    const { returns } = landing.manifest.totals;
    expect(returns.within30Days).toBeGreaterThan(100);
    expect(returns.after30Days).toBeGreaterThan(20);
    expect(landing.manifest.reviews.meanRatingReturnedLines).toBeLessThan(landing.manifest.reviews.meanRatingKeptLines - 1.5);
  });

  it('recomputes the at-risk SKUs, first dates and alerts from the movements and reorder points', () => {
    const reorderPoint = new Map<string, number>();
    for (const row of landing.rows.products.filter(isValid)) reorderPoint.set(row.record.sku as string, Number(row.record.reorder_point));
    const onHand = new Map<string, number>();
    const allocated = new Map<string, number>();
    const state = new Map<string, { first: string; alerts: number; days: number; isAtRisk: boolean }>();
    let negativeOnHand = 0;
    const movementsByDay = new Map<string, Record<string, string>[]>();
    for (const row of landing.rows.inventory_movements.filter(isValid)) {
      if (!reorderPoint.has(row.record.sku as string)) continue;
      movementsByDay.set(row.folder, [...(movementsByDay.get(row.folder) ?? []), row.record]);
    }
    for (const day of landing.folders) {
      for (const m of movementsByDay.get(day) ?? []) {
        const target = m.kind === 'allocation' || m.kind === 'release' ? allocated : onHand;
        target.set(m.sku as string, (target.get(m.sku as string) ?? 0) + Number(m.quantity));
      }
      for (const [sku, rop] of reorderPoint) {
        if ((onHand.get(sku) ?? 0) < 0) negativeOnHand += 1;
        const isAtRisk = (onHand.get(sku) ?? 0) - (allocated.get(sku) ?? 0) < rop;
        const s = state.get(sku) ?? { first: '', alerts: 0, days: 0, isAtRisk: false };
        if (isAtRisk) {
          s.days += 1;
          if (!s.isAtRisk) s.alerts += 1;
          if (!s.first) s.first = day;
        }
        s.isAtRisk = isAtRisk;
        state.set(sku, s);
      }
    }
    const recomputed = [...state].filter(([, s]) => s.first).map(([sku, s]) => ({ sku, firstDate: s.first, alerts: s.alerts, daysAtRisk: s.days }));
    const planted = landing.manifest.inventory.atRiskSkus.map(({ isPlanted: _p, ...rest }) => rest);
    expect(recomputed.sort((a, b) => a.sku.localeCompare(b.sku))).toEqual(planted);
    expect(planted.length).toBeGreaterThanOrEqual(5);
    expect(landing.manifest.inventory.atRiskSkus.filter((s) => s.isPlanted).length).toBeGreaterThanOrEqual(5);
    expect(planted.length).toBeLessThan(reorderPoint.size / 2);
    // Stock a shop does not have is never shipped: end-of-day on-hand is never below zero.
    expect(negativeOnHand).toBe(0);
  });
});
