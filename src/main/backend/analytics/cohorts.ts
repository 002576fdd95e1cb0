import type { CohortLtvResult, CohortRetentionResult, ParsedFilters } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { hasMonthSets } from './aggregates/month-sets';
import { filteredCohortLtvRows } from './cohort-ltv-filtered';
import { customerMask, maxCustomerKey, readDaySets, readMonthSets } from './day-sets';
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

const monthOfIndex = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Activity cells for the months from the range's first month to the data's end. Month cells
 * serve whole months; a customer whose first order is in the range has no earlier activity, so
 * the days of the first month before the range change nothing.
 */
function activityCells(db: Db, scope: Scope, from: string, dataEnd: string): { month: number; data: Float64Array; width: number; keyAt: number }[] {
  const byCategory = scope.categories !== null;
  if (hasMonthSets(db)) {
    return readMonthSets(db, byCategory ? 'customer_category' : 'customer', scope, { from: from.slice(0, 7), to: dataEnd.slice(0, 7) }, { byCategory })
      .map((cell) => ({ month: monthIndex(cell.date), data: cell.data, width: 5, keyAt: 0 }));
  }
  return readDaySets(db, byCategory ? 'order' : 'customer', scope, { from, to: dataEnd }, { byCategory: true })
    .map((cell) => ({ month: monthIndex(cell.date.slice(0, 7)), data: cell.data, width: byCategory ? 4 : 3, keyAt: byCategory ? 1 : 0 }));
}

interface CohortActivity {
  /** Cohort month index per customer_key (-1: first order not in the range). */
  cohortOf: Int32Array;
  /** Last active month offset per customer_key (-1: never active in scope). */
  lastOffset: Int32Array;
  /** Per cohort month index: customers active at each offset 0 … maxOffset. */
  activeAt: Map<number, Int32Array>;
}

/** Each customer's active months since their cohort month, for customers whose first order is in the range. */
function cohortActivity(db: Db, scope: Scope, dataEnd: string, maxOffset: number): CohortActivity {
  const range = scope.range ?? { from: '', to: '' };
  const size = maxCustomerKey(db) + 1;
  const cohortOf = new Int32Array(size).fill(-1);
  for (const cell of readDaySets(db, 'first', scope, range, { byCategory: false })) {
    const month = monthIndex(cell.date.slice(0, 7));
    for (const key of cell.data) if (key < size) cohortOf[key] = month;
  }
  const mask = customerMask(db, scope);
  const lastOffset = new Int32Array(size).fill(-1);
  const seenMonth = new Int32Array(size).fill(-1);
  const activeAt = new Map<number, Int32Array>();
  // In month order, so a customer's several cells of one month (channels, categories) are adjacent in time.
  const cells = activityCells(db, scope, range.from, dataEnd).sort((a, b) => a.month - b.month);
  for (const { month, data, width, keyAt } of cells) {
    for (let i = keyAt; i < data.length; i += width) {
      const key = data[i] as number;
      const cohort = key >= 0 && key < size ? (cohortOf[key] as number) : -1;
      if (cohort < 0 || seenMonth[key] === month || (mask && !mask.has(key))) continue;
      seenMonth[key] = month;
      const offset = month - cohort;
      if (offset > (lastOffset[key] as number)) lastOffset[key] = offset;
      if (offset > maxOffset) continue;
      let counts = activeAt.get(cohort);
      if (!counts) {
        counts = new Int32Array(maxOffset + 1);
        activeAt.set(cohort, counts);
      }
      counts[offset] = (counts[offset] ?? 0) + 1;
    }
  }
  return { cohortOf, lastOffset, activeAt };
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
  const { cohortOf, lastOffset, activeAt } = cohortActivity(db, scope, scope.dataRange.to, options.maxOffset);
  // Cohort size = its customers active in scope at all; survivors at N = last active offset ≥ N.
  const members = new Map<number, number>();
  const lastOffsets = new Map<number, number[]>();
  for (let key = 0; key < lastOffset.length; key++) {
    const last = lastOffset[key] as number;
    if (last < 0) continue;
    const cohort = cohortOf[key] as number;
    members.set(cohort, (members.get(cohort) ?? 0) + 1);
    const histogram = lastOffsets.get(cohort) ?? [];
    histogram[last] = (histogram[last] ?? 0) + 1;
    lastOffsets.set(cohort, histogram);
  }
  if (members.size === 0) return empty();
  const lastComplete = lastCompleteMonth(scope.dataRange.to);
  const cohorts = [...members.keys()].sort((a, b) => a - b).map((cohort) => {
    const size = members.get(cohort) ?? 0;
    const counts = activeAt.get(cohort);
    const isComplete = offsets.map((o) => o === 0 || cohort + o <= lastComplete);
    return {
      cohortMonth: monthOfIndex(cohort),
      customers: size,
      retention: offsets.map((o, i) => (isComplete[i] ? (counts?.[o] ?? 0) / size : null)),
      isComplete,
      index: cohort,
    };
  });
  const survival = offsets.map((offset) => {
    let alive = 0;
    let total = 0;
    let count = 0;
    for (const cohort of cohorts) {
      if (!cohort.isComplete[offset]) continue;
      count += 1;
      total += cohort.customers;
      (lastOffsets.get(cohort.index) ?? []).forEach((n, last) => {
        if (last >= offset) alive += n ?? 0;
      });
    }
    return { offset, share: total > 0 ? alive / total : null, cohorts: count };
  });
  return { meta: metaOf(scope, false), offsets, cohorts: cohorts.map(({ index: _index, ...cohort }) => cohort), survival };
}

const hasDimensionFilters = (filters: ParsedFilters): boolean =>
  filters.region.length + filters.category.length + filters.channel.length + filters.segment.length > 0;

/**
 * 7/30/90-day cohort LTV and retention: as the import pipeline wrote them to fct_cohort_ltv, or,
 * under a region / segment / channel / category filter, summed for the matching cohort members
 * (cohort-ltv-filtered.ts).
 */
export function cohortLtv(db: Db, filters: ParsedFilters, options: { windowDays?: 7 | 30 | 90 | undefined }): CohortLtvResult {
  const isFiltered = hasDimensionFilters(filters);
  const scope = resolveScope(db, isFiltered ? filters : { ...filters, category: [], region: [], channel: [], segment: [] });
  const columns = ['cohort_month', 'window_days', 'customers', 'retained_customers', 'retention_rate', 'revenue', 'ltv', 'is_complete'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const windows = options.windowDays ? [options.windowDays] : ([7, 30, 90] as const);
  if (isFiltered) {
    const filtered = filteredCohortLtvRows(db, scope, scope.range, windows);
    const meta = metaOf(scope, filtered !== null && filtered.length === 0);
    if (filtered === null) meta.emptyReason = 'Cohort LTV by region, segment, channel or category needs the analytics aggregates rebuilt: run an import or a rebuild.';
    const rows = (filtered ?? []).map(([month, w, n, retained, rate, revenue, ltv, isComplete]) => [month, w, n, retained, rate, toUnits(revenue), toUnits(ltv), isComplete]);
    return { meta, series: { columns, rows } };
  }
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
