import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { generateStore, type GenerateSummary, type StoreManifest } from '../generate';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import { overview } from './overview';
import { readFileSync } from 'node:fs';

/**
 * The whole chain on a generated demo store: the generator writes landing folders (with its
 * injected noise: duplicates, re-sent status updates, invalid rows) and a manifest of exact
 * per-day-and-currency totals; the real import job loads them through the worker; the Overview
 * KPIs over the whole range must equal the manifest to the cent, per currency.
 */
let temp: TempBackend;
let manifest: StoreManifest;
let summary: GenerateSummary;

beforeAll(async () => {
  temp = createTempBackend('storelens-analytics-manifest-');
  const landing = path.join(temp.dir, 'landing');
  summary = await generateStore(
    { outDir: landing, customers: 400, products: 80, days: 90, seed: 20240601, noise: 0.03 },
    { progress: () => undefined, throwIfCancelled: () => undefined },
  );
  manifest = JSON.parse(readFileSync(path.join(landing, 'manifest.json'), 'utf8')) as StoreManifest;
  await temp.backend.jobs.run('import.landing', { folder: landing });
}, 240_000);

afterAll(async () => {
  await temp.dispose();
});

const cents = (units: number | null | undefined): number => Math.round(Number(units) * 100);

describe('Overview KPIs on a generated, imported demo store', () => {
  it('the store is multi-currency and has injected noise', () => {
    expect(Object.keys(manifest.totals.overallByCurrency).length).toBeGreaterThanOrEqual(2);
    expect(manifest.injected.invalid.total + manifest.injected.duplicates.total).toBeGreaterThan(0);
    expect(summary.lines).toBeGreaterThan(1000);
  });

  it('equal the manifest totals exactly, per currency, over the whole range', () => {
    const days = manifest.totals.perDay.map((d) => d.date).sort();
    const range = { from: days[0] ?? '', to: days.at(-1) ?? '' };
    for (const [currency, totals] of Object.entries(manifest.totals.overallByCurrency)) {
      const result = overview(temp.backend.db, FiltersSchema.parse({ ...range, currency, compare: 'none' }));
      expect(result.meta.emptyReason, currency).toBeNull();
      const kpi = Object.fromEntries(result.kpis.map((k) => [k.metricId, k.value]));
      expect(
        {
          gross: cents(kpi.gross_sales), discounts: cents(kpi.discounts), refunds: cents(kpi.refunds), taxes: cents(kpi.taxes),
          shipping: cents(kpi.shipping), net: cents(kpi.net_sales), orders: kpi.orders, units: kpi.units,
        },
        currency,
      ).toEqual({
        gross: totals.grossCents, discounts: totals.discountCents, refunds: totals.refundCents, taxes: totals.taxCents,
        shipping: totals.shippingCents, net: totals.netCents, orders: totals.orders, units: totals.units,
      });
      expect(cents(kpi.total_sales), currency).toBe(totals.netCents + totals.taxCents + totals.shippingCents);
      expect(totals.orders * totals.refundCents, `${currency} has orders and refunds`).toBeGreaterThan(0);
    }
  });

  it('counts each buying customer once across currencies and days', () => {
    const days = manifest.totals.perDay.map((d) => d.date).sort();
    const customers = Object.keys(manifest.totals.overallByCurrency).map((currency) => {
      const result = overview(temp.backend.db, FiltersSchema.parse({ from: days[0], to: days.at(-1), currency, compare: 'none' }));
      return Number(result.kpis.find((k) => k.metricId === 'customers')?.value);
    });
    // Customers are per currency; one customer buys in one region's currency, so the sum is the manifest's distinct count.
    expect(customers.reduce((a, b) => a + b, 0)).toBe(manifest.totals.customers);
    // Over the whole history every customer's first order is in the range: all are new.
    const usd = overview(temp.backend.db, FiltersSchema.parse({ from: days[0], to: days.at(-1), currency: 'USD', compare: 'none' }));
    const value = (id: string): unknown => usd.kpis.find((k) => k.metricId === id)?.value;
    expect(value('new_customers')).toBe(value('customers'));
  });
});
