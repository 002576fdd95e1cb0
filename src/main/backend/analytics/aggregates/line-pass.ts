import type { Db } from '../../db/open';
import { addInto, batchedInsert, cellOf, SALES_MEASURES, setCellAt, writeSetCells, type SalesCell, type SetCell } from './line-cells';
import { writeSalesCells } from './sales-cells';
import { DIMS_RADIX, saveNewSkus, skuIdFor, type LinePassContext } from './line-pass-context';
import type { RefreshRange } from './refresh';

/**
 * Everything derived from counted order LINES, built in ONE read of the lines per month: the
 * sales cells of every grouping set, agg_product_daily and the order / customer / line / product
 * day sets. Twelve GROUP BYs plus four more joins of the 1M-line fact cost ~40 s on a first
 * load; one sequential read and in-memory sums cost a few seconds. `month` must be a whole
 * calendar month (the product cells are per month); the caller deletes the month first.
 */

const LINE_MEASURES = 7; // gross, line discount, line net, line tax, cost, units, lines

type OrderRow = [number, string, string, number, number, string, string, number, number, number, number, number, number];
type LineRow = [number, number | null, string, number, number, number, number, number, number];

const ORDERS_SQL = `
SELECT o.order_key, o.order_date, o.currency, coalesce(o.channel_key, 0), coalesce(o.customer_key, -1),
  '' AS region, '' AS segment, o.gross_cents, o.discount_cents, o.tax_cents, o.shipping_cents, o.units, o.refund_cents
FROM fct_orders o
WHERE o.is_counted = 1 AND o.order_date BETWEEN ? AND ?`;

const LINES_SQL = `
SELECT i.order_key, i.product_key, i.sku, i.gross_cents, i.discount_cents, i.net_cents, i.tax_cents, coalesce(i.cost_cents, 0), i.quantity
FROM fct_orders o JOIN fct_order_items i ON i.order_key = o.order_key
WHERE o.is_counted = 1 AND o.order_date BETWEEN ? AND ?`;

/** SQLite's BINARY collation for the ASCII keys of the cells (code-unit order). */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class Interner<T> {
  private readonly ids = new Map<T, number>();
  id(value: T): number {
    return cellOf(this.ids, value, () => this.ids.size);
  }
}

/** One number per (day of month, currency, channel, category) cell: 5 + 10 + 10 + 10 bits. */
const cellKey = (day: number, currency: number, channel: number, category: number): number => ((day * 1024 + currency) * 1024 + channel) * 1024 + category;

interface OrderInfo {
  row: OrderRow;
  day: number;
  currency: number;
  channel: number;
  /**
   * Line sums per category of this order: the (order, category) rows every order measure hangs
   * on. Pairs in first-seen order, not a Map: almost every order has one category, and a Map per
   * order was a million small hash tables a month's pass had to build and collect.
   */
  perCategory: CategorySums[];
}

interface CategorySums {
  category: string;
  categoryId: number;
  m: number[];
}

function sumsOf(order: OrderInfo, category: string, categoryId: number): number[] {
  for (const entry of order.perCategory) if (entry.categoryId === categoryId) return entry.m;
  const m = [0, 0, 0, 0, 0, 0, 0];
  order.perCategory.push({ category, categoryId, m });
  return m;
}

/** One number per (day, currency, channel, region × segment) of an order, and per category under it. */
const orderDimsKey = (order: OrderInfo, dims: number): number => ((order.day * 1024 + order.currency) * 1024 + order.channel) * DIMS_RADIX + dims;

/**
 * The tuple of a set cell under `key`, created as [first, second, 0, 0, 0] (second omitted when
 * null). Written out rather than through cellOf: the hot loops' closures and eager cell arrays
 * were allocations per line.
 */
function tupleAt(cell: SetCell, key: number, first: number, second: number | null): number[] {
  let tuple = cell.tuples.get(key);
  if (tuple === undefined) {
    tuple = second === null ? [first, 0, 0, 0] : [first, second, 0, 0, 0];
    cell.tuples.set(key, tuple);
  }
  return tuple;
}

export interface LinePassOutcome {
  salesRows: number;
  productRows: number;
  daySetCells: number;
}

/**
 * One chunk of days inside ONE calendar month. `isWholeMonth`: the chunk covers its month, so
 * the month's product cells and customer month cells are written too (the caller deletes the
 * old ones first); otherwise the caller derives them from the day cells once they are written.
 */
export function buildMonthFromLines(db: Db, context: LinePassContext, month: RefreshRange, isWholeMonth: boolean): LinePassOutcome {
  const currencies = new Interner<string>();
  const channels = new Interner<number>();
  const categories = new Interner<string>();
  const orders = new Map<number, OrderInfo>();
  for (const row of db.prepare(ORDERS_SQL).raw().all(month.fromDate, month.toDate) as OrderRow[]) {
    row[5] = context.regionOf[row[4]] ?? '';
    row[6] = context.segmentOf[row[4]] ?? '';
    orders.set(row[0], { row, day: Number(row[1].slice(8, 10)), currency: currencies.id(row[2]), channel: channels.id(row[3]), perCategory: [] });
  }

  const productDaily = new Map<number, { date: string; currency: string; sku: string; category: string; m: number[] }>();
  const orderSets = new Map<number, SetCell>();
  const customerSets = new Map<number, SetCell>();
  const lineSets = new Map<number, SetCell>();
  const productSets = new Map<number, SetCell>();

  const monthKey = month.fromDate.slice(0, 7);
  // A whole month also yields its month cells (see month-sets.ts for the same sums from day cells).
  const isMonthly = isWholeMonth && context.withMonthSets;
  const monthLines = new Map<number, SetCell>();
  // Streamed: the 1M lines of a first load never sit in memory at once.
  for (const [orderKey, productKey, sku, gross, lineDiscount, net, lineTax, cost, quantity] of db.prepare(LINES_SQL).raw().iterate(month.fromDate, month.toDate) as IterableIterator<LineRow>) {
    const order = orders.get(orderKey);
    if (!order) continue;
    const [, date, currency, channel, customer] = order.row;
    const category = productKey === null ? '' : (context.categoryOf.get(productKey) ?? '');
    const categoryId = categories.id(category);
    const skuId = skuIdFor(context, sku);
    const sums = sumsOf(order, category, categoryId);
    sums[0] = (sums[0] ?? 0) + gross;
    sums[1] = (sums[1] ?? 0) + lineDiscount;
    sums[2] = (sums[2] ?? 0) + net;
    sums[3] = (sums[3] ?? 0) + lineTax;
    sums[4] = (sums[4] ?? 0) + cost;
    sums[5] = (sums[5] ?? 0) + quantity;
    sums[6] = (sums[6] ?? 0) + 1;
    const productCellKey = (skuId * 32 + order.day) * 1024 + order.currency;
    let product = productDaily.get(productCellKey);
    if (product === undefined) productDaily.set(productCellKey, (product = { date, currency, sku, category, m: [0, 0, 0, 0] }));
    if (category > product.category) product.category = category;
    product.m[0] = (product.m[0] ?? 0) + gross;
    product.m[1] = (product.m[1] ?? 0) + net;
    product.m[2] = (product.m[2] ?? 0) + quantity;
    product.m[3] = (product.m[3] ?? 0) + 1;
    // sku id × 2^26 + customer keeps (sku, customer) one sortable number (customer keys < 2^26).
    const lineCell = setCellAt(lineSets, cellKey(order.day, order.currency, order.channel, categoryId), currency, date, channel, category);
    const line = tupleAt(lineCell, skuId * 67_108_864 + customer + 1, skuId, customer);
    line[2] = (line[2] ?? 0) + net;
    line[3] = (line[3] ?? 0) + quantity;
    line[4] = (line[4] ?? 0) + 1;
    if (!isWholeMonth) continue;
    if (isMonthly) {
      const monthLineCell = setCellAt(monthLines, cellKey(0, order.currency, order.channel, categoryId), currency, monthKey, channel, category);
      const monthLine = tupleAt(monthLineCell, skuId * 67_108_864 + customer + 1, skuId, customer);
      monthLine[2] = (monthLine[2] ?? 0) + net;
      monthLine[3] = (monthLine[3] ?? 0) + quantity;
      monthLine[4] = (monthLine[4] ?? 0) + 1;
    }
    const productCell = setCellAt(productSets, cellKey(0, order.currency, order.channel, categoryId), currency, monthKey, channel, category);
    const productMonth = tupleAt(productCell, skuId, skuId, null);
    productMonth[1] = (productMonth[1] ?? 0) + net;
    productMonth[2] = (productMonth[2] ?? 0) + quantity;
    productMonth[3] = (productMonth[3] ?? 0) + 1;
  }

  const monthCustomers = new Map<number, SetCell>();
  const monthCustomerCategories = new Map<number, SetCell>();
  const byCategory = new Map<number, SalesCell>(); // grouping 15 cells
  const byOrderDims = new Map<number, SalesCell>(); // channel × region × segment, each order once
  // Reused for every order: two arrays per order were a million allocations a month's pass.
  const orderMeasures = [0, 0, 0, 0, 0, 0];
  const total = [0, 0, 0, 0, 0, 0, 0];
  const monthStartDay = isMonthly ? Date.parse(`${month.fromDate}T00:00:00Z`) / 86_400_000 : 0;
  for (const [orderKey, order] of orders) {
    const [, date, currency, channel, customer, region, segment, gross, discount, tax, shipping, units, refund] = order.row;
    if (customer >= 0) {
      const cell = setCellAt(customerSets, cellKey(order.day, order.currency, order.channel, 0), currency, date, channel, '');
      let tuple = cell.tuples.get(customer);
      if (tuple === undefined) cell.tuples.set(customer, (tuple = [customer, 0, 0]));
      tuple[1] = (tuple[1] ?? 0) + 1;
      tuple[2] = (tuple[2] ?? 0) + gross - discount - refund;
    }
    const epochDay = isMonthly ? monthStartDay + order.day - 1 : 0;
    if (isMonthly && customer >= 0) {
      const cell = setCellAt(monthCustomers, cellKey(0, order.currency, order.channel, 0), currency, monthKey, channel, '');
      let tuple = cell.tuples.get(customer);
      if (tuple === undefined) cell.tuples.set(customer, (tuple = [customer, 0, 0, epochDay, epochDay]));
      tuple[1] = (tuple[1] ?? 0) + 1;
      tuple[2] = (tuple[2] ?? 0) + gross - discount - refund;
      tuple[3] = Math.min(tuple[3] ?? epochDay, epochDay);
      tuple[4] = Math.max(tuple[4] ?? epochDay, epochDay);
    }
    if (order.perCategory.length === 0) continue; // an order without lines is in no sales cell
    orderMeasures[0] = 1;
    orderMeasures[1] = gross;
    orderMeasures[2] = discount;
    orderMeasures[3] = tax;
    orderMeasures[4] = shipping;
    orderMeasures[5] = units;
    total.fill(0);
    const dimsKey = orderDimsKey(order, context.dimsOf[customer] ?? 0);
    for (const { category, categoryId, m } of order.perCategory) {
      addInto(total, m);
      const categoryKey = dimsKey * 1024 + categoryId;
      let cell = byCategory.get(categoryKey);
      if (cell === undefined) byCategory.set(categoryKey, (cell = { parts: [date, currency, channel, region, segment, category], m: new Array<number>(SALES_MEASURES).fill(0) }));
      addInto(cell.m, m);
      addInto(cell.m, orderMeasures, LINE_MEASURES);
      const orderCell = setCellAt(orderSets, cellKey(order.day, order.currency, order.channel, categoryId), currency, date, channel, category);
      orderCell.tuples.set(orderKey, [orderKey, customer, m[2] ?? 0, shipping]);
      if (!isMonthly) continue;
      const monthCell = setCellAt(monthCustomerCategories, cellKey(0, order.currency, order.channel, categoryId), currency, monthKey, channel, category);
      let tuple = monthCell.tuples.get(customer);
      if (tuple === undefined) monthCell.tuples.set(customer, (tuple = [customer, 0, 0, 0, epochDay]));
      tuple[1] = (tuple[1] ?? 0) + 1;
      tuple[2] = (tuple[2] ?? 0) + (m[2] ?? 0);
      tuple[3] = (tuple[3] ?? 0) + shipping;
      tuple[4] = Math.max(tuple[4] ?? epochDay, epochDay);
    }
    let cell = byOrderDims.get(dimsKey);
    if (cell === undefined) byOrderDims.set(dimsKey, (cell = { parts: [date, currency, channel, region, segment, ''], m: new Array<number>(SALES_MEASURES).fill(0) }));
    addInto(cell.m, total);
    addInto(cell.m, orderMeasures, LINE_MEASURES);
  }

  saveNewSkus(db, context);
  const salesRows = writeSalesCells(db, byCategory, byOrderDims, isWholeMonth ? ['day', 'month'] : ['day']);
  const insertProduct = batchedInsert(db, 'agg_product_daily', 8);
  // In primary-key order: inserted as read, the rows landed all over the month's part of the
  // b-tree and SQLite spent ~9 µs a row splitting pages (4.4 s of a 1M-line first load).
  const productRows = [...productDaily.values()].sort((a, b) => compareText(a.date, b.date) || compareText(a.currency, b.currency) || compareText(a.sku, b.sku));
  for (const p of productRows) insertProduct.add([p.date, p.currency, p.sku, p.category, ...p.m]);
  insertProduct.flush();
  const daySetCells = writeSetCells(db, 'order', orderSets) + writeSetCells(db, 'customer', customerSets)
    + writeSetCells(db, 'line', lineSets) + (isWholeMonth ? writeSetCells(db, 'product', productSets) : 0)
    + (isMonthly ? writeSetCells(db, 'customer', monthCustomers, 'agg_month_sets') + writeSetCells(db, 'customer_category', monthCustomerCategories, 'agg_month_sets')
      + writeSetCells(db, 'line', monthLines, 'agg_month_sets') : 0);
  return { salesRows, productRows: productDaily.size, daySetCells };
}
