import type { SourceRecord } from '../etl/source';
import { nativeRecord, UNCATEGORISED } from './native-record';
import { allocateCents, centsToUnits, fromUnits, unitsToCents } from './values/money';

/** Order-level values as one row of a line-per-row export carries them. Money in 1/10,000 units. */
export interface OrderHeader {
  order_id: string;
  customer_id: string;
  channel: string;
  status: string;
  created_at: string;
  paid_at: string;
  fulfilled_at: string;
  delivered_at: string;
  cancelled_at: string;
  currency: string;
  discount: number | null;
  tax: number | null;
  shipping: number | null;
  total: number | null;
}

export interface CustomerObservation {
  customer_id: string;
  email: string;
  name: string;
  region: string;
  country: string;
  city: string;
  segment: string;
  acquisition_channel: string;
  at: string;
}

export interface ProductObservation {
  sku: string;
  name: string;
  category: string;
  brand: string;
  at: string;
  /** null when the line says nothing about the list price (a free or negative line). */
  unitPrice: number | null;
}

interface OrderEntry {
  header: OrderHeader;
  line: number;
  raw: string;
  gross: number[];
  isTaxable: boolean[];
  lineDiscount: number;
  lineTax: number;
  hasLineDiscount: boolean;
  hasLineTax: boolean;
}

interface ProductEntry {
  sku: string;
  name: string;
  category: string;
  brand: string;
  firstAt: string;
  line: number;
  raw: string;
  /** Per local day: when it was first seen and how often each price occurred. */
  days: Map<string, { firstAt: string; prices: Map<number, number> }>;
}

/**
 * The aggregates a line-per-row export needs before its parents can be written: orders with
 * their totals and per-line shares of order-level discount and tax, customers, and products
 * with their price history. Filled in the first pass, read in the second.
 */
export class OrderBook {
  private readonly orders = new Map<string, OrderEntry>();
  private readonly customers = new Map<string, { obs: CustomerObservation; line: number; raw: string }>();
  private readonly products = new Map<string, ProductEntry>();
  private allocations = new Map<string, { discount: number[]; tax: number[] }>();

  observeOrder(header: OrderHeader, line: number, raw: string): void {
    const entry = this.orders.get(header.order_id);
    if (!entry) {
      this.orders.set(header.order_id, { header: { ...header }, line, raw, gross: [], isTaxable: [], lineDiscount: 0, lineTax: 0, hasLineDiscount: false, hasLineTax: false });
      return;
    }
    // Later rows of an order usually leave order fields empty; they only fill gaps.
    const target = entry.header as unknown as Record<string, string | number | null>;
    for (const [key, value] of Object.entries(header)) {
      if ((target[key] === '' || target[key] === null) && value !== '' && value !== null) target[key] = value;
    }
  }

  /** Adds a line to an observed order and returns its 1-based line number. */
  addLine(orderId: string, gross: number, lineDiscount: number | null, lineTax: number | null, isTaxable = true): number {
    const entry = this.orders.get(orderId);
    if (!entry) throw new Error(`order ${orderId} was not observed before its line`);
    entry.gross.push(gross);
    entry.isTaxable.push(isTaxable);
    if (lineDiscount !== null && lineDiscount !== 0) entry.hasLineDiscount = true;
    if (lineTax !== null && lineTax !== 0) entry.hasLineTax = true;
    entry.lineDiscount += lineDiscount ?? 0;
    entry.lineTax += lineTax ?? 0;
    return entry.gross.length;
  }

  /** Gives every order without a value for these fields the default (e.g. the file's currency). */
  fillBlanks(defaults: Partial<Record<'channel' | 'currency' | 'status' | 'customer_id', string>>): void {
    for (const { header } of this.orders.values()) {
      for (const [key, value] of Object.entries(defaults) as [keyof typeof defaults, string][]) {
        if (header[key] === '' && value) header[key] = value;
      }
    }
  }

  hasOrder(orderId: string): boolean {
    return this.orders.has(orderId);
  }

  orderHeader(orderId: string): OrderHeader | undefined {
    return this.orders.get(orderId)?.header;
  }

  observeCustomer(obs: CustomerObservation, line: number, raw: string): void {
    const entry = this.customers.get(obs.customer_id);
    if (!entry) {
      this.customers.set(obs.customer_id, { obs: { ...obs }, line, raw });
      return;
    }
    const target = entry.obs as unknown as Record<string, string>;
    for (const [key, value] of Object.entries(obs)) if (target[key] === '' && value !== '') target[key] = value;
    if (obs.at > entry.obs.at) entry.obs.at = obs.at;
  }

  observeProduct(obs: ProductObservation, line: number, raw: string): void {
    let entry = this.products.get(obs.sku);
    if (!entry) {
      entry = { sku: obs.sku, name: obs.name, category: obs.category, brand: obs.brand, firstAt: obs.at, line, raw, days: new Map() };
      this.products.set(obs.sku, entry);
    }
    if (!entry.name && obs.name) entry.name = obs.name;
    if (!entry.brand && obs.brand) entry.brand = obs.brand;
    if (obs.at < entry.firstAt) entry.firstAt = obs.at;
    if (obs.unitPrice === null) return;
    const dayKey = obs.at.slice(0, 10);
    let day = entry.days.get(dayKey);
    if (!day) {
      day = { firstAt: obs.at, prices: new Map() };
      entry.days.set(dayKey, day);
    }
    if (obs.at < day.firstAt) day.firstAt = obs.at;
    day.prices.set(obs.unitPrice, (day.prices.get(obs.unitPrice) ?? 0) + 1);
  }

  /**
   * Parent records after the first pass. Order totals: subtotal = Σ quantity × unit price of its
   * lines; discount and tax come from the order-level value when the export has one, otherwise
   * from the lines; total = subtotal − discount + tax + shipping unless the file states it.
   */
  head(): SourceRecord[] {
    const records: SourceRecord[] = [];
    for (const { obs, line, raw } of this.customers.values()) {
      records.push(nativeRecord('customers', { ...obs, updated_at: obs.at }, line, raw));
    }
    for (const product of this.products.values()) records.push(...this.productVersions(product));
    for (const [orderId, entry] of this.orders) {
      const { header } = entry;
      const subtotal = entry.gross.reduce((a, b) => a + b, 0);
      const discount = header.discount ?? entry.lineDiscount;
      const tax = header.tax ?? entry.lineTax;
      const shipping = header.shipping ?? 0;
      const total = header.total ?? subtotal - discount + tax + shipping;
      this.allocations.set(orderId, this.lineShares(entry, discount, tax));
      const updatedAt = [header.created_at, header.paid_at, header.fulfilled_at, header.delivered_at, header.cancelled_at]
        .filter(Boolean)
        .sort()
        .at(-1)!;
      records.push(
        nativeRecord(
          'orders',
          {
            ...header,
            subtotal: fromUnits(subtotal),
            discount: fromUnits(discount),
            tax: fromUnits(tax),
            shipping: fromUnits(shipping),
            total: fromUnits(total),
            updated_at: updatedAt,
          },
          entry.line,
          entry.raw,
        ),
      );
    }
    return records;
  }

  /** A line's discount and tax: its own when the export has line values, else its share of the order's. */
  lineAmounts(orderId: string, lineNo: number, ownDiscount: number | null, ownTax: number | null): { discount: number; tax: number } {
    const shares = this.allocations.get(orderId);
    const entry = this.orders.get(orderId);
    const discount = entry?.hasLineDiscount || !shares ? (ownDiscount ?? 0) : centsToUnits(shares.discount[lineNo - 1] ?? 0);
    const tax = entry?.hasLineTax || !shares ? (ownTax ?? 0) : centsToUnits(shares.tax[lineNo - 1] ?? 0);
    return { discount, tax };
  }

  private lineShares(entry: OrderEntry, discount: number, tax: number): { discount: number[]; tax: number[] } {
    const grossCents = entry.gross.map(unitsToCents);
    const totalGross = grossCents.reduce((a, b) => a + b, 0);
    const discountCents = entry.hasLineDiscount ? [] : allocateCents(Math.min(unitsToCents(discount), totalGross), grossCents);
    const netCents = grossCents.map((g, i) => (entry.isTaxable[i] ? Math.max(0, g - (discountCents[i] ?? 0)) : 0));
    const taxCents = entry.hasLineTax ? [] : allocateCents(unitsToCents(tax), netCents);
    return { discount: discountCents, tax: taxCents };
  }

  /**
   * SCD-2 versions from observed prices: the list price of a day is its most frequent unit price
   * (quantity breaks make single lines noisy), and a day whose price differs from the current
   * version opens a new one. The first version starts at the first sighting, so every line finds one.
   */
  private productVersions(product: ProductEntry): SourceRecord[] {
    const days = [...product.days.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const versions: { at: string; price: number }[] = [];
    for (const [, day] of days) {
      const price = [...day.prices.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
      if (versions.length === 0) versions.push({ at: product.firstAt, price });
      else if (versions.at(-1)!.price !== price) versions.push({ at: day.firstAt, price });
    }
    if (versions.length === 0) versions.push({ at: product.firstAt, price: 0 });
    return versions.map((version) =>
      nativeRecord(
        'products',
        {
          sku: product.sku,
          name: product.name || product.sku,
          category: product.category || UNCATEGORISED,
          brand: product.brand,
          // Exports carry no cost or reorder point; the native contract requires both, so 0 stands for unknown.
          cost: '0.00',
          reorder_point: '0',
          list_price: fromUnits(version.price),
          updated_at: version.at,
        },
        product.line,
        product.raw,
      ),
    );
  }
}
