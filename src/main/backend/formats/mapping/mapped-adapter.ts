import path from 'node:path';
import type { CellIssue, ColumnMapping } from '../../../../shared/contract/formats';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { SourceRecord } from '../../etl/source';
import type { CsvRow } from '../csv-rows';
import { GUEST_PREFIX, nativeRecord, UNCATEGORISED } from '../native-record';
import { OrderBook } from '../order-book';
import { refuseFile } from '../refusal';
import type { RowAdapter, RowOutput } from '../row-source';
import { fromUnits, toUnits } from '../values/money';
import { createRowMapper, mappingProblems, type MappedRow } from './apply';
import { TARGETS } from './field-catalog';

/** Products and customers without a date are valid since ever, so any order finds their version. */
const SINCE_EVER = '1970-01-01T00:00:00+00:00';

export const MAPPED_ENTITIES: Record<ColumnMapping['entity'], readonly NativeEntity[]> = {
  flat_order_lines: ['customers', 'products', 'orders', 'order_items'],
  orders: ['customers', 'orders'],
  order_items: ['order_items'],
  customers: ['customers'],
  products: ['products'],
  inventory_movements: ['inventory_movements'],
  returns: ['returns'],
  reviews: ['customers', 'reviews'],
};

/** Missing required values, on top of the cells that failed to parse. */
export function requiredIssues(mapping: ColumnMapping, row: MappedRow): CellIssue[] {
  const issues: CellIssue[] = [];
  for (const group of TARGETS[mapping.entity].required) {
    if (group.some((field) => row.values[field] !== '' || row.issues.some((i) => i.field === field))) continue;
    issues.push({ field: group[0]!, column: mapping.columns[group[0]!] ?? null, reason: `${group.join(' or ')} is empty` });
  }
  return issues;
}

const units = (value: string | undefined) => (value ? toUnits(value) : null);

/**
 * A user-mapped CSV. Flat order lines are grouped like the Shopify export (order-level fields
 * from an order's first row, line discount and tax per row, order discount/tax/shipping/total
 * from the order's first row when mapped); single entities map row by row.
 */
export function createMappedAdapter(file: string, mapping: ColumnMapping): RowAdapter {
  const isFlat = mapping.entity === 'flat_order_lines';
  const book = new OrderBook();
  const lineCounters = new Map<string, number>();
  const guestsSeen = new Set<string>();
  let mapRow: (fields: readonly string[]) => MappedRow = () => ({ values: {}, issues: [] });

  function read(row: CsvRow): MappedRow {
    const mapped = mapRow(row.fields);
    const issues = [...mapped.issues, ...requiredIssues(mapping, mapped)];
    const quantity = mapped.values.quantity;
    // Order lines and returns count units sold or sent back: a 0 or negative quantity is not one,
    // except a return that states its refund amount (a price adjustment without goods back).
    const isStatedRefund = mapping.entity === 'returns' && Number(quantity) === 0 && Boolean(mapped.values.refund_amount);
    if (quantity && mapping.entity !== 'inventory_movements' && Number(quantity) <= 0 && !isStatedRefund) {
      issues.push({ field: 'quantity', column: mapping.columns.quantity ?? null, reason: `quantity ${quantity} is not positive` });
    }
    return { values: mapped.values, issues };
  }

  function reject(row: CsvRow, issues: CellIssue[], out: RowOutput): void {
    const first = issues[0]!;
    out.rejects.push({ line: row.line, column: first.column ?? first.field, reason: issues.map((i) => `${i.column ?? i.field}: ${i.reason}`).join('; '), raw: row.raw });
  }

  function guest(id: string, row: CsvRow, at: string, out: SourceRecord[]): void {
    if (guestsSeen.has(id)) return;
    guestsSeen.add(id);
    out.push(nativeRecord('customers', { customer_id: id, segment: 'guest', updated_at: at || SINCE_EVER }, row.line, row.raw));
  }

  function nextLine(orderId: string, given: string): string {
    const n = (lineCounters.get(orderId) ?? 0) + 1;
    lineCounters.set(orderId, n);
    return given || String(n);
  }

  function singleRecords(v: Record<string, string>, row: CsvRow): SourceRecord[] {
    const out: SourceRecord[] = [];
    const at = (...candidates: string[]) => candidates.find(Boolean) ?? '';
    switch (mapping.entity) {
      case 'customers':
        out.push(nativeRecord('customers', { ...v, customer_id: v.customer_id || v.email!, updated_at: at(v.updated_at!, v.signup_date ? `${v.signup_date}T00:00:00+00:00` : '', SINCE_EVER) }, row.line, row.raw));
        break;
      case 'products':
        out.push(nativeRecord('products', {
          ...v, name: v.name || v.sku!, category: v.category || UNCATEGORISED, cost: v.cost || '0.00', reorder_point: v.reorder_point || '0',
          updated_at: at(v.updated_at!, SINCE_EVER),
        }, row.line, row.raw));
        break;
      case 'orders': {
        const customerId = v.customer_id || v.email || `${GUEST_PREFIX}${v.order_id}`;
        if (customerId.startsWith(GUEST_PREFIX)) guest(customerId, row, v.created_at!, out);
        const [discount, tax, shipping] = [units(v.discount) ?? 0, units(v.tax) ?? 0, units(v.shipping) ?? 0];
        const subtotal = units(v.subtotal) ?? units(v.total)! + discount - tax - shipping;
        const total = units(v.total) ?? subtotal - discount + tax + shipping;
        const updatedAt = v.updated_at || [v.created_at, v.paid_at, v.fulfilled_at, v.delivered_at, v.cancelled_at].filter(Boolean).sort().at(-1)!;
        out.push(nativeRecord('orders', {
          ...v, customer_id: customerId, channel: v.channel || 'unknown', status: v.status || 'paid',
          subtotal: fromUnits(subtotal), discount: fromUnits(discount), tax: fromUnits(tax), shipping: fromUnits(shipping), total: fromUnits(total), updated_at: updatedAt,
        }, row.line, row.raw));
        break;
      }
      case 'order_items':
        out.push(nativeRecord('order_items', { ...v, line_no: nextLine(v.order_id!, v.line_no!), line_discount: v.line_discount || '0', line_tax: v.line_tax || '0' }, row.line, row.raw));
        break;
      case 'inventory_movements':
        out.push(nativeRecord('inventory_movements', { ...v, kind: v.kind || 'adjustment' }, row.line, row.raw));
        break;
      case 'returns':
        out.push(nativeRecord('returns', v, row.line, row.raw));
        break;
      case 'reviews': {
        const reviewId = v.review_id || `${path.basename(file)}:${row.line}`;
        const customerId = v.customer_id || `${GUEST_PREFIX}review:${reviewId}`;
        if (!v.customer_id) guest(customerId, row, v.reviewed_at!, out);
        out.push(nativeRecord('reviews', { ...v, review_id: reviewId, customer_id: customerId }, row.line, row.raw));
        break;
      }
      case 'flat_order_lines':
        break;
    }
    return out;
  }

  function flatOrderId(v: Record<string, string>): { orderId: string; customerId: string; sku: string } {
    return { orderId: v.order_id!, customerId: v.customer_id || v.email || `${GUEST_PREFIX}${v.order_id}`, sku: v.sku || v.product_name! };
  }

  return {
    isTwoPass: isFlat,
    start(header) {
      const problems = mappingProblems(header, mapping);
      if (problems.length > 0) throw refuseFile(file, `the mapping does not fit this file: ${problems.join('; ')}`, 1);
      mapRow = createRowMapper(header, mapping);
    },
    scan(row) {
      const { values: v, issues } = read(row);
      if (issues.length > 0) return;
      const { orderId, customerId, sku } = flatOrderId(v);
      book.observeOrder({
        order_id: orderId, customer_id: customerId, channel: v.channel!, status: v.status!, created_at: v.created_at!,
        paid_at: v.paid_at!, fulfilled_at: v.fulfilled_at!, delivered_at: v.delivered_at!, cancelled_at: v.cancelled_at!,
        currency: v.currency!, discount: units(v.discount), tax: units(v.tax), shipping: units(v.shipping), total: units(v.total),
      }, row.line, row.raw);
      const isGuest = customerId.startsWith(GUEST_PREFIX);
      book.observeCustomer({
        customer_id: customerId, email: v.email!, name: v.customer_name!, region: v.region!, country: v.country!, city: v.city!,
        segment: isGuest ? 'guest' : '', acquisition_channel: '', at: v.created_at!,
      }, row.line, row.raw);
      const price = toUnits(v.unit_price!);
      book.observeProduct({ sku, name: v.product_name!, category: v.category!, brand: v.brand!, at: v.created_at!, unitPrice: price > 0 ? price : null }, row.line, row.raw);
      book.addLine(orderId, Number(v.quantity) * price, units(v.line_discount), units(v.line_tax));
    },
    head() {
      book.fillBlanks({ channel: 'unknown', status: 'paid' });
      return book.head();
    },
    emit(row, out) {
      const { values: v, issues } = read(row);
      if (issues.length > 0) {
        reject(row, issues, out);
        return;
      }
      if (!isFlat) {
        out.records.push(...singleRecords(v, row));
        return;
      }
      const { orderId, sku } = flatOrderId(v);
      const lineNo = Number(nextLine(orderId, ''));
      const { discount, tax } = book.lineAmounts(orderId, lineNo, units(v.line_discount), units(v.line_tax));
      out.records.push(nativeRecord('order_items', {
        order_id: orderId, line_no: String(lineNo), sku, quantity: v.quantity!, unit_price: v.unit_price!,
        line_discount: fromUnits(discount), line_tax: fromUnits(tax),
      }, row.line, row.raw));
    },
    tail() {},
    warnings: () => [],
  };
}
