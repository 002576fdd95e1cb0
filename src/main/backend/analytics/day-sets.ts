import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { decodeTuples, type DaySetKind } from './aggregates/day-set-codec';
import type { Scope } from './scope';

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

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export function readDaySets(db: Db, kind: DaySetKind, scope: Scope, range: DateRange, options: { byCategory: boolean }): DaySetCell[] {
  const conditions: string[] = [];
  const params: unknown[] = [kind, kind === 'first' ? '' : scope.currency, range.from, range.to];
  if (kind !== 'first' && scope.channelKeys) {
    conditions.push(`channel_key IN (${placeholders(scope.channelKeys.length) || 'NULL'})`);
    params.push(...scope.channelKeys);
  }
  if (options.byCategory && scope.categories) {
    conditions.push(`category IN (${placeholders(scope.categories.length)})`);
    params.push(...scope.categories);
  }
  return db
    .prepare<unknown[], { date_key: string; category: string; data: Buffer }>(
      `SELECT date_key, category, data FROM agg_day_sets
       WHERE kind = ? AND currency = ? AND date_key BETWEEN ? AND ?${conditions.map((c) => ` AND ${c}`).join('')}`,
    )
    .all(...params)
    .map((row) => ({ date: row.date_key, category: row.category, data: decodeTuples(row.data) }));
}

/** Which customer keys pass the region and segment filters; `unknown` is for orders without a customer. */
export interface CustomerMask {
  has(customerKey: number): boolean;
}

function inList(column: string, values: readonly string[]): { sql: string; params: string[] } {
  const named = values.filter((v) => v !== '');
  const parts = named.length > 0 ? [`${column} IN (${placeholders(named.length)})`] : [];
  // '' stands for "no value" in the aggregates, as coalesce(column, '') did.
  if (named.length < values.length) parts.push(`${column} IS NULL OR ${column} = ''`);
  return { sql: `(${parts.join(' OR ')})`, params: named };
}

export function customerMask(db: Db, scope: Scope): CustomerMask | null {
  if (!scope.regions && !scope.segments) return null;
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, values] of [['region', scope.regions], ['segment', scope.segments]] as const) {
    if (!values) continue;
    const part = inList(column, values);
    where.push(part.sql);
    params.push(...part.params);
  }
  const keys = db
    .prepare<string[], number>(`SELECT customer_key FROM dim_customer WHERE ${where.join(' AND ')}`)
    .pluck()
    .all(...params);
  const maxKey = keys.reduce((m, k) => (k > m ? k : m), 0);
  const member = new Uint8Array(maxKey + 1);
  for (const key of keys) member[key] = 1;
  const isUnknownIn = (values: readonly string[] | null): boolean => values === null || values.includes('');
  const isGuestAllowed = isUnknownIn(scope.regions) && isUnknownIn(scope.segments);
  return { has: (key) => (key < 0 ? isGuestAllowed : member[key] === 1) };
}

export function maxCustomerKey(db: Db): number {
  return Number(db.prepare('SELECT coalesce(max(customer_key), 0) FROM dim_customer').pluck().get());
}

export function maxOrderKey(db: Db): number {
  return Number(db.prepare('SELECT coalesce(max(order_key), 0) FROM fct_orders').pluck().get());
}

/** Customers whose first counted order (any currency) falls in the range. */
export function firstOrderCustomers(db: Db, scope: Scope, range: DateRange, size: number): Uint8Array {
  const first = new Uint8Array(size);
  for (const cell of readDaySets(db, 'first', scope, range, { byCategory: false })) {
    for (const key of cell.data) if (key < size) first[key] = 1;
  }
  return first;
}

/** Distinct orders with a return booked in the range (the return rate by orders). */
export function countOrdersWithReturns(db: Db, scope: Scope, range: DateRange): number {
  const mask = customerMask(db, scope);
  const seen = new Uint8Array(maxOrderKey(db) + 1);
  let count = 0;
  for (const cell of readDaySets(db, 'return', scope, range, { byCategory: true })) {
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
