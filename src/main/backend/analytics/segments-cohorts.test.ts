import { afterAll, describe, expect, it } from 'vitest';
import { cohortLtv, cohortRetention, monthIndex } from './cohorts';
import { ltvSegments } from './ltv-segments';
import { rfm } from './rfm';
import { daysBetween } from './scope';
import { isCountedStatus, lineNet } from './testing/fixture';
import { FixtureModel, type ExpectedFilters } from './testing/expectations';
import { sampleStore } from './testing/sample-store';
import { filters, seededWarehouse } from './testing/seeded-warehouse';

const spec = sampleStore({ customers: 60, orders: 500, days: 200 });
const model = new FixtureModel(spec);
const warehouse = seededWarehouse(spec);
afterAll(() => warehouse.dispose());
const dataEnd = spec.orders.filter((o) => o.currency === 'EUR' && isCountedStatus(o.status)).map((o) => o.date).sort().at(-1) ?? '';
const ALL: ExpectedFilters = { from: '2024-01-01', to: dataEnd, currency: 'EUR' };

function perCustomer(f: ExpectedFilters) {
  const out = new Map<string, { orders: number; net: number; last: string }>();
  for (const o of model.ordersIn(f)) {
    if (!o.customerId) continue;
    const refunds = spec.returns.filter((r) => r.orderId === o.id).reduce((s, r) => s + r.refundCents, 0);
    const e = out.get(o.customerId) ?? { orders: 0, net: 0, last: '' };
    e.orders += 1;
    e.net += o.lines.reduce((s, l) => s + lineNet(l), 0) - o.extraDiscountCents - refunds;
    e.last = o.date > e.last ? o.date : e.last;
    out.set(o.customerId, e);
  }
  return out;
}

/** Quintile by rank: the i-th of n (0-based, ascending) lands in NTILE(5) bucket… */
function quintile(rank: number, n: number): number {
  const base = Math.floor(n / 5);
  const larger = n % 5;
  let start = 0;
  for (let tile = 1; tile <= 5; tile++) {
    const size = base + (tile <= larger ? 1 : 0);
    if (rank < start + size) return tile;
    start += size;
  }
  return 5;
}

describe('RFM', () => {
  it('recency, frequency, monetary and quintile scores per customer', () => {
    const result = rfm(warehouse.db, filters(ALL), { limit: 1000 });
    const expected = perCustomer(ALL);
    expect(result.totalCustomers).toBe(expected.size);
    const ids = [...expected.keys()];
    const byRecency = [...ids].sort((a, b) => (expected.get(a)?.last ?? '').localeCompare(expected.get(b)?.last ?? '') || a.localeCompare(b));
    const byFrequency = [...ids].sort((a, b) => (expected.get(a)?.orders ?? 0) - (expected.get(b)?.orders ?? 0) || a.localeCompare(b));
    for (const [id, , recency, frequency, monetary, r, f] of result.customers.rows) {
      const e = expected.get(String(id));
      expect(recency).toBe(daysBetween(e?.last ?? '', dataEnd));
      expect(frequency).toBe(e?.orders);
      expect(monetary).toBeCloseTo((e?.net ?? NaN) / 100, 6);
      expect(r).toBe(quintile(byRecency.indexOf(String(id)), ids.length));
      expect(f).toBe(quintile(byFrequency.indexOf(String(id)), ids.length));
    }
    expect(result.segments.reduce((s, x) => s + x.customers, 0)).toBe(expected.size);
    const champions = result.customers.rows.filter((row) => row[8] === 'Champions');
    expect(champions.every((row) => row[5] === 5 && Number(row[6]) >= 4)).toBe(true);
  });
});

describe('LTV segments', () => {
  it('quantile thresholds are returned and every customer is in one tier', () => {
    const result = ltvSegments(warehouse.db, filters(ALL), {});
    const lifetimes = [...perCustomer({ ...ALL, from: '2000-01-01', to: '2100-01-01' }).values()].map((c) => c.net).sort((a, b) => a - b);
    const rank = (q: number): number => lifetimes[Math.ceil(q * lifetimes.length) - 1] ?? NaN;
    expect(result.thresholdSource).toBe('quantiles');
    expect(result.tiers.map((t) => t.minNetRevenue)).toEqual([null, rank(0.5) / 100, rank(0.8) / 100, rank(0.95) / 100]);
    expect(result.tiers.reduce((s, t) => s + t.customers, 0)).toBe(lifetimes.length);
    const platinum = lifetimes.filter((v) => v >= rank(0.95));
    expect(result.tiers[3]?.customers).toBe(platinum.length);
  });

  it('custom thresholds', () => {
    const result = ltvSegments(warehouse.db, filters(ALL), { thresholds: [100, 500, 1000] });
    const lifetimes = [...perCustomer({ ...ALL, from: '2000-01-01', to: '2100-01-01' }).values()].map((c) => c.net / 100);
    expect(result.thresholdSource).toBe('custom');
    expect(result.tiers.map((t) => t.customers)).toEqual([
      lifetimes.filter((v) => v < 100).length,
      lifetimes.filter((v) => v >= 100 && v < 500).length,
      lifetimes.filter((v) => v >= 500 && v < 1000).length,
      lifetimes.filter((v) => v >= 1000).length,
    ]);
  });
});

describe('cohorts', () => {
  it('retention matrix with unfinished months marked, not zero', () => {
    const result = cohortRetention(warehouse.db, filters(ALL), { maxOffset: 8 });
    const first = new Map<string, string>();
    const active = new Map<string, Set<string>>();
    for (const o of spec.orders) {
      if (!o.customerId || !isCountedStatus(o.status)) continue;
      const f = first.get(o.customerId);
      if (!f || o.date < f) first.set(o.customerId, o.date);
      if (o.currency !== 'EUR') continue;
      active.set(o.customerId, (active.get(o.customerId) ?? new Set()).add(o.date.slice(0, 7)));
    }
    const lastComplete = monthIndex(dataEnd.slice(0, 7)) - (dataEnd.endsWith('-31') || dataEnd.endsWith('-30') ? 0 : 1);
    for (const cohort of result.cohorts) {
      const members = [...active.keys()].filter((id) => first.get(id)?.slice(0, 7) === cohort.cohortMonth);
      expect(cohort.customers, cohort.cohortMonth).toBe(members.length);
      cohort.retention.forEach((value, offset) => {
        const month = monthIndex(cohort.cohortMonth) + offset;
        if (offset > 0 && month > lastComplete) {
          expect(value).toBeNull();
          expect(cohort.isComplete[offset]).toBe(false);
        } else {
          const retained = members.filter((id) => [...(active.get(id) ?? [])].some((m) => monthIndex(m) === month)).length;
          expect(value).toBeCloseTo(retained / members.length, 9);
        }
      });
    }
    expect(result.cohorts.length).toBeGreaterThan(3);
    expect(result.survival[0]?.share).toBe(1);
    expect(result.cohorts.some((c) => c.retention.includes(null))).toBe(true);
  });

  it('retention under a category and a channel filter counts only orders with lines in the category', () => {
    const f: ExpectedFilters = { ...ALL, category: ['Shoes'], channel: ['web'] };
    const result = cohortRetention(warehouse.db, filters(f), { maxOffset: 6 });
    const first = new Map<string, string>();
    for (const o of spec.orders) {
      if (!o.customerId || !isCountedStatus(o.status)) continue;
      const d = first.get(o.customerId);
      if (!d || o.date < d) first.set(o.customerId, o.date);
    }
    const active = new Map<string, Set<number>>();
    for (const o of model.ordersIn({ ...f, from: '2000-01-01', to: '2100-01-01' })) {
      if (!o.customerId) continue;
      active.set(o.customerId, (active.get(o.customerId) ?? new Set()).add(monthIndex(o.date.slice(0, 7))));
    }
    expect(result.cohorts.length).toBeGreaterThan(2);
    for (const cohort of result.cohorts) {
      const members = [...active.keys()].filter((id) => first.get(id)?.slice(0, 7) === cohort.cohortMonth);
      expect(cohort.customers, cohort.cohortMonth).toBe(members.length);
      const retained = members.filter((id) => active.get(id)?.has(monthIndex(cohort.cohortMonth) + 1)).length;
      if (cohort.isComplete[1]) expect(cohort.retention[1]).toBeCloseTo(retained / members.length, 9);
    }
  });

  it('cohort LTV reads fct_cohort_ltv and flags incomplete windows', () => {
    warehouse.db.prepare(
      `INSERT INTO fct_cohort_ltv VALUES ('2024-01', 30, 'EUR', 10, 4, 50000, 5000, 1), ('2024-01', 90, 'EUR', 10, 6, 80000, 8000, 0),
       ('2024-01', 30, 'USD', 3, 1, 9000, 3000, 1)`,
    ).run();
    const result = cohortLtv(warehouse.db, filters(ALL), {});
    expect(result.series.rows).toEqual([
      ['2024-01', 30, 10, 4, 0.4, 500, 50, true],
      ['2024-01', 90, 10, 6, 0.6, 800, 80, false],
    ]);
    expect(cohortLtv(warehouse.db, filters(ALL), { windowDays: 7 }).meta.emptyReason).toMatch(/No cohort LTV/);
  });
});
