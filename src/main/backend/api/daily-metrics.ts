import type { ParsedFilters, ResultMeta } from '../../../shared/contract/analytics';
import type { MetricId } from '../../../shared/metrics';
import type { Db } from '../db/open';
import { kpiFigures } from '../analytics/overview';
import { everyDay } from '../analytics/revenue';
import { daysBetween, metaOf, resolveScope } from '../analytics/scope';
import { HttpError } from './api-errors';

/** The per-day figures of GET /metrics/daily; each field is named by its metric id. */
export const DAILY_METRICS = [
  'gross_sales',
  'discounts',
  'refunds',
  'taxes',
  'net_sales',
  'orders',
  'aov',
  'new_customers',
  'returning_customers',
] as const satisfies readonly MetricId[];
export type DailyMetricId = (typeof DAILY_METRICS)[number];

export type DailyRow = { date: string } & Record<DailyMetricId, number | null>;

/** Bounds the work of one request: each day is one Overview computation. */
export const MAX_DAILY_DAYS = 732;

/**
 * Daily figures are the Overview KPIs of one-day ranges, from the engine's own kpiFigures, so
 * every number equals what the dashboard shows for that day under the same filters.
 */
export function dailyMetrics(db: Db, filters: ParsedFilters): { meta: ResultMeta; days: DailyRow[] } {
  const scope = resolveScope(db, { ...filters, compare: 'none' });
  const length = scope.range ? daysBetween(scope.range.from, scope.range.to) + 1 : 0;
  if (length > MAX_DAILY_DAYS) {
    throw new HttpError(400, 'VALIDATION', `Invalid parameter "from": the range has ${length} days; ask for at most ${MAX_DAILY_DAYS} per request.`, 'from');
  }
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), days: [] };
  const days = everyDay(scope.range.from, scope.range.to);
  const rows = days.map((date): DailyRow => {
    const figures = kpiFigures(db, scope, { from: date, to: date });
    const row = { date } as DailyRow;
    for (const id of DAILY_METRICS) row[id] = figures[id];
    return row;
  });
  const isEmpty = rows.every((r) => r.orders === 0 && r.refunds === 0);
  return { meta: metaOf(scope, isEmpty), days: rows };
}
