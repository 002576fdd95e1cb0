import type { Calendar } from './calendar';
import { CURRENCIES } from './world';

export interface MoneyTotals {
  grossCents: number;
  discountCents: number;
  taxCents: number;
  shippingCents: number;
  refundCents: number;
  netCents: number;
  orders: number;
  units: number;
}

export interface DailyTotals extends MoneyTotals {
  date: string;
  currency: string;
}

const FIELDS = 8;
const GROSS = 0;
const DISCOUNT = 1;
const TAX = 2;
const SHIPPING = 3;
const REFUND = 4;
const ORDERS = 6;
const UNITS = 7;

/**
 * The exact totals a correct pipeline must reproduce, kept per day and currency in integer
 * cents while the generator writes (see TOTALS_DEFINITIONS in manifest.ts for the rules).
 */
export class TruthLedger {
  private readonly cells: Float64Array;
  ordersAll = 0;
  ordersCounted = 0;
  returnsWithin30Days = 0;
  returnsAfter30Days = 0;
  returnsNotDelivered = 0;
  private readonly hasCountedOrder: Uint8Array;

  constructor(
    private readonly calendar: Calendar,
    customers: number,
  ) {
    this.cells = new Float64Array(calendar.days * CURRENCIES.length * FIELDS);
    this.hasCountedOrder = new Uint8Array(customers);
  }

  private at(day: number, currency: number, field: number): number {
    return (day * CURRENCIES.length + currency) * FIELDS + field;
  }

  private bump(day: number, currency: number, field: number, amount: number): void {
    const i = this.at(day, currency, field);
    this.cells[i] = (this.cells[i] as number) + amount;
  }

  /** A counted order: paid and not cancelled in its final state; booked on its created date. */
  addCountedOrder(day: number, currency: number, customer: number, order: { gross: number; discount: number; tax: number; shipping: number; units: number }): void {
    this.ordersCounted += 1;
    this.hasCountedOrder[customer] = 1;
    this.bump(day, currency, GROSS, order.gross);
    this.bump(day, currency, DISCOUNT, order.discount);
    this.bump(day, currency, TAX, order.tax);
    this.bump(day, currency, SHIPPING, order.shipping);
    this.bump(day, currency, ORDERS, 1);
    this.bump(day, currency, UNITS, order.units);
  }

  /** Refunds are booked on the return's date. */
  addRefund(day: number, currency: number, refundCents: number): void {
    this.bump(day, currency, REFUND, refundCents);
  }

  customersWithCountedOrder(): number {
    return this.hasCountedOrder.reduce((a, b) => a + b, 0);
  }

  daily(): DailyTotals[] {
    const out: DailyTotals[] = [];
    for (let day = 0; day < this.calendar.days; day += 1) {
      for (let c = 0; c < CURRENCIES.length; c += 1) {
        const get = (field: number): number => this.cells[this.at(day, c, field)] as number;
        if (get(ORDERS) === 0 && get(REFUND) === 0) continue;
        const totals = this.totalsOf(get);
        out.push({ date: this.calendar.dateKeys[day] as string, currency: CURRENCIES[c] as string, ...totals });
      }
    }
    return out;
  }

  byCurrency(): Record<string, MoneyTotals> {
    const out: Record<string, MoneyTotals> = {};
    CURRENCIES.forEach((currency, c) => {
      const get = (field: number): number => {
        let sum = 0;
        for (let day = 0; day < this.calendar.days; day += 1) sum += this.cells[this.at(day, c, field)] as number;
        return sum;
      };
      if (get(ORDERS) > 0 || get(REFUND) > 0) out[currency] = this.totalsOf(get);
    });
    return out;
  }

  private totalsOf(get: (field: number) => number): MoneyTotals {
    const gross = get(GROSS);
    const discount = get(DISCOUNT);
    const refund = get(REFUND);
    return {
      grossCents: gross,
      discountCents: discount,
      taxCents: get(TAX),
      shippingCents: get(SHIPPING),
      refundCents: refund,
      netCents: gross - discount - refund,
      orders: get(ORDERS),
      units: get(UNITS),
    };
  }
}
