import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { decodeTuples, type DaySetKind } from './aggregates/day-set-codec';
import { monthEnd } from './aggregates/day-sets-refresh';
import { hasMonthSets } from './aggregates/month-sets';
import { customerAttributes } from './customer-base';
import { addDays, type Scope } from './scope';
import { placeholders } from './sql-placeholders';

/**
 * Reads agg_day_sets cells (see 0020_analytics_aggregates.sql) for a range and the scope's
 * channel / category filters, and unions them in memory. Region and segment are customer
 * attributes, so they become a customer mask read from dim_customer at query time.
 */
export interface DaySetCell {
  date: string;
  category: string;
  data: Float64Array;
}

export function readDaySets(db: Db, kind: DaySetKind, scope: Scope, range: DateRange, options: { byCategory: boolean }): DaySetCell[] {
  // 'first' cells are per first purchase, whatever the currency or channel.
  const isFirst = kind === 'first';
  return readSetCells(db, 'agg_day_sets', kind, scope, range, { ...options, currency: isFirst ? '' : scope.currency, byChannel: !isFirst });
}

type MonthSetKind = 'customer' | 'customer_category' | 'line' | 'return';

/**
 * Cells of agg_month_sets (0021) for whole months `months.from` … `months.to` ('YYYY-MM'); the
 * cell's date is the month. Tuple layouts differ from the day kinds of the same name, see 0021.
 */
export function readMonthSets(db: Db, kind: MonthSetKind, scope: Scope, months: DateRange, options: { byCategory: boolean }): DaySetCell[] {
  return readSetCells(db, 'agg_month_sets', kind, scope, months, { ...options, currency: scope.currency, byChannel: true });
}

function readSetCells(
  db: Db,
  table: 'agg_day_sets' | 'agg_month_sets',
  kind: string,
  scope: Scope,
  range: DateRange,
  options: { byCategory: boolean; byChannel: boolean; currency: string | null },
): DaySetCell[] {
  const conditions: string[] = [];
  const params: unknown[] = [kind, options.currency, range.from, range.to];
  if (options.byChannel && scope.channelKeys) {
    conditions.push(`channel_key IN (${placeholders(scope.channelKeys.length) || 'NULL'})`);
    params.push(...scope.channelKeys);
  }
  if (options.byCategory && scope.categories) {
    conditions.push(`category IN (${placeholders(scope.categories.length)})`);
    params.push(...scope.categories);
  }
  return db
    .prepare<unknown[], { date_key: string; category: string; data: Buffer }>(
      `SELECT date_key, category, data FROM ${table}
       WHERE kind = ? AND currency = ? AND date_key BETWEEN ? AND ?${conditions.map((c) => ` AND ${c}`).join('')}`,
    )
    .all(...params)
    .map((row) => ({ date: row.date_key, category: row.category, data: decodeTuples(row.data) }));
}

/** Whole months inside the range (as 'YYYY-MM' bounds), and the days before and after them. */
export function splitByMonths(range: DateRange): { months: DateRange | null; days: DateRange[] } {
  const firstWhole = range.from.endsWith('-01') ? range.from : `${addDays(`${range.from.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
  const afterLast = addDays(range.to, 1);
  const lastWholeEnd = afterLast.endsWith('-01') ? range.to : addDays(`${range.to.slice(0, 7)}-01`, -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [range] };
  const days: DateRange[] = [];
  if (range.from < firstWhole) days.push({ from: range.from, to: addDays(firstWhole, -1) });
  if (lastWholeEnd < range.to) days.push({ from: addDays(lastWholeEnd, 1), to: range.to });
  return { months: { from: firstWhole.slice(0, 7), to: lastWholeEnd.slice(0, 7) }, days };
}

/**
 * Which day cells hold every date a month cell of the kind can hold. Customer month cells (and
 * the per-category ones) count guest orders and orders without lines too: 'customer' day cells
 * miss the guests and 'order' day cells the orders without lines, so both bound them.
 */
const DATED_BY = { customer: ['customer', 'order'], line: ['line'], return: ['return'] } as const;
type DatedKind = keyof typeof DATED_BY;

/**
 * The range stretched to whole months at an end where the warehouse has no cell of the kind
 * beyond it (the data starts or ends there): the month cell then holds exactly the range's days,
 * so "the last 90 days" reads the current month's one cell instead of its 30 day cells.
 */
function stretchToDataEdges(db: Db, kind: DatedKind, currency: string | null, range: DateRange): DateRange {
  const bounds = db.prepare<[string, string | null, string, string | null], [string | null, string | null]>(
    `SELECT (SELECT min(date_key) FROM agg_day_sets WHERE kind = ? AND currency = ?),
            (SELECT max(date_key) FROM agg_day_sets WHERE kind = ? AND currency = ?)`,
  ).raw();
  let first: string | null = null;
  let last: string | null = null;
  for (const dayKind of DATED_BY[kind]) {
    const [lo, hi] = bounds.get(dayKind, currency, dayKind, currency) ?? [null, null];
    if (lo !== null && (first === null || lo < first)) first = lo;
    if (hi !== null && (last === null || hi > last)) last = hi;
  }
  if (first === null || last === null) return range;
  return {
    from: first >= range.from ? `${range.from.slice(0, 7)}-01` : range.from,
    to: last <= range.to ? monthEnd(range.to) : range.to,
  };
}

/**
 * Like splitByMonths for the cells of `kind`, stretched to the data's edges; all days when the
 * warehouse has no month cells (migrated before 0021).
 */
export function splitForMonthSets(db: Db, range: DateRange, kind: DatedKind, currency: string | null): { months: DateRange | null; days: DateRange[] } {
  return hasMonthSets(db) ? splitByMonths(stretchToDataEdges(db, kind, currency, range)) : { months: null, days: [range] };
}

/** Returns booked in the range [order, customer or -1, sku id, refund]: month cells for whole months, day cells for the rest. */
export function readReturnCells(db: Db, scope: Scope, range: DateRange): DaySetCell[] {
  const split = splitForMonthSets(db, range, 'return', scope.currency);
  return [
    ...(split.months ? readMonthSets(db, 'return', scope, split.months, { byCategory: true }) : []),
    ...split.days.flatMap((days) => readDaySets(db, 'return', scope, days, { byCategory: true })),
  ];
}

export const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** Which customer keys pass the region and segment filters; `unknown` is for orders without a customer. */
export interface CustomerMask {
  has(customerKey: number): boolean;
}

/** '' in a filter list stands for "no value" (NULL or ''), as coalesce(column, '') does in the aggregates. */
const passes = (values: readonly string[] | null, value: string | null): boolean => values === null || values.includes(value ?? '');

export function customerMask(db: Db, scope: Scope): CustomerMask | null {
  if (!scope.regions && !scope.segments) return null;
  const { region, segment } = customerAttributes(db);
  const member = new Uint8Array(region.length);
  for (let key = 0; key < region.length; key++) {
    if (passes(scope.regions, region[key] ?? null) && passes(scope.segments, segment[key] ?? null)) member[key] = 1;
  }
  const isGuestAllowed = passes(scope.regions, null) && passes(scope.segments, null);
  return { has: (key) => (key < 0 ? isGuestAllowed : member[key] === 1) };
}

export function maxCustomerKey(db: Db): number {
  return Number(db.prepare('SELECT coalesce(max(customer_key), 0) FROM dim_customer').pluck().get());
}

export function maxOrderKey(db: Db): number {
  return Number(db.prepare('SELECT coalesce(max(order_key), 0) FROM fct_orders').pluck().get());
}

/** Distinct orders with a return booked in the range (the return rate by orders). */
export function countOrdersWithReturns(db: Db, scope: Scope, range: DateRange): number {
  const mask = customerMask(db, scope);
  const seen = new Uint8Array(maxOrderKey(db) + 1);
  let count = 0;
  for (const cell of readReturnCells(db, scope, range)) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 4) {
      const order = d[i] as number;
      if (seen[order] === 1 || (mask && !mask.has(d[i + 1] as number))) continue;
      seen[order] = 1;
      count += 1;
    }
  }
  return count;
}
