import type { SourceReject } from '../../etl/source';
import { ColumnReader } from '../columns';
import type { CsvRow } from '../csv-rows';
import { GUEST_PREFIX, nativeRecord, NON_PRODUCT_CATEGORY, UNCATEGORISED } from '../native-record';
import { OrderBook, type OrderHeader } from '../order-book';
import type { RowAdapter, RowOutput } from '../row-source';
import { parseDate, toIsoTimestamp } from '../values/dates';
import { parseDecimal, parseInteger } from '../values/decimal';
import { formatMoney, fromUnits, toUnits } from '../values/money';
import { describeUnplacedRefund, planShopifyRefund, type RefundableLine } from './shopify-refunds';
import { isShopifyNonProduct, shopifyChannel, shopifyOrderStatus, stripExcelApostrophe } from './shopify-status';

/** Columns without which a Shopify orders export cannot be read (alternatives per column). */
export const SHOPIFY_REQUIRED = [['Name'], ['Created at'], ['Lineitem quantity'], ['Lineitem name'], ['Lineitem price']] as const;

/** True when a header is a Shopify "Export orders" file. */
export function isShopifyOrdersHeader(reader: ColumnReader): boolean {
  return ['Name', 'Financial Status', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Created at'].every((c) => reader.has(c));
}

interface ParsedLine {
  orderId: string;
  header: OrderHeader;
  email: string;
  sku: string;
  name: string;
  quantity: number;
  price: number;
  ownDiscount: number | null;
  isTaxable: boolean;
  isNonProduct: boolean;
  customer: { name: string; city: string; region: string; country: string };
  financial: string;
  refunded: string;
}

type Parse = { ok: true; value: ParsedLine } | { ok: false; reject: Omit<SourceReject, 'raw'> };

/**
 * Shopify "Export orders": one row per line item, order fields on the order's first row only
 * (rows are grouped by `Name`). Customers are identified by lower-cased e-mail; an order without
 * e-mail is a guest with the stable id `guest:<Name>`. `Created at` keeps its offset, so the order
 * day is the local day as written. Products are keyed by Lineitem sku, or by Lineitem name when the
 * sku is empty (common for small stores).
 */
export function createShopifyAdapter(file: string): RowAdapter {
  const book = new OrderBook();
  const refundLines = new Map<string, RefundableLine[]>();
  const refundFacts = new Map<string, { financial: string; refunded: string }>();
  const returnRows = new Map<string, { line: number; raw: string }>();
  const warnings: string[] = [];
  const lineCounters = new Map<string, number>();
  let fileCurrency = '';
  let parse: (fields: readonly string[], line: number) => Parse = () => {
    throw new Error('start() not called');
  };

  function money(text: string): number | null {
    if (text === '') return null;
    const parsed = parseDecimal(text, '.');
    return parsed.ok ? toUnits(parsed.value) : null;
  }

  return {
    isTwoPass: true,
    start(header) {
      const reader = new ColumnReader(header);
      reader.requireAll(file, SHOPIFY_REQUIRED);
      const get = (name: string) => reader.cell(name);
      const c = {
        name: get('Name'), email: get('Email'), financial: get('Financial Status'), paidAt: get('Paid at'),
        fulfillment: get('Fulfillment Status'), fulfilledAt: get('Fulfilled at'), currency: get('Currency'),
        shipping: get('Shipping'), taxes: get('Taxes'), total: get('Total'), discount: get('Discount Amount'),
        createdAt: get('Created at'), qty: get('Lineitem quantity'), itemName: get('Lineitem name'), price: get('Lineitem price'),
        sku: get('Lineitem sku'), requiresShipping: get('Lineitem requires shipping'), taxable: get('Lineitem taxable'),
        lineDiscount: get('Lineitem discount'), cancelledAt: get('Cancelled at'), source: get('Source'), refunded: get('Refunded Amount'),
        billingName: get('Billing Name'), shippingName: get('Shipping Name'), city: get('Billing City'),
        province: reader.cell('Billing Province Name', 'Billing Province'), country: get('Billing Country'),
        taxValues: [1, 2, 3, 4, 5].map((n) => get(`Tax ${n} Value`)),
      };
      const timestamp = (fields: readonly string[], cell: (f: readonly string[]) => string, column: string) => {
        const text = cell(fields);
        if (text === '') return { ok: true as const, value: '' };
        const parsed = parseDate(text, 'iso');
        return parsed.ok ? { ok: true as const, value: toIsoTimestamp(parsed.value, 'UTC') } : { ok: false as const, column, reason: parsed.reason };
      };
      parse = (fields, line) => {
        const orderId = c.name(fields);
        if (orderId === '') return { ok: false, reject: { line, column: 'Name', reason: 'the order Name is empty' } };
        const stamps: Record<string, string> = {};
        for (const [key, cell, column] of [
          ['created_at', c.createdAt, 'Created at'], ['paid_at', c.paidAt, 'Paid at'],
          ['fulfilled_at', c.fulfilledAt, 'Fulfilled at'], ['cancelled_at', c.cancelledAt, 'Cancelled at'],
        ] as const) {
          const parsed = timestamp(fields, cell, column);
          if (!parsed.ok) return { ok: false, reject: { line, column: parsed.column, reason: parsed.reason } };
          stamps[key] = parsed.value;
        }
        if (stamps.created_at === '' && !book.orderHeader(orderId)?.created_at) {
          return { ok: false, reject: { line, column: 'Created at', reason: `order ${orderId} has no Created at on any of its rows so far` } };
        }
        const quantity = parseInteger(c.qty(fields), '.');
        if (!quantity.ok || Number(quantity.value) <= 0) {
          return { ok: false, reject: { line, column: 'Lineitem quantity', reason: quantity.ok ? `quantity ${quantity.value} is not positive` : quantity.reason } };
        }
        const price = parseDecimal(c.price(fields), '.');
        if (!price.ok || price.value.startsWith('-')) {
          return { ok: false, reject: { line, column: 'Lineitem price', reason: price.ok ? `negative price ${price.value}` : price.reason } };
        }
        for (const [cell, column] of [[c.discount, 'Discount Amount'], [c.taxes, 'Taxes'], [c.shipping, 'Shipping'], [c.total, 'Total']] as const) {
          const text = cell(fields);
          if (text !== '' && money(text) === null) return { ok: false, reject: { line, column, reason: `'${text}' is not an amount` } };
        }
        const email = c.email(fields).toLowerCase();
        const taxLines = c.taxValues.map((cell) => money(cell(fields))).filter((v): v is number => v !== null);
        const itemName = c.itemName(fields).replace(/\s+/g, ' ');
        const financial = c.financial(fields);
        const header: OrderHeader = {
          order_id: orderId,
          customer_id: email.includes('@') ? email : `${GUEST_PREFIX}${orderId}`,
          channel: c.source(fields) === '' ? '' : shopifyChannel(c.source(fields)),
          status: financial === '' ? '' : shopifyOrderStatus(financial, c.fulfillment(fields), stamps.cancelled_at!),
          created_at: stamps.created_at!,
          // Shopify leaves Paid at empty on zero-total and some older orders; the financial status
          // is authoritative, so the creation time stands in for the payment time.
          paid_at: stamps.paid_at || (/^(paid|partially_refunded|refunded)$/i.test(financial) ? stamps.created_at! : ''),
          fulfilled_at: stamps.fulfilled_at!,
          // Shopify's export has no delivery time; fulfilment is the last tracked step, so it
          // stands in for delivery when the 30-day refund rule is applied.
          delivered_at: stamps.fulfilled_at!,
          cancelled_at: stamps.cancelled_at!,
          currency: c.currency(fields).toUpperCase(),
          discount: money(c.discount(fields)),
          // Taxes is the order's tax; older exports leave it empty but list the tax lines.
          tax: money(c.taxes(fields)) ?? (taxLines.length > 0 ? taxLines.reduce((a, b) => a + b, 0) : null),
          shipping: money(c.shipping(fields)),
          total: money(c.total(fields)),
        };
        return {
          ok: true,
          value: {
            orderId,
            header,
            email,
            sku: stripExcelApostrophe(c.sku(fields)) || itemName,
            name: itemName,
            quantity: Number(quantity.value),
            price: toUnits(price.value),
            ownDiscount: money(c.lineDiscount(fields)),
            isTaxable: c.taxable(fields).toLowerCase() !== 'false',
            isNonProduct: isShopifyNonProduct(itemName, c.requiresShipping(fields)),
            customer: {
              name: c.billingName(fields) || c.shippingName(fields),
              city: c.city(fields),
              region: c.province(fields),
              country: stripExcelApostrophe(c.country(fields)),
            },
            financial,
            refunded: c.refunded(fields),
          },
        };
      };
    },
    scan(row: CsvRow) {
      const parsed = parse(row.fields, row.line);
      if (!parsed.ok) return;
      const p = parsed.value;
      book.observeOrder(p.header, row.line, row.raw);
      if (p.header.currency) fileCurrency = p.header.currency;
      const money = refundFacts.get(p.orderId) ?? { financial: '', refunded: '' };
      if (!money.financial && p.financial) money.financial = p.financial;
      if (!money.refunded && p.refunded) money.refunded = p.refunded;
      refundFacts.set(p.orderId, money);
      const order = book.orderHeader(p.orderId)!;
      book.addLine(p.orderId, p.quantity * p.price, p.ownDiscount, null, p.isTaxable);
      const isGuest = order.customer_id.startsWith(GUEST_PREFIX);
      book.observeCustomer(
        { customer_id: order.customer_id, email: isGuest ? '' : p.email, ...p.customer, segment: isGuest ? 'guest' : '', acquisition_channel: order.channel, at: order.created_at },
        row.line,
        row.raw,
      );
      book.observeProduct(
        { sku: p.sku, name: p.name, category: p.isNonProduct ? NON_PRODUCT_CATEGORY : UNCATEGORISED, brand: '', at: order.created_at, unitPrice: p.price > 0 ? p.price : null },
        row.line,
        row.raw,
      );
    },
    head() {
      // An order whose rows never named a channel or currency gets the store's (one file = one store).
      book.fillBlanks({ channel: 'shopify', currency: fileCurrency, status: 'paid' });
      return book.head();
    },
    emit(row: CsvRow, out: RowOutput) {
      const parsed = parse(row.fields, row.line);
      if (!parsed.ok) {
        out.rejects.push({ ...parsed.reject, raw: row.raw });
        return;
      }
      const p = parsed.value;
      const lineNo = (lineCounters.get(p.orderId) ?? 0) + 1;
      lineCounters.set(p.orderId, lineNo);
      const { discount, tax } = book.lineAmounts(p.orderId, lineNo, p.ownDiscount, null);
      out.records.push(
        nativeRecord('order_items', {
          order_id: p.orderId, line_no: String(lineNo), sku: p.sku, quantity: String(p.quantity),
          unit_price: fromUnits(p.price), line_discount: fromUnits(discount), line_tax: fromUnits(tax),
        }, row.line, row.raw),
      );
      // Only refunded orders need their lines kept for the refund plan.
      if (!/refunded/i.test(refundFacts.get(p.orderId)?.financial ?? '')) return;
      if (!returnRows.has(p.orderId)) returnRows.set(p.orderId, { line: row.line, raw: row.raw });
      const lines = refundLines.get(p.orderId) ?? [];
      lines.push({ lineNo, quantity: p.quantity, paid: p.quantity * p.price - discount + tax, net: p.quantity * p.price - discount });
      refundLines.set(p.orderId, lines);
    },
    tail(out: RowOutput) {
      for (const [orderId, lines] of refundLines) {
        const order = book.orderHeader(orderId)!;
        const facts = refundFacts.get(orderId);
        if (!facts || order.status === 'cancelled') continue;
        const plan = planShopifyRefund(facts.financial, facts.refunded, lines, { tax: order.tax ?? 0, shipping: order.shipping ?? 0 });
        if (plan.unplaced > 0) warnings.push(describeUnplacedRefund(orderId, plan.unplaced, order.currency));
        // No refund date in the export: the latest thing that happened to the order stands in for it.
        const returnedAt = [order.created_at, order.paid_at, order.fulfilled_at].filter(Boolean).sort().at(-1)!;
        for (const item of plan.returns) {
          out.records.push(
            nativeRecord('returns', {
              order_id: orderId, line_no: String(item.lineNo), quantity: String(item.quantity), returned_at: returnedAt,
              reason: `shopify ${facts.financial}`,
              ...(item.statedNet === undefined ? {} : { refund_amount: formatMoney(item.statedNet) }),
            }, returnRows.get(orderId)!.line, returnRows.get(orderId)!.raw),
          );
        }
      }
    },
    warnings: () => warnings,
  };
}
