import type { DateRange, ParsedFilters, ResultMeta } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { placeholders } from './sql-placeholders';

/**
 * Filters resolved against the warehouse: the one currency to report in, the concrete date
 * ranges, channel codes mapped to keys, and a reason when nothing can match. Every view starts
 * here, so "why is this empty" is answered the same way everywhere.
 */
export interface Scope {
  currency: string | null;
  availableCurrencies: string[];
  dataRange: DateRange | null;
  range: DateRange | null;
  previousRange: DateRange | null;
  channelKeys: number[] | null;
  regions: string[] | null;
  segments: string[] | null;
  categories: string[] | null;
  emptyReason: string | null;
}

interface CurrencyRow {
  currency: string;
  orders: number;
  first: string;
  last: string;
}

/** From the all-dimensions-rolled-up sales cells (one row per day and currency), not the order fact. */
export function currencyStats(db: Db): CurrencyRow[] {
  return db
    .prepare<[], CurrencyRow>(
      `SELECT currency, sum(orders) AS orders, min(date_key) AS first, max(date_key) AS last
       FROM agg_sales_daily WHERE grouping_id = 0 GROUP BY currency ORDER BY orders DESC, currency`,
    )
    .all();
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The period of equal length that ends the day before `range` starts. */
export function previousPeriod(range: DateRange): DateRange {
  const length = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

function listOrNull(values: readonly string[]): string[] | null {
  return values.length > 0 ? [...new Set(values)] : null;
}

function missingValues(db: Db, sql: string, values: readonly string[] | null): string[] {
  if (values === null) return [];
  const known = new Set(db.prepare<unknown[], { v: string }>(sql).all(...values).map((row) => row.v));
  return values.filter((value) => !known.has(value));
}

/**
 * The period before `range`, unless it ends before the data begins: "All time" against five
 * empty years said "no data in previous period" on every figure. No comparison is the truth.
 */
function comparablePeriodBefore(range: DateRange, dataRange: DateRange | null): DateRange | null {
  const previous = previousPeriod(range);
  return dataRange && previous.to >= dataRange.from ? previous : null;
}

export function resolveScope(db: Db, filters: ParsedFilters): Scope {
  const stats = currencyStats(db);
  const availableCurrencies = stats.map((s) => s.currency);
  const chosen = filters.currency ?? stats[0]?.currency ?? null;
  const chosenStats = stats.find((s) => s.currency === chosen);
  const dataRange = chosenStats ? { from: chosenStats.first, to: chosenStats.last } : null;
  const range =
    dataRange || (filters.from && filters.to)
      ? { from: filters.from ?? dataRange?.from ?? '', to: filters.to ?? dataRange?.to ?? '' }
      : null;
  const isRangeValid = range !== null && range.from !== '' && range.to !== '' && range.from <= range.to;
  const channelCodes = listOrNull(filters.channel);
  const channelRows = channelCodes
    ? db
        .prepare<unknown[], { channel_key: number; channel_code: string }>(
          `SELECT channel_key, channel_code FROM dim_channel WHERE channel_code IN (${placeholders(channelCodes.length)})`,
        )
        .all(...channelCodes)
    : [];
  const scope: Scope = {
    currency: chosen,
    availableCurrencies,
    dataRange,
    range: isRangeValid ? range : null,
    previousRange: isRangeValid && filters.compare === 'previous_period' ? comparablePeriodBefore(range, dataRange) : null,
    channelKeys: channelCodes ? channelRows.map((row) => row.channel_key) : null,
    regions: listOrNull(filters.region),
    segments: listOrNull(filters.segment),
    categories: listOrNull(filters.category),
    emptyReason: null,
  };
  scope.emptyReason = explainEmptiness(db, scope, filters, stats.length, channelCodes, channelRows.length);
  return scope;
}

function explainEmptiness(
  db: Db,
  scope: Scope,
  filters: ParsedFilters,
  currencyCount: number,
  channelCodes: string[] | null,
  knownChannels: number,
): string | null {
  if (currencyCount === 0) return 'The warehouse has no paid orders yet: import data or generate a demo store.';
  if (scope.dataRange === null) {
    return `There are no paid orders in ${filters.currency ?? '?'}; the warehouse has ${scope.availableCurrencies.join(', ')}.`;
  }
  if (scope.range === null) return 'The date range is empty.';
  if (scope.range.to < scope.dataRange.from || scope.range.from > scope.dataRange.to) {
    return `No orders between ${scope.range.from} and ${scope.range.to}: the data runs from ${scope.dataRange.from} to ${scope.dataRange.to}.`;
  }
  if (channelCodes && knownChannels === 0) return `No channel is called ${channelCodes.join(', ')}.`;
  const missingRegions = missingValues(
    db,
    `SELECT DISTINCT region AS v FROM dim_customer WHERE region IN (${placeholders(scope.regions?.length ?? 0)})`,
    scope.regions,
  );
  if (scope.regions && missingRegions.length === scope.regions.length) return `No customer is in region ${missingRegions.join(', ')}.`;
  const missingSegments = missingValues(
    db,
    `SELECT DISTINCT segment AS v FROM dim_customer WHERE segment IN (${placeholders(scope.segments?.length ?? 0)})`,
    scope.segments,
  );
  if (scope.segments && missingSegments.length === scope.segments.length) return `No customer is in segment ${missingSegments.join(', ')}.`;
  const missingCategories = missingValues(
    db,
    `SELECT DISTINCT category AS v FROM dim_product WHERE category IN (${placeholders(scope.categories?.length ?? 0)})`,
    scope.categories,
  );
  if (scope.categories && missingCategories.length === scope.categories.length) return `No product is in category ${missingCategories.join(', ')}.`;
  return null;
}

/** When a query found no rows although the scope looked fine: the filters combined match nothing. */
export function noMatchReason(scope: Scope): string {
  const parts = [
    scope.channelKeys ? 'channel' : null,
    scope.regions ? 'region' : null,
    scope.segments ? 'segment' : null,
    scope.categories ? 'category' : null,
  ].filter((part): part is string => part !== null);
  const range = scope.range ? ` between ${scope.range.from} and ${scope.range.to}` : '';
  return parts.length > 0
    ? `No paid ${scope.currency ?? ''} orders match the ${parts.join(', ')} filters${range}.`
    : `No paid ${scope.currency ?? ''} orders${range}.`;
}

export function metaOf(scope: Scope, isEmpty: boolean): ResultMeta {
  return {
    currency: scope.currency,
    availableCurrencies: scope.availableCurrencies,
    range: scope.range,
    previousRange: scope.previousRange,
    emptyReason: scope.emptyReason ?? (isEmpty ? noMatchReason(scope) : null),
  };
}

export const toUnits = (cents: number | null | undefined): number => Math.round(Number(cents ?? 0)) / 100;
