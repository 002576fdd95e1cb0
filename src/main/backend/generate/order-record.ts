import { DAY_SECONDS, type Calendar } from './calendar';
import type { EntitySink } from './folder-writer';
import { CHANNELS } from './world';

/**
 * What the generator keeps of an order after its lines are written: enough to re-send it.
 * Records are recycled once their last re-send is written (see OrderFactory.release), so the
 * ~1M orders of a large store never pile up in the old generation of the heap.
 */
export interface OrderRecord {
  /** The n in O-0000000n. */
  seq: number;
  /** Re-sends scheduled and not yet written. */
  pendingResends: number;
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

export const ORDER_ID_DIGITS = 8;

/** O-00000042: formatted only where a string is needed (noise rows); rows write the digits directly. */
export function orderIdOf(seq: number): string {
  return `O-${String(seq).padStart(ORDER_ID_DIGITS, '0')}`;
}

export function blankOrderRecord(): OrderRecord {
  return {
    seq: 0,
    pendingResends: 0,
    customerId: '',
    customer: 0,
    channel: 0,
    currency: 0,
    currencyCode: '',
    createdDay: 0,
    created: -1,
    paid: -1,
    fulfilled: -1,
    delivered: -1,
    cancelled: -1,
    returnTimes: [],
    subtotal: 0,
    discount: 0,
    tax: 0,
    shipping: 0,
  };
}

const CREATED = 0;
const PAID = 1;
const FULFILLED = 2;
const DELIVERED = 3;
const RETURNED = 4;
const CANCELLED = 5;
const STATUSES = ['created', 'paid', 'fulfilled', 'delivered', 'returned', 'cancelled'];

function stampIf(sink: EntitySink, isSet: boolean, t: number, calendar: Calendar): void {
  if (isSet) sink.timestamp(t, calendar);
  sink.comma();
}

/**
 * Writes the order as a nightly export at the end of `day` sees it: later timestamps are still
 * empty, and status is the furthest state reached (a return makes it `returned`).
 */
export function writeOrderRowAsOf(sink: EntitySink, order: OrderRecord, day: number, calendar: Calendar): void {
  const end = (day + 1) * DAY_SECONDS;
  const isPaid = order.paid >= 0 && order.paid < end;
  const isFulfilled = order.fulfilled >= 0 && order.fulfilled < end;
  const isDelivered = order.delivered >= 0 && order.delivered < end;
  const isCancelled = order.cancelled >= 0 && order.cancelled < end;
  let status = CREATED;
  let updated = order.created;
  if (isPaid) {
    status = PAID;
    updated = order.paid;
  }
  if (isFulfilled) {
    status = FULFILLED;
    updated = order.fulfilled;
  }
  if (isDelivered) {
    status = DELIVERED;
    updated = order.delivered;
  }
  for (const t of order.returnTimes) {
    if (t >= end) continue;
    status = RETURNED;
    updated = t;
  }
  if (isCancelled) {
    status = CANCELLED;
    updated = order.cancelled;
  }
  const total = order.subtotal - order.discount + order.tax + order.shipping;
  sink.ascii('O-').padded(order.seq, ORDER_ID_DIGITS).comma().ascii(order.customerId).comma().ascii(CHANNELS[order.channel] as string).comma().ascii(STATUSES[status] as string).comma();
  sink.timestamp(order.created, calendar).comma();
  stampIf(sink, isPaid, order.paid, calendar);
  stampIf(sink, isFulfilled, order.fulfilled, calendar);
  stampIf(sink, isDelivered, order.delivered, calendar);
  stampIf(sink, isCancelled, order.cancelled, calendar);
  sink.ascii(order.currencyCode).comma().money(order.subtotal).comma().money(order.discount).comma().money(order.tax).comma();
  sink.money(order.shipping).comma().money(total).comma().timestamp(updated, calendar).endRow();
}

function addChangeDay(days: number[], order: OrderRecord, t: number): void {
  if (t < 0) return;
  const day = Math.floor(t / DAY_SECONDS);
  if (day > order.createdDay && !days.includes(day)) days.push(day);
}

/** Days after creation on which the exported state changes (inside the horizon), ascending. */
export function changeDays(order: OrderRecord): number[] {
  const days: number[] = [];
  addChangeDay(days, order, order.paid);
  addChangeDay(days, order, order.fulfilled);
  addChangeDay(days, order, order.delivered);
  addChangeDay(days, order, order.cancelled);
  for (const t of order.returnTimes) addChangeDay(days, order, t);
  return days.sort((a, b) => a - b);
}
