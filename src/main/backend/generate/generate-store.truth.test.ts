import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_ENTITIES } from '../../../shared/data-contract/native-format';
import { generateStore } from './generate-store';
import { readLanding, toCents, type Landing, type LandingRow } from './landing-reader.testkit';
import type { MoneyTotals } from './truth';

/**
 * Recomputes the manifest's totals from the CSV files alone, with the rules written in
 * manifest.ts (latest ingested order row wins, counted = paid and not cancelled, 30-day refunds).
 */
const root = mkdtempSync(path.join(tmpdir(), 'storelens-gen-truth-'));
let landing: Landing;

beforeAll(async () => {
  const outDir = path.join(root, 'store');
  await generateStore({ outDir, customers: 300, products: 60, days: 120, start: '2024-09-01', seed: 5, noise: 0.05 });
  landing = readLanding(outDir);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isValid = (row: LandingRow): boolean => NATIVE_ENTITIES[row.entity].safeParse(row.record).success;
const DAY_MS = 86_400_000;

type Totals = MoneyTotals;
const empty = (): Totals => ({ grossCents: 0, discountCents: 0, taxCents: 0, shippingCents: 0, refundCents: 0, netCents: 0, orders: 0, units: 0 });

function recompute(l: Landing) {
  // Folders are sorted and rows kept in file order, so the last write is the latest ingested.
  const orders = new Map<string, Record<string, string>>();
  for (const row of l.rows.orders) if (isValid(row)) orders.set(row.record.order_id as string, row.record);
  const lines = new Map<string, Record<string, string>>();
  for (const row of l.rows.order_items) {
    if (!isValid(row) || !orders.has(row.record.order_id as string)) continue;
    const key = `${row.record.order_id}#${row.record.line_no}`;
    if (!lines.has(key)) lines.set(key, row.record);
  }
  const perDay = new Map<string, Totals>();
  const cell = (date: string, currency: string): Totals => {
    const key = `${date}|${currency}`;
    let t = perDay.get(key);
    if (!t) perDay.set(key, (t = empty()));
    return t;
  };
  const isCounted = (o: Record<string, string>): boolean => o.status !== 'cancelled' && (o.paid_at ?? '') !== '';
  const customers = new Set<string>();
  let counted = 0;
  for (const order of orders.values()) {
    if (!isCounted(order)) continue;
    counted += 1;
    customers.add(order.customer_id as string);
    const t = cell((order.created_at as string).slice(0, 10), order.currency as string);
    t.orders += 1;
    t.shippingCents += toCents(order.shipping as string);
  }
  for (const line of lines.values()) {
    const order = orders.get(line.order_id as string)!;
    if (!isCounted(order)) continue;
    const t = cell((order.created_at as string).slice(0, 10), order.currency as string);
    const quantity = Number(line.quantity);
    t.grossCents += quantity * toCents(line.unit_price as string);
    t.discountCents += toCents(line.line_discount as string);
    t.taxCents += toCents(line.line_tax as string);
    t.units += quantity;
  }
  const returns = { within30Days: 0, after30Days: 0, notDelivered: 0 };
  for (const row of l.rows.returns) {
    if (!isValid(row)) continue;
    const order = orders.get(row.record.order_id as string);
    const line = lines.get(`${row.record.order_id}#${row.record.line_no}`);
    if (!order || !line) continue;
    const returnedAt = row.record.returned_at as string;
    if (!order.delivered_at) {
      returns.notDelivered += 1;
      continue;
    }
    if (Date.parse(returnedAt) > Date.parse(order.delivered_at) + 30 * DAY_MS) {
      returns.after30Days += 1;
      continue;
    }
    returns.within30Days += 1;
    const quantity = Number(line.quantity);
    const lineNet = quantity * toCents(line.unit_price as string) - toCents(line.line_discount as string);
    cell(returnedAt.slice(0, 10), order.currency as string).refundCents += Math.round((lineNet * Number(row.record.quantity)) / quantity);
  }
  for (const t of perDay.values()) t.netCents = t.grossCents - t.discountCents - t.refundCents;
  return { perDay, counted, all: orders.size, customers: customers.size, returns };
}

describe('manifest totals', () => {
  it('equal an independent recomputation from the CSV files, per day and currency', () => {
    const truth = recompute(landing);
    const fromManifest = new Map(landing.manifest.totals.perDay.map(({ date, currency, ...t }) => [`${date}|${currency}`, t]));
    expect(fromManifest.size).toBeGreaterThan(100);
    expect(Object.fromEntries(fromManifest)).toEqual(Object.fromEntries(truth.perDay));
    expect(landing.manifest.totals.orders).toEqual({ all: truth.all, counted: truth.counted });
    expect(landing.manifest.totals.customers).toBe(truth.customers);
    const { total, ...returns } = landing.manifest.totals.returns;
    expect(returns).toEqual(truth.returns);
    expect(total).toBe(truth.returns.within30Days + truth.returns.after30Days + truth.returns.notDelivered);
  });

  it('has overall totals per currency that are the sum of the days, never mixing currencies', () => {
    const sums = new Map<string, Totals>();
    for (const { currency, date: _date, ...t } of landing.manifest.totals.perDay) {
      const s = sums.get(currency) ?? empty();
      for (const key of Object.keys(t) as (keyof Totals)[]) s[key] += t[key];
      sums.set(currency, s);
    }
    expect(landing.manifest.totals.overallByCurrency).toEqual(Object.fromEntries(sums));
    expect(Object.keys(landing.manifest.totals.overallByCurrency).sort()).toEqual(['CAD', 'EUR', 'GBP', 'USD']);
  });

  it('exercises every refund rule and cancellation path', () => {
    const truth = recompute(landing);
    expect(truth.returns.within30Days).toBeGreaterThan(0);
    expect(truth.returns.after30Days).toBeGreaterThan(0);
    expect(truth.counted).toBeLessThan(truth.all);
    const statuses = new Set([...recomputeFinalStatuses(landing)]);
    for (const status of ['paid', 'fulfilled', 'delivered', 'returned', 'cancelled']) expect(statuses).toContain(status);
  });
});

function recomputeFinalStatuses(l: Landing): Set<string> {
  const last = new Map<string, string>();
  for (const row of l.rows.orders) if (isValid(row)) last.set(row.record.order_id as string, row.record.status as string);
  return new Set(last.values());
}
