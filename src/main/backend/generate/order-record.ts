import { DAY_SECONDS, type Calendar } from './calendar';
import { money } from './money';
import { CHANNELS } from './world';

/** What the generator keeps of an order after its lines are written: enough to re-send it. */
export interface OrderRecord {
  id: string;
  customerId: string;
  customer: number;
  channel: number;
  currency: number;
  currencyCode: string;
  createdDay: number;
  /** Seconds since start; -1 when the event never happens inside the horizon. */
  created: number;
  paid: number;
  fulfilled: number;
  delivered: number;
  cancelled: number;
  /** Ascending; only returns inside the horizon. */
  returnTimes: number[];
  subtotal: number;
  discount: number;
  tax: number;
  shipping: number;
}

/**
 * The order as a nightly export at the end of `day` sees it: later timestamps are still empty,
 * and status is the furthest state reached (a return makes it `returned`).
 */
export function orderRowAsOf(order: OrderRecord, day: number, calendar: Calendar): string {
  const end = (day + 1) * DAY_SECONDS;
  const seen = (t: number): boolean => t >= 0 && t < end;
  const stamp = (t: number): string => (seen(t) ? calendar.timestamp(t) : '');
  let updated = order.created;
  let status = 'created';
  if (seen(order.paid)) [status, updated] = ['paid', order.paid];
  if (seen(order.fulfilled)) [status, updated] = ['fulfilled', order.fulfilled];
  if (seen(order.delivered)) [status, updated] = ['delivered', order.delivered];
  for (const t of order.returnTimes) if (seen(t)) [status, updated] = ['returned', t];
  if (seen(order.cancelled)) [status, updated] = ['cancelled', order.cancelled];
  const total = order.subtotal - order.discount + order.tax + order.shipping;
  return `${order.id},${order.customerId},${CHANNELS[order.channel] as string},${status},${calendar.timestamp(order.created)},${stamp(order.paid)},${stamp(order.fulfilled)},${stamp(order.delivered)},${stamp(order.cancelled)},${order.currencyCode},${money(order.subtotal)},${money(order.discount)},${money(order.tax)},${money(order.shipping)},${money(total)},${calendar.timestamp(updated)}\n`;
}

/** Days after creation on which the exported state changes (inside the horizon). */
export function changeDays(order: OrderRecord): number[] {
  const days = new Set<number>();
  for (const t of [order.paid, order.fulfilled, order.delivered, order.cancelled, ...order.returnTimes]) {
    if (t < 0) continue;
    const day = Math.floor(t / DAY_SECONDS);
    if (day > order.createdDay) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}
