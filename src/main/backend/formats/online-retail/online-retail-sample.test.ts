import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { NON_PRODUCT_CATEGORY, openForeignSource } from '../index';
import { drain } from '../testing';

const SAMPLE = new URL('../../../../../../shared/data/online_retail_sample.csv', import.meta.url).pathname;

/** Independent reading: csv-parse, and amounts as integers of 1/10,000 GBP so sums are exact. */
function sourceRows() {
  const rows = parse(readFileSync(SAMPLE, 'utf8'), { columns: true }) as Record<string, string>[];
  const units = (text: string) => Math.round(Number(text) * 10_000);
  return { rows, units, value: (row: Record<string, string>) => Number(row.Quantity) * units(row.UnitPrice!) };
}

describe('UCI Online Retail sample', () => {
  it('reads 10,000 rows and accounts for every one of them and every penny of 180,667.75', async () => {
    const { rows, value } = sourceRows();
    expect(rows).toHaveLength(10_000);
    const fileTotal = rows.reduce((sum, row) => sum + value(row), 0);
    expect(fileTotal).toBe(1_806_677_500);

    const source = await openForeignSource(SAMPLE);
    const out = await drain(source);
    expect(source.rowsRead()).toBe(10_000);
    // The sample has no multi-line cells, so data row i sits on line i + 2.
    const rowAt = (line: number) => rows[line - 2]!;
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    const misplaced = out.records.filter((r) => r.entity === 'order_items' && r.raw !== lines[r.line - 1]);
    expect(misplaced).toEqual([]);

    const orders = new Map(out.byEntity('orders').map((o) => [o.order_id!, o]));
    const items = out.records.filter((r) => r.entity === 'order_items');
    const bucket = { sales: 0, nonProductLines: 0, returns: 0, cancelledOrders: 0, adjustments: 0, rejected: 0 };
    const nonProducts = new Set(out.byEntity('products').filter((p) => p.category === NON_PRODUCT_CATEGORY).map((p) => p.sku));
    const accounted = new Set<number>();
    for (const item of items) {
      const [orderId, , sku, quantity, price] = item.fields;
      const amount = Number(quantity) * Math.round(Number(price) * 10_000);
      accounted.add(item.line);
      if (orders.get(orderId!)!.status === 'cancelled') {
        expect(orderId!.startsWith('C')).toBe(true);
        bucket.cancelledOrders -= amount;
      } else if (nonProducts.has(sku!)) bucket.nonProductLines += amount;
      else bucket.sales += amount;
    }
    for (const ret of out.records.filter((r) => r.entity === 'returns')) {
      const cancellation = rowAt(ret.line);
      expect(cancellation.InvoiceNo!.startsWith('C')).toBe(true);
      bucket.returns -= Number(ret.fields[2]) * Math.round(Number(cancellation.UnitPrice) * 10_000);
      accounted.add(ret.line);
    }
    for (const movement of out.records.filter((r) => r.entity === 'inventory_movements')) {
      bucket.adjustments += value(rowAt(movement.line));
      accounted.add(movement.line);
    }
    for (const reject of out.rejects) {
      bucket.rejected += value(rowAt(reject.line));
      accounted.add(reject.line);
    }
    expect(accounted.size).toBe(10_000);
    const sum = Object.values(bucket).reduce((a, b) => a + b, 0);
    expect(sum).toBe(fileTotal);
    // Cancellations are C rows only, and every C row's value is in returns or cancelled orders.
    const cRows = rows.filter((r) => r.InvoiceNo!.startsWith('C'));
    expect(bucket.returns + bucket.cancelledOrders).toBe(cRows.reduce((s, r) => s + value(r), 0));
    const otherNegative = rows.filter((r) => !r.InvoiceNo!.startsWith('C') && Number(r.Quantity) < 0);
    expect(out.byEntity('inventory_movements')).toHaveLength(otherNegative.length);
  });

  it('turns empty CustomerID into one guest per invoice and 17850.0 into 17850', async () => {
    const { rows } = sourceRows();
    const out = await drain(await openForeignSource(SAMPLE));
    const guestInvoices = new Set(rows.filter((r) => r.CustomerID === '' && Number(r.Quantity) > 0).map((r) => r.InvoiceNo));
    const orders = out.byEntity('orders');
    expect(orders.filter((o) => o.customer_id!.startsWith('guest:') && o.status !== 'cancelled').map((o) => o.order_id).sort()).toEqual([...guestInvoices].sort());
    const guestRows = rows.filter((r) => r.CustomerID === '' && !r.InvoiceNo!.startsWith('C') && Number(r.Quantity) > 0).length;
    const guestItems = out.records.filter((r) => r.entity === 'order_items' && orders.find((o) => o.order_id === r.fields[0])!.customer_id!.startsWith('guest:') && !r.fields[0]!.startsWith('C'));
    expect(guestItems).toHaveLength(guestRows);
    expect(orders.find((o) => o.order_id === '536365')).toMatchObject({ customer_id: '17850', currency: 'GBP', created_at: '2010-12-01T08:26:00+00:00', total: '139.12' });
    const ids = new Set(out.byEntity('customers').map((c) => c.customer_id));
    expect(ids.has('17850')).toBe(true);
    expect([...ids].some((id) => id!.endsWith('.0'))).toBe(false);
  });
});
