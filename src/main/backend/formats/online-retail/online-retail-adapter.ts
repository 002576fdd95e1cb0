import { ColumnReader } from '../columns';
import type { CsvRow } from '../csv-rows';
import { nativeRecord, NON_PRODUCT_CATEGORY, UNCATEGORISED } from '../native-record';
import { OrderBook, type OrderHeader } from '../order-book';
import type { RowAdapter, RowOutput } from '../row-source';
import { fromUnits } from '../values/money';
import { matchCancellations, type Cancellation, type PurchaseIndex } from './cancellation-matching';
import {
  ONLINE_RETAIL_CHANNEL,
  ONLINE_RETAIL_CURRENCY,
  isOnlineRetailNonProduct,
  onlineRetailRowParser,
  type OnlineRetailParse,
  type OnlineRetailRow,
} from './online-retail-rows';

/**
 * UCI Online Retail (I and II). How rows map:
 * - an invoice is an order (`paid` at InvoiceDate, London time, GBP, channel `online`);
 *   every line is an order item, including postage/fee codes, whose products get the category
 *   `Fees & postage` (the pipeline sets is_product = 0 for them);
 * - a `C` invoice line is a cancellation: it becomes return rows against the same customer's
 *   latest earlier purchase lines of that stock code (booked at the C invoice's date, reason
 *   `cancellation C…`); what no earlier purchase covers (guests, purchases before the file
 *   starts) becomes a line of a `cancelled` order named after the C invoice, which is not counted;
 * - other negative lines are stock adjustments: inventory movements of kind `adjustment`;
 * - rows with a negative price (bad-debt adjustments) or quantity 0 are rejected with the reason.
 * Products and their price history come from the sales lines (see OrderBook.productVersions).
 */
export function createOnlineRetailAdapter(file: string): RowAdapter {
  const book = new OrderBook();
  const purchases: PurchaseIndex = new Map();
  const cancellations: Cancellation[] = [];
  const emitCounters = new Map<string, number>();
  let cancelledLines = new Map<number, { lineNo: number; quantity: number }>();
  let returns: ReturnType<typeof matchCancellations>['returns'] = [];
  let parse: (fields: readonly string[], line: number) => OnlineRetailParse = () => {
    throw new Error('start() not called');
  };

  function orderHeader(row: OnlineRetailRow, isCancelled: boolean): OrderHeader {
    return {
      order_id: row.invoice,
      customer_id: row.customerId,
      channel: ONLINE_RETAIL_CHANNEL,
      // An invoice is a completed, shipped sale and the data set tracks no delivery, so the
      // invoice time stands in for delivery: credit notes within 30 days of it refund (brief's rule).
      status: isCancelled ? 'cancelled' : 'delivered',
      created_at: row.at,
      paid_at: isCancelled ? '' : row.at,
      fulfilled_at: isCancelled ? '' : row.at,
      delivered_at: isCancelled ? '' : row.at,
      cancelled_at: isCancelled ? row.at : '',
      currency: ONLINE_RETAIL_CURRENCY,
      discount: null,
      tax: null,
      shipping: null,
      total: null,
    };
  }

  function observeParties(row: OnlineRetailRow, line: number, raw: string): void {
    book.observeCustomer(
      { customer_id: row.customerId, email: '', name: '', region: '', city: '', country: row.country, segment: row.isGuest ? 'guest' : '', acquisition_channel: '', at: row.at },
      line,
      raw,
    );
    const isNonProduct = isOnlineRetailNonProduct(row.stockCode);
    const isPriceSignal = row.kind === 'sale' && row.price > 0 && !isNonProduct;
    book.observeProduct(
      {
        sku: row.stockCode,
        // Descriptions of adjustments ("damaged", "?") are notes, not product names.
        name: row.kind === 'sale' ? row.description : '',
        category: isNonProduct ? NON_PRODUCT_CATEGORY : UNCATEGORISED,
        brand: '',
        at: row.at,
        unitPrice: isPriceSignal ? row.price : null,
      },
      line,
      raw,
    );
  }

  return {
    isTwoPass: true,
    start(header) {
      const reader = new ColumnReader(header);
      reader.requireAll(file, [['InvoiceNo', 'Invoice'], ['StockCode'], ['Quantity'], ['InvoiceDate'], ['UnitPrice', 'Price']]);
      parse = onlineRetailRowParser(reader);
    },
    scan(row: CsvRow) {
      const parsed = parse(row.fields, row.line);
      if (!parsed.ok) return;
      const r = parsed.row;
      if (r.kind !== 'adjustment') observeParties(r, row.line, row.raw);
      else book.observeProduct({ sku: r.stockCode, name: '', category: isOnlineRetailNonProduct(r.stockCode) ? NON_PRODUCT_CATEGORY : UNCATEGORISED, brand: '', at: r.at, unitPrice: null }, row.line, row.raw);
      if (r.kind === 'sale') {
        book.observeOrder(orderHeader(r, false), row.line, row.raw);
        const lineNo = book.addLine(r.invoice, r.quantity * r.price, null, null);
        if (!r.isGuest) {
          const key = `${r.customerId}|${r.stockCode}`;
          const list = purchases.get(key) ?? [];
          list.push({ orderId: r.invoice, lineNo, remaining: r.quantity, at: r.at });
          purchases.set(key, list);
        }
      } else if (r.kind === 'cancellation') {
        cancellations.push({ line: row.line, raw: row.raw, row: r });
      }
    },
    head() {
      const matched = matchCancellations(cancellations, purchases);
      returns = matched.returns;
      cancelledLines = new Map();
      for (const leftover of matched.leftovers) {
        const r = leftover.cancellation.row;
        book.observeOrder(orderHeader(r, true), leftover.cancellation.line, leftover.cancellation.raw);
        const lineNo = book.addLine(r.invoice, leftover.quantity * r.price, null, null);
        cancelledLines.set(leftover.cancellation.line, { lineNo, quantity: leftover.quantity });
      }
      purchases.clear();
      return book.head();
    },
    emit(row: CsvRow, out: RowOutput) {
      const parsed = parse(row.fields, row.line);
      if (!parsed.ok) {
        out.rejects.push({ ...parsed.reject, raw: row.raw });
        return;
      }
      const r = parsed.row;
      if (r.kind === 'adjustment') {
        out.records.push(nativeRecord('inventory_movements', { sku: r.stockCode, moved_at: r.at, kind: 'adjustment', quantity: String(r.quantity) }, row.line, row.raw));
        return;
      }
      let lineNo: number;
      let quantity: number;
      if (r.kind === 'sale') {
        lineNo = (emitCounters.get(r.invoice) ?? 0) + 1;
        emitCounters.set(r.invoice, lineNo);
        quantity = r.quantity;
      } else {
        const cancelled = cancelledLines.get(row.line);
        // A fully matched cancellation is written as return rows in tail().
        if (!cancelled) return;
        ({ lineNo, quantity } = cancelled);
      }
      out.records.push(
        nativeRecord('order_items', {
          order_id: r.invoice, line_no: String(lineNo), sku: r.stockCode, quantity: String(quantity),
          unit_price: fromUnits(r.price), line_discount: '0', line_tax: '0',
        }, row.line, row.raw),
      );
    },
    tail(out: RowOutput) {
      for (const item of returns) {
        out.records.push(
          nativeRecord('returns', {
            order_id: item.orderId, line_no: String(item.lineNo), quantity: String(item.quantity),
            returned_at: item.cancellation.row.at, reason: `cancellation ${item.cancellation.row.invoice}`,
          }, item.cancellation.line, item.cancellation.raw),
        );
      }
    },
    warnings: () => [],
  };
}
