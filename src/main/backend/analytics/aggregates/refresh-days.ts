import type { Db } from '../../db/open';
import { addDays } from '../scope';
import { monthChunks } from './day-sets-refresh';
import type { RefreshRange, RefreshScope } from './refresh';

/** Which days a refresh rebuilds, and how: the line pass's chunks, the returns' range, the refund-only days. */

type Bounds = { lo: string | null; hi: string | null } | undefined;

/** The range stretched to take in the bounds (either may be null: nothing to take in). */
function widened(range: RefreshRange, bounds: Bounds): RefreshRange {
  return {
    fromDate: bounds?.lo && bounds.lo < range.fromDate ? bounds.lo : range.fromDate,
    toDate: bounds?.hi && bounds.hi > range.toDate ? bounds.hi : range.toDate,
  };
}

/** Returns of orders placed in the range may be booked later: widen the return-date range to them. */
export function returnRange(db: Db, range: RefreshRange): RefreshRange {
  const bounds = db
    .prepare<[string, string], Bounds>(
      `SELECT min(r.return_date) AS lo, max(r.return_date) AS hi
       FROM fct_orders o JOIN fct_returns r ON r.order_key = o.order_key WHERE o.order_date BETWEEN ? AND ?`,
    )
    .get(range.fromDate, range.toDate);
  return widened(range, bounds);
}

/** Below this share of the range's days, the line pass reads only the listed days. */
const SPARSE_SHARE = 0.5;

/**
 * What the line pass reads: the range by calendar month, or, when the caller lists a few days,
 * runs of consecutive listed days, each inside one month. Dense lists keep whole months, whose
 * month cells the pass writes directly instead of re-summing them from day cells.
 */
export function lineChunks(db: Db, range: RefreshScope): RefreshRange[] {
  if (range.days === undefined) return monthChunks(range);
  const days = db
    .prepare<[string, string], string>(`SELECT DISTINCT date_key FROM (${range.days}) WHERE date_key BETWEEN ? AND ? ORDER BY 1`)
    .pluck()
    .all(range.fromDate, range.toDate);
  const span = (Date.parse(range.toDate) - Date.parse(range.fromDate)) / 86_400_000 + 1;
  if (days.length >= span * SPARSE_SHARE) return monthChunks(range);
  const chunks: RefreshRange[] = [];
  for (const day of days) {
    const last = chunks.at(-1);
    if (last && addDays(last.toDate, 1) === day && day.slice(0, 7) === last.fromDate.slice(0, 7)) last.toDate = day;
    else chunks.push({ fromDate: day, toDate: day });
  }
  return chunks;
}

/** The return range widened to the given return days. */
export function withReturnDays(db: Db, returns: RefreshRange, returnDays: string | undefined): RefreshRange {
  if (returnDays === undefined) return returns;
  return widened(returns, db.prepare<[], Bounds>(`SELECT min(date_key) AS lo, max(date_key) AS hi FROM (${returnDays})`).get());
}

/** The refund-only days the line pass did not rebuild, oldest first. */
export function refundOnlyDaysOutside(db: Db, range: RefreshScope, rebuilt: readonly RefreshRange[]): string[] {
  if (range.refundOnlyDays === undefined) return [];
  const days = db.prepare<[], string>(`SELECT DISTINCT date_key FROM (${range.refundOnlyDays}) ORDER BY 1`).pluck().all();
  return days.filter((day) => !rebuilt.some((chunk) => chunk.fromDate <= day && day <= chunk.toDate));
}
