import type { Db } from '../db/open';
import { customerTotals, type CustomerTotals } from './customer-totals';
import { cachedUntilDataChanges } from './read-cache';
import type { Scope } from './scope';

/**
 * Helpers for the per-customer views (top customers, RFM, LTV tiers): the totals come from
 * the day sets as arrays indexed by customer_key; names, ids and lifetime figures are read only
 * for the customers a view shows, or as one covering-index pass when it must rank them all.
 */
export function customerBase(db: Db, scope: Scope): CustomerTotals | null {
  return scope.range ? customerTotals(db, scope, scope.range) : null;
}

export interface CustomerProfile {
  customerKey: number;
  customerId: string;
  name: string | null;
  email: string | null;
  region: string | null;
  segment: string | null;
}

export function customerProfiles(db: Db, keys: readonly number[]): Map<number, CustomerProfile> {
  if (keys.length === 0) return new Map();
  const rows = db
    .prepare<[string], { customer_key: number; customer_id: string; name: string | null; email: string | null; region: string | null; segment: string | null }>(
      `SELECT customer_key, customer_id, name, email, region, segment FROM dim_customer
       WHERE customer_key IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(keys));
  return new Map(rows.map((r) => [r.customer_key, { customerKey: r.customer_key, customerId: r.customer_id, name: r.name, email: r.email, region: r.region, segment: r.segment }]));
}

/** Customer attributes the per-customer views rank, mask and group by, indexed by customer_key. */
export interface CustomerAttributes {
  /** Position in customer_id order (binary collation), for reproducible tie-breaks. */
  idRank: Int32Array;
  region: (string | null)[];
  segment: (string | null)[];
}

export function customerAttributes(db: Db): CustomerAttributes {
  return cachedUntilDataChanges(db, 'customer-attributes', () => {
    const rows = db.prepare<[], [number, string | null, string | null]>('SELECT customer_key, region, segment FROM dim_customer ORDER BY customer_id').raw().all();
    const size = rows.reduce((max, [key]) => (key > max ? key : max), 0) + 1;
    const attributes: CustomerAttributes = { idRank: new Int32Array(size), region: new Array<string | null>(size).fill(null), segment: new Array<string | null>(size).fill(null) };
    rows.forEach(([key, region, segment], i) => {
      attributes.idRank[key] = i;
      attributes.region[key] = region;
      attributes.segment[key] = segment;
    });
    return attributes;
  });
}

/** Position of each customer_key in customer_id order (binary collation), for reproducible tie-breaks. */
export function customerIdRanks(db: Db, size: number): Int32Array {
  const { idRank } = customerAttributes(db);
  if (idRank.length >= size) return idRank;
  const ranks = new Int32Array(size);
  ranks.set(idRank);
  return ranks;
}

/**
 * Keys sorted by value ascending, ties by customer id. Packing (value, id rank) into one
 * number lets the native Float64Array sort do the work: 50k customers sort in a few ms.
 */
export function sortKeys(keys: readonly number[], valueOf: (key: number) => number, idRank: Int32Array): number[] {
  const n = keys.length;
  const width = idRank.length + 1;
  const values = new Float64Array(n);
  let lo = 0;
  let hi = 0;
  let isIntegral = true;
  for (let i = 0; i < n; i++) {
    const v = valueOf(keys[i] as number);
    values[i] = v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (!Number.isInteger(v)) isIntegral = false;
  }
  const out = new Array<number>(n);
  if (!isIntegral || !Number.isSafeInteger((hi - lo + 1) * width)) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (values[a] as number) - (values[b] as number) || (idRank[keys[a] as number] as number) - (idRank[keys[b] as number] as number));
    for (let i = 0; i < n; i++) out[i] = keys[order[i] as number] as number;
    return out;
  }
  const keyByRank = new Int32Array(width);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    const rank = idRank[key] as number;
    keyByRank[rank] = key;
    packed[i] = ((values[i] as number) - lo) * width + rank;
  }
  packed.sort();
  for (let i = 0; i < n; i++) out[i] = keyByRank[(packed[i] as number) % width] as number;
  return out;
}
