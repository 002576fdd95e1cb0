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
  /** The order's money columns, formatted once (they never change between re-sends). */
  moneyColumns: string;
  /** Timestamps formatted once: '' when the event does not happen. */
  stamps: { created: string; paid: string; fulfilled: string; delivered: string; cancelled: string };
}

function stampOf(t: number, calendar: Calendar): string {
  return t >= 0 ? calendar.timestamp(t) : '';
}

export function formatStamps(order: OrderRecord, calendar: Calendar): OrderRecord['stamps'] {
  return {
    created: calendar.timestamp(order.created),
    paid: stampOf(order.paid, calendar),
    fulfilled: stampOf(order.fulfilled, calendar),
    delivered: stampOf(order.delivered, calendar),
    cancelled: stampOf(order.cancelled, calendar),
  };
}

export function formatMoneyColumns(order: OrderRecord): string {
  const total = order.subtotal - order.discount + order.tax + order.shipping;
  return `${order.currencyCode},${money(order.subtotal)},${money(order.discount)},${money(order.tax)},${money(order.shipping)},${money(total)}`;
}

/**
 * The order as a nightly export at the end of `day` sees it: later timestamps are still empty,
 * and status is the furthest state reached (a return makes it `returned`).
 */
export function orderRowAsOf(order: OrderRecord, day: number, calendar: Calendar): string {
  const end = (day + 1) * DAY_SECONDS;
  const stamps = order.stamps;
  let status = 'created';
  let updated = stamps.created;
  const isPaid = order.paid >= 0 && order.paid < end;
  const isFulfilled = order.fulfilled >= 0 && order.fulfilled < end;
  const isDelivered = order.delivered >= 0 && order.delivered < end;
  const isCancelled = order.cancelled >= 0 && order.cancelled < end;
  if (isPaid) [status, updated] = ['paid', stamps.paid];
  if (isFulfilled) [status, updated] = ['fulfilled', stamps.fulfilled];
  if (isDelivered) [status, updated] = ['delivered', stamps.delivered];
  for (const t of order.returnTimes) if (t < end) [status, updated] = ['returned', calendar.timestamp(t)];
  if (isCancelled) [status, updated] = ['cancelled', stamps.cancelled];
  return `${order.id},${order.customerId},${CHANNELS[order.channel] as string},${status},${stamps.created},${isPaid ? stamps.paid : ''},${isFulfilled ? stamps.fulfilled : ''},${isDelivered ? stamps.delivered : ''},${isCancelled ? stamps.cancelled : ''},${order.moneyColumns},${updated}\n`;
}

/** Days after creation on which the exported state changes (inside the horizon), ascending. */
export function changeDays(order: OrderRecord): number[] {
  const days: number[] = [];
  const consider = (t: number): void => {
    if (t < 0) return;
    const day = Math.floor(t / DAY_SECONDS);
    if (day > order.createdDay && !days.includes(day)) days.push(day);
  };
  consider(order.paid);
  consider(order.fulfilled);
  consider(order.delivered);
  consider(order.cancelled);
  for (const t of order.returnTimes) consider(t);
  return days.sort((a, b) => a - b);
}
