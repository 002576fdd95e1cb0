import { isCountedStatus, lineNet, type FixtureLine, type FixtureOrder, type FixtureSpec } from './fixture';

/**
 * Independent expected figures: plain TypeScript over the fixture specs, following the metric
 * definitions in words (src/shared/metrics.ts), never the engine's SQL.
 */
export interface ExpectedFilters {
  from: string;
  to: string;
  currency: string;
  region?: string[];
  segment?: string[];
  channel?: string[];
  category?: string[];
}

export interface FlatLine {
  order: FixtureOrder;
  line: FixtureLine;
  lineNo: number;
  category: string;
}

export class FixtureModel {
  readonly customerById;
  readonly productBySku;

  constructor(readonly spec: FixtureSpec) {
    this.customerById = new Map(spec.customers.map((c) => [c.id, c]));
    this.productBySku = new Map(spec.products.map((p) => [p.sku, p]));
  }

  categoryOf(sku: string): string {
    return this.productBySku.get(sku)?.category ?? '';
  }

  /** Order-level filters: currency, channel, the customer's region and segment; counted only. */
  orderMatches(order: FixtureOrder, f: ExpectedFilters): boolean {
    if (!isCountedStatus(order.status) || order.currency !== f.currency) return false;
    const customer = order.customerId ? this.customerById.get(order.customerId) : undefined;
    if (f.channel && !f.channel.includes(order.channel)) return false;
    if (f.region && !f.region.includes(customer?.region ?? '')) return false;
    if (f.segment && !f.segment.includes(customer?.segment ?? '')) return false;
    return true;
  }

  linesOf(order: FixtureOrder, f: ExpectedFilters): FlatLine[] {
    return order.lines
      .map((line, i) => ({ order, line, lineNo: i + 1, category: this.categoryOf(line.sku) }))
      .filter((l) => !f.category || f.category.includes(l.category));
  }

  ordersIn(f: ExpectedFilters, from = f.from, to = f.to): FixtureOrder[] {
    return this.spec.orders.filter((o) => o.date >= from && o.date <= to && this.orderMatches(o, f) && this.linesOf(o, f).length > 0);
  }

  linesIn(f: ExpectedFilters, from = f.from, to = f.to): FlatLine[] {
    return this.ordersIn(f, from, to).flatMap((o) => this.linesOf(o, f));
  }

  /** Returns booked (by return date) in the range, on matching orders and lines. */
  returnsIn(f: ExpectedFilters, from = f.from, to = f.to) {
    return this.spec.returns.filter((r) => {
      if (r.date < from || r.date > to) return false;
      const order = this.spec.orders.find((o) => o.id === r.orderId);
      const line = order?.lines[r.lineNo - 1];
      if (!order || !line || !this.orderMatches(order, f)) return false;
      return !f.category || f.category.includes(this.categoryOf(line.sku));
    });
  }

  /** First counted order date of a customer in any currency. */
  firstOrderDate(customerId: string): string | null {
    const dates = this.spec.orders.filter((o) => o.customerId === customerId && isCountedStatus(o.status)).map((o) => o.date).sort();
    return dates[0] ?? null;
  }

  kpis(f: ExpectedFilters) {
    const orders = this.ordersIn(f);
    const lines = this.linesIn(f);
    const returns = this.returnsIn(f);
    const byCategory = f.category !== undefined;
    const sum = <T>(items: readonly T[], value: (item: T) => number): number => items.reduce((s, i) => s + value(i), 0);
    const gross = sum(lines, (l) => l.line.quantity * l.line.unitPriceCents);
    const discounts = byCategory ? sum(lines, (l) => l.line.discountCents) : sum(lines, (l) => l.line.discountCents) + sum(orders, (o) => o.extraDiscountCents);
    const taxes = sum(lines, (l) => l.line.taxCents);
    const shipping = sum(orders, (o) => o.shippingCents);
    const refunds = sum(returns, (r) => r.refundCents);
    const net = gross - discounts - refunds;
    const units = sum(lines, (l) => l.line.quantity);
    const ordersPerCustomer = new Map<string, number>();
    for (const o of orders) if (o.customerId) ordersPerCustomer.set(o.customerId, (ordersPerCustomer.get(o.customerId) ?? 0) + 1);
    const customers = ordersPerCustomer.size;
    const newCustomers = [...ordersPerCustomer.keys()].filter((id) => {
      const first = this.firstOrderDate(id);
      return first !== null && first >= f.from && first <= f.to;
    }).length;
    const repeat = [...ordersPerCustomer.values()].filter((n) => n >= 2).length;
    const lastOrderDay = new Map<string, string>();
    for (const o of orders) if (o.customerId && o.date > (lastOrderDay.get(o.customerId) ?? '')) lastOrderDay.set(o.customerId, o.date);
    const returning = [...ordersPerCustomer].filter(([id, n]) => {
      const first = this.firstOrderDate(id) ?? f.from;
      return n >= 2 || first < f.from || (lastOrderDay.get(id) ?? '') > first;
    }).length;
    const returnedOrders = new Set(returns.map((r) => r.orderId)).size;
    const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
    return {
      gross_sales: gross / 100,
      discounts: discounts / 100,
      refunds: refunds / 100,
      net_sales: net / 100,
      taxes: taxes / 100,
      shipping: shipping / 100,
      total_sales: (net + taxes + shipping) / 100,
      orders: orders.length,
      units,
      customers,
      aov: orders.length > 0 ? Math.round((gross - discounts) / orders.length) / 100 : null,
      new_customers: newCustomers,
      returning_customers: returning,
      returning_customer_rate: ratio(returning, customers),
      repeat_purchase_rate: ratio(repeat, customers),
      return_rate_value: ratio(refunds, gross - discounts),
      return_rate_units: ratio(sum(returns, (r) => r.quantity), units),
      return_rate_orders: ratio(returnedOrders, orders.length),
    };
  }

  /** Net sales (cents) per day: gross − discounts by order date, minus refunds by return date. */
  netByDay(f: ExpectedFilters): Map<string, number> {
    const byDay = new Map<string, number>();
    const add = (day: string, v: number): void => {
      byDay.set(day, (byDay.get(day) ?? 0) + v);
    };
    for (const o of this.ordersIn(f)) {
      for (const l of this.linesOf(o, f)) add(o.date, lineNet(l.line));
      if (!f.category) add(o.date, -o.extraDiscountCents);
    }
    for (const r of this.returnsIn(f)) add(r.date, -r.refundCents);
    return byDay;
  }

  /** Line net after returns (cents) per value of a key. */
  lineNetBy(f: ExpectedFilters, keyOf: (l: FlatLine) => string): Map<string, number> {
    const out = new Map<string, number>();
    for (const l of this.linesIn(f)) out.set(keyOf(l), (out.get(keyOf(l)) ?? 0) + lineNet(l.line));
    for (const r of this.returnsIn(f)) {
      const order = this.spec.orders.find((o) => o.id === r.orderId);
      const line = order?.lines[r.lineNo - 1];
      if (!order || !line) continue;
      const key = keyOf({ order, line, lineNo: r.lineNo, category: this.categoryOf(line.sku) });
      out.set(key, (out.get(key) ?? 0) - r.refundCents);
    }
    return out;
  }

  regionOf(order: FixtureOrder): string {
    return (order.customerId ? this.customerById.get(order.customerId)?.region : null) ?? '';
  }
}
