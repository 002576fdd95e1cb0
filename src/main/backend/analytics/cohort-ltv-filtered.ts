import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { hasMonthSets } from './aggregates/month-sets';
import { customerMask } from './day-sets';
import { addDays, type Scope } from './scope';
import { placeholders } from './sql-placeholders';

/**
 * fct_cohort_ltv's figures for a slice of customers, summed from agg_customer_cohort (one row
 * per customer, same rules as fct_cohort_ltv). The dimension filters pick the cohort's members:
 * region and segment by the customer, channel by the channel of the first order, category by the
 * categories of the first order's lines. Revenue and retention stay each member's whole window
 * in the currency, so the channel slices of a cohort add up to the unfiltered cohort.
 */
export type CohortLtvRow = [string, number, number, number, number | null, number, number, boolean];

interface MemberRow {
  customer_key: number;
  first_date: string;
  revenue_7_cents: number;
  revenue_30_cents: number;
  revenue_90_cents: number;
  is_retained_7: number;
  is_retained_30: number;
  is_retained_90: number;
}

function members(db: Db, scope: Scope, range: DateRange): MemberRow[] {
  const conditions: string[] = [];
  const params: unknown[] = [scope.currency, `${range.from.slice(0, 7)}-01`, `${range.to.slice(0, 7)}-31`];
  if (scope.channelKeys) {
    conditions.push(`channel_key IN (${placeholders(scope.channelKeys.length) || 'NULL'})`);
    params.push(...scope.channelKeys);
  }
  if (scope.categories) {
    conditions.push(`customer_key IN (SELECT customer_key FROM agg_customer_cohort_category WHERE category IN (${placeholders(scope.categories.length)}))`);
    params.push(...scope.categories);
  }
  const mask = customerMask(db, scope);
  return db
    .prepare<unknown[], MemberRow>(
      `SELECT customer_key, first_date, revenue_7_cents, revenue_30_cents, revenue_90_cents, is_retained_7, is_retained_30, is_retained_90
       FROM agg_customer_cohort WHERE currency = ? AND first_date BETWEEN ? AND ?${conditions.map((c) => ` AND ${c}`).join('')}`,
    )
    .all(...params)
    .filter((row) => !mask || mask.has(row.customer_key));
}

const REVENUE = { 7: 'revenue_7_cents', 30: 'revenue_30_cents', 90: 'revenue_90_cents' } as const;
const RETAINED = { 7: 'is_retained_7', 30: 'is_retained_30', 90: 'is_retained_90' } as const;

/** Rows as cohortLtv returns them (money in cents here), or null when the warehouse predates agg_customer_cohort. */
export function filteredCohortLtvRows(db: Db, scope: Scope, range: DateRange, windows: readonly (7 | 30 | 90)[]): CohortLtvRow[] | null {
  if (!hasMonthSets(db)) return null;
  const lastDay = db.prepare<[], string | null>('SELECT max(order_date) FROM fct_orders').pluck().get() ?? '';
  const cohorts = new Map<string, MemberRow[]>();
  for (const row of members(db, scope, range)) {
    const month = row.first_date.slice(0, 7);
    cohorts.set(month, [...(cohorts.get(month) ?? []), row]);
  }
  return [...cohorts.keys()].sort().flatMap((month) => {
    const rows = cohorts.get(month) ?? [];
    const lastFirst = rows.reduce((max, r) => (r.first_date > max ? r.first_date : max), '');
    return [...windows].sort((a, b) => a - b).map((w): CohortLtvRow => {
      const revenue = rows.reduce((sum, r) => sum + r[REVENUE[w]], 0);
      const retained = rows.reduce((sum, r) => sum + r[RETAINED[w]], 0);
      // fct_cohort_ltv's rounding: (revenue × 2 + n) / (2n) in SQLite integer division (towards zero).
      const ltv = Math.trunc((revenue * 2 + rows.length) / (2 * rows.length));
      return [month, w, rows.length, retained, retained / rows.length, revenue, ltv, addDays(lastFirst, w - 1) <= lastDay];
    });
  });
}
