import type { Calendar } from './calendar';
import { DAY_SECONDS } from './calendar';
import { drawProduct, type Catalog } from './catalog';
import type { Population } from './customers';
import type { EntitySink } from './folder-writer';
import { ALLOCATION, RELEASE, RETURN, SALE, type Inventory } from './inventory';
import type { NoiseContext, NoiseInjector } from './noise';
import { blankOrderRecord, changeDays, ORDER_ID_DIGITS, writeOrderRowAsOf, type OrderRecord } from './order-record';
import { REVIEW_TEXTS, csvField } from './pools';
import { cumulative, type Rng, sampleCumulative } from './prng';
import type { Schedule } from './schedule';
import type { Tastes } from './taste';
import type { TruthLedger } from './truth';
import {
  AFFINITY_ORDER_SHARE,
  AFFINITY_PAIR_SHARE,
  CATEGORIES,
  CHANNEL_WEIGHTS,
  CURRENCIES,
  GAMMA_GAMMA,
  LIFECYCLE,
  LINE_COUNT_WEIGHTS,
  PREFERRED_CHANNEL_SHARE,
  REGIONS,
  RE_SEND,
  RETURN_REASONS,
  TASTE,
} from './world';

const POS = 3;
const MARKETPLACE = 2;
const HOUR = 3600;
const REASONS = RETURN_REASONS.map(csvField);

export interface OrderFactoryDeps {
  calendar: Calendar;
  catalog: Catalog;
  population: Population;
  inventory: Inventory;
  schedule: Schedule;
  tastes: Tastes;
  ledger: TruthLedger;
  noise: NoiseInjector;
  rng: Rng;
}

/** Counters the manifest reports about what the planted process produced. */
export interface OrderStats {
  lines: number;
  /** Lines drawn from the buyer's favourite categories (the rest: affinity sets and popularity). */
  tasteLines: number;
  affinityOrders: number;
  promoCodeOrders: number;
  welcomeCodeOrders: number;
}

/**
 * Builds one order's whole life at creation time (basket, money, timestamps, returns, reviews,
 * stock movements), writes its creation-day rows and schedules the rest for later export days.
 */
export class OrderFactory {
  private sequence = 0;
  /** Records whose re-sends are all written, ready for the next orders. */
  private readonly spare: OrderRecord[] = [];
  private readonly lineCountCum = cumulative(LINE_COUNT_WEIGHTS);
  private readonly channelCum = cumulative(CHANNEL_WEIGHTS);
  private readonly currencyOfRegion = REGIONS.map((r) => CURRENCIES.indexOf(r.currency as (typeof CURRENCIES)[number]));
  private readonly pairs: number[][];
  private readonly triples: number[][];
  private readonly horizon: number;
  readonly stats: OrderStats = { lines: 0, tasteLines: 0, affinityOrders: 0, promoCodeOrders: 0, welcomeCodeOrders: 0 };
  private readonly basket: number[] = [];
  private readonly quantities: number[] = [];
  private readonly unitPrices: number[] = [];

  constructor(private readonly deps: OrderFactoryDeps) {
    this.pairs = deps.catalog.affinitySets.filter((s) => s.length === 2);
    this.triples = deps.catalog.affinitySets.filter((s) => s.length === 3);
    this.horizon = deps.calendar.days * DAY_SECONDS;
  }

  private within(t: number): number {
    return t >= 0 && t < this.horizon ? t : -1;
  }

  /** An affinity set (sometimes), then lines from the buyer's taste or the store's popularity. */
  private fillBasket(customer: number, rng: Rng): void {
    const basket = this.basket;
    basket.length = 0;
    const k = sampleCumulative(this.lineCountCum, rng.next()) + 1;
    if (rng.next() < AFFINITY_ORDER_SHARE) {
      const sets = rng.next() < AFFINITY_PAIR_SHARE ? this.pairs : this.triples;
      if (sets.length > 0) {
        for (const product of sets[rng.int(sets.length)] as number[]) basket.push(product);
        this.stats.affinityOrders += 1;
      }
    }
    const size = Math.max(k, basket.length);
    while (basket.length < size) {
      // Popularity draws keep this finite even when a favourite category has few products.
      const isTaste = rng.next() < TASTE.lineShare;
      const product = isTaste ? this.deps.tastes.drawFavourite(customer, rng) : drawProduct(this.deps.catalog, rng);
      if (basket.includes(product)) continue;
      basket.push(product);
      if (isTaste) this.stats.tasteLines += 1;
    }
  }

  place(customer: number, created: number, isFirstOrder: boolean, orders: EntitySink, items: EntitySink, ctx: NoiseContext): void {
    const { calendar, catalog, population, ledger, noise, rng } = this.deps;
    const day = Math.floor(created / DAY_SECONDS);
    const regionIndex = population.region[customer] as number;
    const region = REGIONS[regionIndex]!;
    const currency = this.currencyOfRegion[regionIndex] as number;
    const channel = rng.next() < PREFERRED_CHANNEL_SHARE ? (population.preferredChannel[customer] as number) : sampleCumulative(this.channelCum, rng.next());
    this.sequence += 1;
    const seq = this.sequence;
    const customerId = customerIdOf(customer, population.count);

    this.fillBasket(customer, rng);
    const basket = this.basket;
    const { quantities, unitPrices } = this;
    quantities.length = 0;
    unitPrices.length = 0;
    let basketCents = 0;
    for (const product of basket) {
      const unit = Math.round((catalog.listCents[product] as number) * region.fxFromUsd);
      unitPrices.push(unit);
      basketCents += unit;
    }
    // Gamma-Gamma: the customer's order value z ~ Gamma(p, ν); quantities scale the basket towards it.
    const ratio = (rng.gamma(GAMMA_GAMMA.p, population.spendRate[customer] as number) * 100 * region.fxFromUsd) / basketCents;
    for (let l = 0; l < basket.length; l += 1) {
      const whole = Math.floor(ratio);
      quantities.push(Math.max(1, Math.min(12, whole + (rng.next() < ratio - whole ? 1 : 0))));
    }

    const promo = calendar.promoByDay[day];
    let discountRate = 0;
    if (channel !== MARKETPLACE) {
      if (promo && rng.next() < LIFECYCLE.promoCodeUse) {
        discountRate = promo.discount;
        this.stats.promoCodeOrders += 1;
      } else if (!promo && isFirstOrder && rng.next() < LIFECYCLE.welcomeCodeUse) {
        discountRate = LIFECYCLE.welcomeDiscount;
        this.stats.welcomeCodeOrders += 1;
      }
    }

    // Lifecycle, in seconds; anything at or past the horizon has not happened yet.
    const isPos = channel === POS;
    let paid = -1;
    let fulfilled = -1;
    let delivered = -1;
    let cancelled = -1;
    let isLost = false;
    const fate = rng.next();
    if (fate < LIFECYCLE.cancelBeforePayment) {
      cancelled = created + rng.between(600, 12 * HOUR);
    } else if (fate >= LIFECYCLE.cancelBeforePayment + LIFECYCLE.abandonedUnpaid) {
      paid = created + (isPos ? rng.between(5, 60) : rng.between(30, 1800));
      if (!isPos && rng.next() < LIFECYCLE.cancelAfterPayment) {
        cancelled = paid + rng.between(1800, 36 * HOUR);
      } else {
        fulfilled = paid + (isPos ? rng.between(30, 120) : rng.between(2 * HOUR, 72 * HOUR));
        isLost = !isPos && rng.next() < LIFECYCLE.lostInTransit;
        if (!isLost) delivered = fulfilled + (isPos ? rng.between(60, 300) : rng.between(DAY_SECONDS, 6 * DAY_SECONDS));
      }
    }
    paid = this.within(paid);
    fulfilled = paid < 0 ? -1 : this.within(fulfilled);
    delivered = fulfilled < 0 ? -1 : this.within(delivered);
    cancelled = this.within(cancelled);
    const isCounted = cancelled < 0 && paid >= 0;
    const isReturnToSender = isLost && fulfilled >= 0 && rng.next() < LIFECYCLE.returnToSender;

    const order = this.spare.pop() ?? blankOrderRecord();
    order.seq = seq;
    order.pendingResends = 0;
    order.customerId = customerId;
    order.customer = customer;
    order.channel = channel;
    order.currency = currency;
    order.currencyCode = region.currency;
    order.createdDay = day;
    order.created = created;
    order.paid = paid;
    order.fulfilled = fulfilled;
    order.delivered = delivered;
    order.cancelled = cancelled;
    order.returnTimes.length = 0;
    order.subtotal = 0;
    order.discount = 0;
    order.tax = 0;
    order.shipping = 0;
    let units = 0;
    ctx.orderSeq = seq;
    ctx.customerId = customerId;
    for (let l = 0; l < basket.length; l += 1) {
      const product = basket[l] as number;
      const quantity = quantities[l] as number;
      const unit = unitPrices[l] as number;
      const gross = quantity * unit;
      const lineDiscount = Math.round(gross * discountRate);
      const lineNet = gross - lineDiscount;
      const lineTax = Math.round(lineNet * region.taxRate);
      order.subtotal += gross;
      order.discount += lineDiscount;
      order.tax += lineTax;
      units += quantity;
      const sku = catalog.skus[product] as string;
      // Items go to their own file, so they can be written before the order row is complete.
      items.ascii('O-').padded(seq, ORDER_ID_DIGITS).comma().int(l + 1).comma().ascii(sku).comma().int(quantity).comma();
      items.money(unit).comma().money(lineDiscount).comma().money(lineTax).endRow();
      ctx.sku = sku;
      noise.maybeInject(items, ctx);
      this.bookStock(product, quantity, paid, fulfilled, cancelled);
      const returnTime = this.planReturn(order, l + 1, product, quantity, lineNet, isReturnToSender);
      if (delivered >= 0) this.planReview(sku, customerId, product, delivered, returnTime);
    }
    order.returnTimes.sort((a, b) => a - b);
    order.shipping = isPos || order.subtotal - order.discount >= region.freeShippingCents ? 0 : region.shippingCents;
    this.stats.lines += basket.length;

    ledger.ordersAll += 1;
    if (isCounted) {
      ledger.addCountedOrder(day, currency, customer, { gross: order.subtotal, discount: order.discount, tax: order.tax, shipping: order.shipping, units });
    }

    writeOrderRowAsOf(orders, order, day, calendar);
    noise.maybeInject(orders, ctx);
    this.planResends(order, day);
  }

  private bookStock(product: number, quantity: number, paid: number, fulfilled: number, cancelled: number): void {
    const { inventory } = this.deps;
    if (paid < 0) return;
    inventory.add(Math.floor(paid / DAY_SECONDS), product, ALLOCATION, quantity);
    if (fulfilled >= 0) {
      const day = Math.floor(fulfilled / DAY_SECONDS);
      inventory.add(day, product, RELEASE, -quantity);
      inventory.add(day, product, SALE, -quantity);
    } else if (cancelled >= 0) {
      inventory.add(Math.floor(cancelled / DAY_SECONDS), product, RELEASE, -quantity);
    }
  }

  /** Returns the return time (or -1); books the refund truth by the 30-day rule. */
  private planReturn(order: OrderRecord, lineNo: number, product: number, quantity: number, lineNet: number, isReturnToSender: boolean): number {
    const { rng, schedule, ledger, inventory } = this.deps;
    let time = -1;
    if (isReturnToSender) {
      time = order.fulfilled + rng.between(20 * DAY_SECONDS, 40 * DAY_SECONDS);
    } else if (order.delivered >= 0) {
      const rate = (CATEGORIES[this.deps.catalog.categories[product] as number]?.returnRate ?? 0.05) * (order.channel === POS ? 0.5 : 1);
      if (rng.next() >= rate) return -1;
      // Keep clear of the 30-day boundary so day- and timestamp-based rules agree.
      time = rng.next() < LIFECYCLE.lateReturnShare
        ? order.delivered + rng.between(33 * DAY_SECONDS, 80 * DAY_SECONDS)
        : order.delivered + rng.between(2 * DAY_SECONDS, 28 * DAY_SECONDS);
    } else {
      return -1;
    }
    const returned = isReturnToSender || quantity === 1 ? quantity : rng.between(1, quantity);
    const reason = isReturnToSender ? 'returned to sender' : (REASONS[rng.int(REASONS.length)] as string);
    time = this.within(time);
    if (time < 0) return -1;
    const day = Math.floor(time / DAY_SECONDS);
    order.returnTimes.push(time);
    schedule.returnOn(day, { orderSeq: order.seq, lineNo, quantity: returned, time, reason });
    inventory.add(day, product, RETURN, returned);
    if (order.delivered < 0) {
      ledger.returnsNotDelivered += 1;
    } else if (time - order.delivered <= 30 * DAY_SECONDS) {
      ledger.returnsWithin30Days += 1;
      ledger.addRefund(day, order.currency, Math.round((lineNet * returned) / quantity));
    } else {
      ledger.returnsAfter30Days += 1;
    }
    return time;
  }

  /** Reviews are rarer for kept items and skew low for returned ones. */
  private planReview(sku: string, customerId: string, product: number, delivered: number, returnTime: number): void {
    const { rng, schedule, catalog } = this.deps;
    const isReturned = returnTime >= 0;
    if (rng.next() >= (isReturned ? LIFECYCLE.reviewRateWhenReturned : LIFECYCLE.reviewRate)) return;
    const mean = isReturned ? 1.8 : (catalog.quality[product] as number);
    const rating = Math.max(1, Math.min(5, Math.round(mean + 0.8 * rng.normal())));
    const time = this.within((isReturned ? returnTime : delivered) + rng.between(3600, (isReturned ? 5 : 25) * DAY_SECONDS));
    if (time < 0) return;
    const texts = REVIEW_TEXTS[rating] as readonly string[];
    schedule.reviewOn(Math.floor(time / DAY_SECONDS), { sku, customerId, rating, text: texts[rng.int(texts.length)] as string, time, isAfterReturn: isReturned });
  }

  /** The final state is always re-sent on its day; some orders also at an intermediate state or twice. */
  private planResends(order: OrderRecord, createdDay: number): void {
    const { rng, schedule } = this.deps;
    const days = changeDays(order);
    const last = days.at(-1);
    let pending = 0;
    if (last !== undefined) {
      if (schedule.resend(last, order, 'status_update')) pending += 1;
      if (days.length >= 2 && rng.next() < RE_SEND.intermediate && schedule.resend(days[rng.int(days.length - 1)] as number, order, 'status_update')) pending += 1;
    }
    if (rng.next() < RE_SEND.exactRepeat && schedule.resend((last ?? createdDay) + rng.between(1, 3), order, 'exact_repeat')) pending += 1;
    order.pendingResends = pending;
    if (pending === 0) this.spare.push(order);
  }

  /** Called after each re-send row is written: the record is recycled after its last one. */
  released(order: OrderRecord): void {
    order.pendingResends -= 1;
    if (order.pendingResends === 0) this.spare.push(order);
  }
}

let customerIds: string[] = [];
/** Customer ids are formatted once per generation: they appear on every order row. */
export function customerIdOf(customer: number, count: number): string {
  if (customerIds.length !== count) {
    const width = Math.max(6, String(count).length);
    customerIds = Array.from({ length: count }, (_, i) => `C-${String(i + 1).padStart(width, '0')}`);
  }
  return customerIds[customer] as string;
}
