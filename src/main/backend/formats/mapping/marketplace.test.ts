import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../../../shared/contract/formats';
import { detectFileFormat, openForeignSource } from '../index';
import { drain } from '../testing';

const FIXTURE = new URL('../fixtures/marketplace-pt.csv', import.meta.url).pathname;
const MAPPING = columnMappingSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/marketplace-pt.mapping.json', import.meta.url), 'utf8')));

/** Independent reading: csv-parse with ';', Brazilian numbers by hand, cents as integers. */
function expected() {
  const rows = parse(readFileSync(FIXTURE, 'utf8'), { columns: true, delimiter: ';' }) as Record<string, string>[];
  const cents = (text: string) => Math.round(Number(text.replaceAll('.', '').replace(',', '.')) * 100);
  const orders = new Map<string, { gross: number; discount: number; shipping: number; created: string; email: string }>();
  for (const row of rows) {
    const [date, time = '00:00'] = row.Data!.split(' ');
    const [d, m, y] = date!.split('/');
    const entry = orders.get(row.Pedido!) ?? { gross: 0, discount: 0, shipping: cents(row.Frete!), created: `${y}-${m}-${d}T${time}:00-03:00`, email: row['E-mail']! };
    entry.gross += Number(row.Quantidade) * cents(row['Preço unitário']!);
    entry.discount += cents(row.Desconto!);
    orders.set(row.Pedido!, entry);
  }
  return { rows, orders, cents };
}

describe('a marketplace export laid out unlike any known format (Portuguese, ;, 1.234,56, dd/mm/yyyy)', () => {
  it('gets the right mapping proposed with good confidence, and is asked for the date format and currency', async () => {
    const detection = await detectFileFormat(FIXTURE);
    expect(detection).toMatchObject({ format: 'unknown', delimiter: ';', encoding: 'utf-8', lineEnding: 'crlf', proposedEntity: 'flat_order_lines' });
    expect(detection.decimalSeparator).toMatchObject({ separator: ',', isAmbiguous: false });
    const proposed = Object.fromEntries(detection.fields.filter((f) => f.column).map((f) => [f.field, f.column]));
    expect(proposed).toEqual(MAPPING.columns);
    for (const field of detection.fields.filter((f) => f.column)) expect(field.confidence, field.field).toBeGreaterThanOrEqual(0.8);
    expect(detection.entities[0]!.confidence).toBeGreaterThan(detection.entities[1]!.confidence + 0.1);
    expect(detection.dateFormat).toMatchObject({ isAmbiguous: true, format: null, columns: ['Data'] });
    expect(detection.openQuestions).toEqual([expect.stringContaining('date format'), expect.stringContaining('currency')]);
  });

  it('with the mapping JSON yields the orders, lines, customers and products the file holds', async () => {
    const { rows, orders, cents } = expected();
    const out = await drain(await openForeignSource(FIXTURE, { mapping: MAPPING }));
    expect(out.rejects).toEqual([]);
    const outOrders = out.byEntity('orders');
    expect(outOrders.map((o) => o.order_id)).toEqual([...orders.keys()]);
    for (const order of outOrders) {
      const want = orders.get(order.order_id!)!;
      expect(order.created_at).toBe(want.created);
      expect(cents(order.subtotal!.replace('.', ','))).toBe(want.gross);
      expect(cents(order.discount!.replace('.', ','))).toBe(want.discount);
      expect(cents(order.shipping!.replace('.', ','))).toBe(want.shipping);
      expect(cents(order.total!.replace('.', ','))).toBe(want.gross - want.discount + want.shipping);
      expect(order.currency).toBe('BRL');
      expect(order.customer_id).toBe(want.email || `guest:${order.order_id}`);
    }
    const lines = out.byEntity('order_items');
    expect(lines).toHaveLength(rows.length);
    expect(lines[1]).toEqual({ order_id: 'MP-1001', line_no: '2', sku: 'CAL-010', quantity: '1', unit_price: '1234.56', line_discount: '34.56', line_tax: '0.00' });
    expect(out.byEntity('products').find((p) => p.sku === 'TEN-200')!.name).toBe('Tênis Corrida "Pro"');
    expect(out.byEntity('products').find((p) => p.sku === 'MEI-003')!.name).toBe('Meia; kit 3 pares');
    // CAL-010 sold at 1.234,56 then 1.199,00: two product versions.
    expect(out.byEntity('products').filter((p) => p.sku === 'CAL-010').map((p) => p.list_price)).toEqual(['1234.56', '1199.00']);
    expect(outOrders.map((o) => o.channel)).toContain('Mercado Livre');
  });
});
