import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClvSummaryDto, CustomerRecommendationsDto, ForecastDto, ModelRunDto, ProductNeighborsDto, RulesPageDto, SegmentsDto } from '../../../../shared/contract/models';
import { unwrap } from '../../../../shared/result';
import { dispatch } from '../../dispatch';
import { createTempBackend, type TempBackend } from '../../testing/temp-backend';
import { insertFixture, simulateFixture, type Fixture } from '../testing/star-fixture';

let temp: TempBackend;
let fixture: Fixture;

async function call<T>(method: string, args: unknown): Promise<T> {
  return unwrap(await dispatch(temp.backend, method, args)) as T;
}

beforeAll(() => {
  temp = createTempBackend('storelens-models-');
  fixture = simulateFixture({ customers: 1500, seed: 17 });
  insertFixture(temp.backend.db, fixture);
});
afterAll(async () => {
  await temp.dispose();
});

const countedEur = () => fixture.orders.filter((o) => o.isCounted && o.currency === 'EUR' && o.customerKey !== null);
const productBaskets = () =>
  fixture.orders.filter((o) => o.isCounted).map((o) => [...new Set(o.lines.map((l) => l.sku).filter((sku) => !fixture.feeSkus.includes(sku)))]).filter((b) => b.length > 0);

describe('model jobs on a seeded warehouse', () => {
  it('trains recommendations, evaluates them, and serves the three lookups', async () => {
    const outcome = await temp.backend.jobs.run('model.recommend', {});
    const run = outcome.result as ModelRunDto;
    expect(run.status).toBe('succeeded');
    expect(run.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.dataFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(run.metrics).toMatchObject({ k: 10, testDays: 30 });
    expect(Number(run.metrics?.testCustomers)).toBeGreaterThan(0);

    const together = await call<ProductNeighborsDto>('models.boughtTogether', { sku: 'P000', k: 5 });
    expect(together.items[0]?.sku).toBe('P001');
    const baskets = productBaskets();
    const withP000 = baskets.filter((b) => b.includes('P000'));
    expect(together.items[0]?.score).toBeCloseTo(withP000.filter((b) => b.includes('P001')).length / withP000.length, 10);

    const similar = await call<ProductNeighborsDto>('models.similarProducts', { sku: 'P012', k: 5 });
    expect(similar.items.length).toBeGreaterThan(0);
    // P012 is in taste group 1 (P010–P019): its nearest neighbour is too. Postage never appears.
    expect(similar.items[0]!.sku.slice(0, 3)).toBe('P01');
    expect(similar.items.every((i) => i.sku !== 'POST')).toBe(true);

    // A customer whose unfiltered top-N contains an out-of-stock SKU shows the filter at work.
    let checked = 0;
    for (const customer of fixture.customers.slice(0, 40)) {
      const unfiltered = await call<CustomerRecommendationsDto>('models.recommendForCustomer', { customerId: customer.id, k: 10, excludeOutOfStock: false });
      if (!unfiltered.items.some((i) => fixture.available.get(i.sku) === 0)) continue;
      const owned = new Set(fixture.orders.filter((o) => o.customerKey === customer.key && o.isCounted).flatMap((o) => o.lines.map((l) => l.sku)));
      const recs = await call<CustomerRecommendationsDto>('models.recommendForCustomer', { customerId: customer.id, k: 10 });
      expect(recs.items).toHaveLength(10);
      expect(recs.excludedOutOfStock).toBeGreaterThan(0);
      for (const item of [...recs.items, ...unfiltered.items]) expect(owned.has(item.sku)).toBe(false);
      for (const item of recs.items) expect(fixture.available.get(item.sku)).toBeGreaterThan(0);
      // Filtering only removes: the in-stock items keep their unfiltered order.
      const inStock = unfiltered.items.filter((i) => fixture.available.get(i.sku)! > 0).map((i) => i.sku);
      expect(recs.items.map((i) => i.sku).slice(0, inStock.length)).toEqual(inStock);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);

    const latest = await call<ModelRunDto>('models.latestRun', { model: 'recommend' });
    expect(latest.runId).toBe(run.runId);
    expect(latest.isStale).toBe(false);
  });

  it('mines the rules that brute-force pair counting finds, and recovers the planted pair', async () => {
    const params = { minSupport: 0.004, minConfidence: 0.3, minLift: 1, maxLength: 2 };
    await temp.backend.jobs.run('model.rules', params);
    const page = await call<RulesPageDto>('models.rules', { limit: 1000 });
    const baskets = productBaskets();
    const n = baskets.length;
    const count = (items: string[]) => baskets.filter((b) => items.every((i) => b.includes(i))).length;
    let expected = 0;
    for (const a of fixture.skus) {
      for (const c of fixture.skus) {
        if (a === c) continue;
        const both = count([a, c]);
        if (both / n < params.minSupport) continue;
        const confidence = both / count([a]);
        if (confidence >= params.minConfidence && confidence / (count([c]) / n) >= params.minLift) expected += 1;
      }
    }
    expect(page.transactions).toBe(n);
    expect(page.total).toBe(expected);
    const planted = page.rules.find((r) => r.antecedent.join() === 'P000' && r.consequent === 'P001');
    expect(planted).toBeDefined();
    expect(planted!.confidence).toBeCloseTo(count(['P000', 'P001']) / count(['P000']), 12);
    expect(page.rules.slice(0, 3).some((r) => r === planted)).toBe(true);
    const filtered = await call<RulesPageDto>('models.rules', { sku: 'P001', minConfidence: 0.5, sortBy: 'confidence', limit: 5 });
    expect(filtered.rules.every((r) => (r.consequent === 'P001' || r.antecedent.includes('P001')) && r.confidence >= 0.5)).toBe(true);
  });

  it('fits CLV with a holdout and stores per-customer predictions', async () => {
    await temp.backend.jobs.run('model.clv', { calibrationEnd: '2024-07-01', timeUnit: 'weeks' });
    const summary = (await call<ClvSummaryDto | null>('models.clvSummary', {}))!;
    expect(summary.currency).toBe('EUR');
    const eurOrders = countedEur();
    // Historical CLV: net revenue to date, recomputed from the fixture, without the USD order.
    expect(summary.historicalRevenue).toBeCloseTo(eurOrders.reduce((s, o) => s + o.netCents, 0) / 100, 6);
    expect(summary.customers).toBe(new Set(eurOrders.map((o) => o.customerKey)).size);
    expect(summary.holdout.customers).toBe(new Set(eurOrders.filter((o) => o.date <= '2024-07-01').map((o) => o.customerKey)).size);
    for (const p of [...summary.bgNbd.parameters, ...summary.gammaGamma.parameters]) {
      expect(Number.isFinite(p.estimate)).toBe(true);
      expect(p.standardError === null || p.standardError > 0).toBe(true);
    }
    expect(summary.bgNbd.logLikelihood).toBeLessThan(0);
    // The model predicts holdout purchases better than the naive rate in aggregate.
    expect(Math.abs(summary.holdout.model.aggregateError)).toBeLessThan(Math.abs(summary.holdout.baseline.aggregateError));
    const top = summary.topCustomers[0]!;
    const one = await call<ClvSummaryDto['topCustomers'][number]>('models.customerClv', { customerId: top.customerId });
    expect(one.clv).toBe(top.clv);
    // Predictions carry the customer's current name, joined by key at read time.
    temp.backend.db.prepare("UPDATE dim_customer SET name = 'Ada Lovelace' WHERE customer_id = ?").run(top.customerId);
    expect((await call<ClvSummaryDto['topCustomers'][number]>('models.customerClv', { customerId: top.customerId })).name).toBe('Ada Lovelace');
    expect((await call<ClvSummaryDto | null>('models.clvSummary', {}))!.topCustomers[0]!.name).toBe('Ada Lovelace');
    expect(one.pAlive).toBeGreaterThan(0);
    expect(one.pAlive).toBeLessThanOrEqual(1);
  });

  it('segments customers deterministically with silhouettes per k', async () => {
    await temp.backend.jobs.run('model.segments', {});
    const first = (await call<SegmentsDto | null>('models.segments', {}))!;
    await temp.backend.jobs.run('model.segments', {});
    const second = (await call<SegmentsDto | null>('models.segments', {}))!;
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(second.segments).toEqual(first.segments);
    expect(first.silhouettes.map((s) => s.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(first.segments.reduce((s, g) => s + g.size, 0)).toBe(new Set(countedEur().map((o) => o.customerKey)).size);
    expect(first.segments.reduce((s, g) => s + g.revenueShare, 0)).toBeCloseTo(1, 10);
    expect(new Set(first.segments.map((s) => s.name)).size).toBe(first.k);
  });

  it('forecasts daily and monthly revenue with a backtest and nested intervals', async () => {
    await temp.backend.jobs.run('model.forecast', { grain: 'day', horizon: 14 });
    await temp.backend.jobs.run('model.forecast', { grain: 'month' });
    const day = (await call<ForecastDto | null>('models.forecast', { grain: 'day' }))!;
    const month = (await call<ForecastDto | null>('models.forecast', { grain: 'month' }))!;
    expect(day.grain).toBe('day');
    expect(month.grain).toBe('month');
    const future = day.series.rows.filter((r) => r[1] === null);
    expect(future).toHaveLength(14);
    for (const [, , f, lo80, hi80, lo95, hi95] of future as number[][]) {
      expect(lo95).toBeLessThanOrEqual(lo80!);
      expect(lo80).toBeLessThanOrEqual(f!);
      expect(hi80).toBeGreaterThanOrEqual(f!);
      expect(hi95).toBeGreaterThanOrEqual(hi80!);
    }
    expect(day.backtest.scores.map((s) => s.method)).toContain('seasonal_naive');
    // The daily actuals are the counted EUR net revenue of each day.
    const lastActual = day.series.rows.filter((r) => r[1] !== null).at(-1)!;
    const expected = countedEur().filter((o) => o.date === lastActual[0]).reduce((s, o) => s + o.netCents, 0) / 100;
    expect(lastActual[1]).toBeCloseTo(expected, 6);
    // Months are whole calendar months only.
    expect(month.series.rows.filter((r) => r[1] !== null).every((r) => /^\d{4}-\d{2}$/.test(String(r[0])))).toBe(true);
  });

  it('marks runs stale when the data changes, and records a cancelled run', async () => {
    temp.backend.db
      .prepare(
        `INSERT INTO fct_orders (order_id, customer_key, status, order_date, created_at, currency, gross_cents, discount_cents, tax_cents,
           shipping_cents, net_cents, units, line_count, is_counted, ingested_at)
         VALUES ('late', 1, 'paid', '2025-01-01', '2025-01-01T00:00:00Z', 'EUR', 100, 0, 0, 0, 100, 1, 0, 1, '2031-01-01T00:00:00Z')`,
      )
      .run();
    expect((await call<ModelRunDto>('models.latestRun', { model: 'recommend' })).isStale).toBe(true);

    const t = temp;
    const { jobId, done } = t.backend.jobs.start('model.clv', { calibrationEnd: '2024-07-01', timeUnit: 'days' });
    await new Promise<void>((resolve) => {
      const off = t.backend.events.subscribe((e) => {
        if (e.name === 'job.progress' && e.payload.jobId === jobId && e.payload.phase.startsWith('fitting')) {
          off();
          resolve();
        }
      });
    });
    t.backend.jobs.cancel(jobId);
    await expect(done).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    const runs = await call<ModelRunDto[]>('models.runs', { model: 'clv', limit: 1 });
    expect(runs[0]!.status).toBe('cancelled');
    const rows = t.backend.db.prepare('SELECT count(*) AS n FROM model_clv_customers WHERE run_id = ?').get(runs[0]!.runId) as { n: number };
    expect(rows.n).toBe(0);
  });
});
