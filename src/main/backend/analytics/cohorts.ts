import type { CohortLtvResult, CohortRetentionResult, ParsedFilters } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerMask, readDaySets } from './day-sets';
import { addDays, metaOf, resolveScope, toUnits, type Scope } from './scope';

export function monthIndex(yearMonth: string): number {
  return Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;
}

/**
 * The last month whose every day is covered by the data: cells after it are not over yet and
 * are shown as unfinished (null), never as 0 retention.
 */
export function lastCompleteMonth(lastDataDate: string): number {
  const isMonthEnd = addDays(lastDataDate, 1).slice(0, 7) !== lastDataDate.slice(0, 7);
  return monthIndex(lastDataDate.slice(0, 7)) - (isMonthEnd ? 0 : 1);
}

/** Each customer's active month offsets since their cohort month, for customers whose first order is in the range. */
function cohortActivity(db: Db, scope: Scope, dataEnd: string): { cohortOf: Map<number, string>; offsetsOf: Map<number, Set<number>> } {
  const range = scope.range ?? { from: '', to: '' };
  const cohortOf = new Map<number, string>();
  for (const cell of readDaySets(db, 'first', scope, range, { byCategory: false })) {
    for (const key of cell.data) cohortOf.set(key, cell.date.slice(0, 7));
  }
  const mask = customerMask(db, scope);
  const offsetsOf = new Map<number, Set<number>>();
  const kind = scope.categories ? 'order' : 'customer';
  const width = scope.categories ? 4 : 3;
  const keyAt = scope.categories ? 1 : 0;
  for (const cell of readDaySets(db, kind, scope, { from: range.from, to: dataEnd }, { byCategory: true })) {
    const month = monthIndex(cell.date.slice(0, 7));
    const d = cell.data;
    for (let i = keyAt; i < d.length; i += width) {
      const key = d[i] as number;
      const cohort = cohortOf.get(key);
      if (cohort === undefined || (mask && !mask.has(key))) continue;
      const offsets = offsetsOf.get(key) ?? new Set<number>();
      offsets.add(month - monthIndex(cohort));
      offsetsOf.set(key, offsets);
    }
  }
  return { cohortOf, offsetsOf };
}

/**
 * Monthly cohorts by first purchase (any currency) within the range; a customer is retained in
 * month N when they have a counted order in the cohort month + N under the scope's currency and
 * filters (under a category filter: an order with lines in those categories). A cohort's size is
 * its customers active in scope at all.
 */
export function cohortRetention(db: Db, filters: ParsedFilters, options: { maxOffset: number }): CohortRetentionResult {
  const scope = resolveScope(db, filters);
  const offsets = Array.from({ length: options.maxOffset + 1 }, (_, i) => i);
  const empty = (): CohortRetentionResult => ({ meta: metaOf(scope, true), offsets, cohorts: [], survival: [] });
  if (scope.emptyReason || !scope.range || !scope.dataRange) return empty();
  const { cohortOf, offsetsOf } = cohortActivity(db, scope, scope.dataRange.to);
  if (offsetsOf.size === 0) return empty();
  const lastComplete = lastCompleteMonth(scope.dataRange.to);
  const byCohort = new Map<string, Map<number, Set<number>>>();
  const lastOffset = new Map<number, number>();
  for (const [customer, active] of offsetsOf) {
    const cohortMonth = cohortOf.get(customer) ?? '';
    const cohort = byCohort.get(cohortMonth) ?? new Map<number, Set<number>>();
    byCohort.set(cohortMonth, cohort);
    for (const offset of active) {
      const set = cohort.get(offset) ?? new Set<number>();
      set.add(customer);
      cohort.set(offset, set);
    }
    lastOffset.set(customer, Math.max(...active));
  }
  // Cohort size = customers whose first order month is the cohort (those active in month 0 in scope).
  const cohorts = [...byCohort.keys()].sort().map((cohortMonth) => {
    const months = byCohort.get(cohortMonth) ?? new Map<number, Set<number>>();
    const members = new Set([...months.values()].flatMap((s) => [...s]));
    const isComplete = offsets.map((o) => o === 0 || monthIndex(cohortMonth) + o <= lastComplete);
    return {
      cohortMonth,
      customers: members.size,
      retention: offsets.map((o, i) => (isComplete[i] ? (months.get(o)?.size ?? 0) / members.size : null)),
      isComplete,
    };
  });
  // Histogram of each customer's last active offset per cohort: survivors at N = last offset ≥ N.
  const lastOffsets = new Map<string, number[]>();
  for (const [customer, last] of lastOffset) {
    const cohort = cohortOf.get(customer) ?? '';
    const histogram = lastOffsets.get(cohort) ?? [];
    histogram[last] = (histogram[last] ?? 0) + 1;
    lastOffsets.set(cohort, histogram);
  }
  const survival = offsets.map((offset) => {
    let alive = 0;
    let total = 0;
    let count = 0;
    for (const cohort of cohorts) {
      if (!cohort.isComplete[offset]) continue;
      count += 1;
      total += cohort.customers;
      (lastOffsets.get(cohort.cohortMonth) ?? []).forEach((n, last) => {
        if (last >= offset) alive += n ?? 0;
      });
    }
    return { offset, share: total > 0 ? alive / total : null, cohorts: count };
  });
  return { meta: metaOf(scope, false), offsets, cohorts, survival };
}

/** 7/30/90-day cohort LTV and retention as the import pipeline wrote them to fct_cohort_ltv. */
export function cohortLtv(db: Db, filters: ParsedFilters, options: { windowDays?: 7 | 30 | 90 | undefined }): CohortLtvResult {
  const scope = resolveScope(db, { ...filters, category: [], region: [], channel: [], segment: [] });
  const columns = ['cohort_month', 'window_days', 'customers', 'retained_customers', 'retention_rate', 'revenue', 'ltv', 'is_complete'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const windows = options.windowDays ? [options.windowDays] : [7, 30, 90];
  const rows = db
    .prepare<unknown[], { cohort_month: string; window_days: number; customers: number; retained_customers: number; revenue_cents: number; ltv_cents: number; is_complete: number }>(
      `SELECT * FROM fct_cohort_ltv WHERE currency = ? AND cohort_month BETWEEN ? AND ? AND window_days IN (${windows.map(() => '?').join(', ')})
       ORDER BY cohort_month, window_days`,
    )
    .all(scope.currency, scope.range.from.slice(0, 7), scope.range.to.slice(0, 7), ...windows);
  const meta = metaOf(scope, false);
  if (rows.length === 0) meta.emptyReason = 'No cohort LTV rows for these months: the import builds fct_cohort_ltv after each load.';
  return {
    meta,
    series: {
      columns,
      rows: rows.map((r) => [r.cohort_month, r.window_days, r.customers, r.retained_customers,
        r.customers > 0 ? r.retained_customers / r.customers : null, toUnits(r.revenue_cents), toUnits(r.ltv_cents), r.is_complete === 1]),
    },
  };
}
