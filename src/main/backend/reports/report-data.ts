import type {
  BreakdownResult,
  CohortRetentionResult,
  Columnar,
  CustomerRow,
  DateRange,
  KpiValue,
  ParsedFilters,
} from '../../../shared/contract/analytics';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { breakdown } from '../analytics/breakdowns';
import { cohortRetention } from '../analytics/cohorts';
import { topCustomers } from '../analytics/customers';
import { filterOptions } from '../analytics/filter-options';
import { inventoryAlerts, inventoryStatus } from '../analytics/inventory';
import { kpiFigures, overview } from '../analytics/overview';
import { bestSellers } from '../analytics/products';
import { revenueDaily } from '../analytics/revenue';
import { addDays, daysBetween, resolveScope } from '../analytics/scope';
import { dataFingerprint, type DataFingerprint } from './data-fingerprint';
import { qualitySummary, type QualitySummary } from './quality-summary';

/** Everything the memo shows, gathered from the same engine functions the dashboards call. */
export interface ReportData {
  range: DateRange;
  previousRange: DateRange | null;
  currency: string | null;
  kpis: KpiValue[];
  daily: Columnar;
  aov: { bucket: 'day' | 'week' | 'month'; periods: string[]; values: (number | null)[] };
  retention: CohortRetentionResult;
  categories: { current: BreakdownResult; previous: BreakdownResult | null };
  stockAtRisk: Columnar;
  openAlerts: number;
  topCustomers: CustomerRow[];
  customerCount: number;
  topProducts: Columnar;
  quality: QualitySummary;
  fingerprint: DataFingerprint;
}

export interface ReportPeriod {
  from?: string;
  to?: string;
}

/** Default period: the last 30 days of data, compared with the 30 days before. */
export const DEFAULT_REPORT_DAYS = 30;

export function resolveReportRange(db: Db, period: ReportPeriod): DateRange {
  const dataRange = filterOptions(db).dataRange;
  if (!dataRange) throw new AppError('NOT_AVAILABLE', 'The warehouse has no paid orders yet: import data or generate a demo store before writing a report.');
  const to = period.to ?? dataRange.to;
  const from = period.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  if (from > to) throw new AppError('VALIDATION', `--from (${from}) must be on or before --to (${to}).`, { parameter: 'from' });
  return { from, to };
}

function endOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function aovBucket(range: DateRange): 'day' | 'week' | 'month' {
  const days = daysBetween(range.from, range.to) + 1;
  return days <= 31 ? 'day' : days <= 190 ? 'week' : 'month';
}

/** AOV per bucket from the engine's KPI figures for each sub-range: the dashboard's own definition. */
function aovSeries(db: Db, filters: ParsedFilters, range: DateRange): ReportData['aov'] {
  const bucket = aovBucket(range);
  const scope = resolveScope(db, filters);
  const periods: string[] = [];
  const values: (number | null)[] = [];
  for (let start = range.from; start <= range.to; ) {
    let end = bucket === 'day' ? start : bucket === 'week' ? addDays(start, 6) : endOfMonth(start);
    if (end > range.to) end = range.to;
    periods.push(bucket === 'month' ? start.slice(0, 7) : start);
    values.push(kpiFigures(db, scope, { from: start, to: end }).aov);
    start = addDays(end, 1);
  }
  return { bucket, periods, values };
}

export function collectReportData(db: Db, period: ReportPeriod): ReportData {
  const range = resolveReportRange(db, period);
  const filters = FiltersSchema.parse({ from: range.from, to: range.to });
  const summary = overview(db, filters);
  const previousRange = summary.meta.previousRange;
  // Retention needs months of history to draw curves: cohorts of the year up to the period's end.
  const retentionFilters = FiltersSchema.parse({ from: addDays(range.to, -364), to: range.to });
  const customers = topCustomers(db, filters, { search: '', sort: 'net_revenue', direction: 'desc', offset: 0, limit: 5 });
  return {
    range,
    previousRange,
    currency: summary.meta.currency,
    kpis: summary.kpis,
    daily: revenueDaily(db, filters).series,
    aov: aovSeries(db, filters, range),
    retention: cohortRetention(db, retentionFilters, { maxOffset: 6 }),
    categories: {
      current: breakdown(db, filters, 'category'),
      previous: previousRange ? breakdown(db, FiltersSchema.parse({ ...previousRange, compare: 'none' }), 'category') : null,
    },
    stockAtRisk: inventoryStatus(db, filters, { onlyAtRisk: true, limit: 8 }).items,
    openAlerts: inventoryAlerts(db, filters, { status: 'open', limit: 1 }).openCount,
    topCustomers: customers.rows,
    customerCount: customers.total,
    topProducts: bestSellers(db, filters, { by: 'revenue', limit: 5 }).series,
    quality: qualitySummary(db),
    fingerprint: dataFingerprint(db),
  };
}
