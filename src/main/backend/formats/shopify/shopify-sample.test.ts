import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectFileFormat, NON_PRODUCT_CATEGORY, openForeignSource } from '../index';
import { drain } from '../testing';

const SAMPLE = new URL('../../../../../../shared/data/shopify_orders_export_sample.csv', import.meta.url).pathname;

/** Independent reading of the raw export: csv-parse, grouping by Name, cents as integers. */
function expectedOrders() {
  const rows = parse(readFileSync(SAMPLE, 'utf8'), { columns: true }) as Record<string, string>[];
  const cents = (text: string | undefined) => Math.round(Number(text || '0') * 100);
  const orders = new Map<string, { first: Record<string, string>; lines: Record<string, string>[] }>();
  for (const row of rows) {
    const entry = orders.get(row.Name!) ?? { first: row, lines: [] };
    entry.lines.push(row);
    orders.set(row.Name!, entry);
  }
  return { rows, orders, cents };
}

describe('Shopify orders export sample', () => {
  it('is detected by its header', async () => {
    const detection = await detectFileFormat(SAMPLE);
    expect(detection.format).toBe('shopify-orders');
    expect(detection.header.length).toBe(78);
    expect(detection.dateFormat).toMatchObject({ format: 'iso', isAmbiguous: false });
  });

  it('yields 81 orders and 98 lines whose money equals the file, order by order', async () => {
    const { rows, orders, cents } = expectedOrders();
    const result = await drain(await openForeignSource(SAMPLE));
    expect(result.rejects).toEqual([]);
    const outOrders = result.byEntity('orders');
    const outLines = result.byEntity('order_items');
    expect(outOrders).toHaveLength(81);
    expect(orders.size).toBe(81);
    expect(outLines).toHaveLength(98);
    expect(rows).toHaveLength(98);

    for (const order of outOrders) {
      const source = orders.get(order.order_id!)!;
      const { first, lines } = source;
      const gross = lines.reduce((sum, l) => sum + Number(l['Lineitem quantity']) * cents(l['Lineitem price']), 0);
      const tips = lines.filter((l) => l['Lineitem name'] === 'Tip').reduce((sum, l) => sum + cents(l['Lineitem price']), 0);
      expect(cents(order.total), order.order_id).toBe(cents(first.Total));
      expect(cents(order.tax)).toBe(cents(first.Taxes));
      expect(cents(order.shipping)).toBe(cents(first.Shipping));
      expect(cents(order.discount)).toBe(cents(first['Discount Amount']));
      expect(cents(order.subtotal)).toBe(gross);
      // Shopify's Subtotal is after discounts and leaves tips out.
      expect(gross - cents(first['Discount Amount']) - tips).toBe(cents(first.Subtotal));
      expect(order.currency).toBe(first.Currency);
      const myLines = outLines.filter((l) => l.order_id === order.order_id);
      expect(myLines.map((l) => Number(l.line_no))).toEqual(lines.map((_, i) => i + 1));
      expect(myLines.reduce((s, l) => s + cents(l.line_discount), 0)).toBe(cents(first['Discount Amount']));
      expect(myLines.reduce((s, l) => s + cents(l.line_tax), 0)).toBe(cents(first.Taxes));
    }
    const fileTotal = [...orders.values()].reduce((s, o) => s + cents(o.first.Total), 0);
    expect(outOrders.reduce((s, o) => s + cents(o.total), 0)).toBe(fileTotal);
  });

  it('keeps offsets, identifies customers by e-mail and gives guests one id per order', async () => {
    const { orders } = expectedOrders();
    const result = await drain(await openForeignSource(SAMPLE));
    const outOrders = result.byEntity('orders');
    const byId = new Map(outOrders.map((o) => [o.order_id, o]));
    expect(byId.get('#1081')!.created_at).toBe('2022-04-06T21:52:39-04:00');
    expect(byId.get('#1080')!.created_at).toBe('2022-02-14T23:36:42-05:00');
    const emails = new Set([...orders.values()].map((o) => o.first.Email!.toLowerCase()).filter(Boolean));
    const guestOrders = [...orders.values()].filter((o) => !o.first.Email).length;
    const customers = result.byEntity('customers');
    expect(customers.filter((c) => !c.customer_id!.startsWith('guest:'))).toHaveLength(emails.size);
    expect(customers.filter((c) => c.customer_id!.startsWith('guest:'))).toHaveLength(guestOrders);
    for (const order of outOrders) {
      const email = orders.get(order.order_id!)!.first.Email!.toLowerCase();
      expect(order.customer_id).toBe(email || `guest:${order.order_id}`);
    }
  });

  it('books a partial refund smaller than one unit as a stated refund net of tax, inventing no unit', async () => {
    const { orders, cents } = expectedOrders();
    const source = await openForeignSource(SAMPLE);
    const result = await drain(source);
    expect(source.warnings()).toEqual([]);
    const partial = [...orders.values()].filter((o) => o.first['Financial Status'] === 'partially_refunded');
    expect(partial.map((o) => o.first.Name)).toEqual(['#1009']);
    const { first, lines } = partial[0]!;
    // Independently: the refund carries the order's tax rate (Shopify taxes shipping too), so its net
    // part is refunded / (1 + taxes / (lines net + shipping)); 10.60 at 2.39 / 39.90 is 10.00.
    const linesNet = lines.reduce((s, l) => s + Number(l['Lineitem quantity']) * cents(l['Lineitem price']), 0) - cents(first['Discount Amount']);
    const rate = cents(first.Taxes) / (linesNet + cents(first.Shipping));
    const expectedNet = Math.round(cents(first['Refunded Amount']) / (1 + rate));
    expect(expectedNet).toBe(1000);
    const returns = result.byEntity('returns');
    expect(returns).toEqual([expect.objectContaining({ order_id: '#1009', line_no: '1', quantity: '0' })]);
    expect(cents(returns[0]!.refund_amount)).toBe(expectedNet);
    const tip = result.byEntity('products').find((p) => p.sku === 'Tip');
    expect(tip?.category).toBe(NON_PRODUCT_CATEGORY);
  });
});
