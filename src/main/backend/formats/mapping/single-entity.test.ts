import { afterAll, describe, expect, it } from 'vitest';
import { columnMappingSchema, type ColumnMapping } from '../../../../shared/contract/formats';
import { openForeignSource } from '../index';
import { drain, tempFolder } from '../testing';

/**
 * A shop whose ERP writes one file per entity under its own (German) headers: each file is
 * mapped on its own, and what the mapping leaves out gets the defaults the README documents.
 */
const folder = tempFolder('storelens-single-entity-');
afterAll(() => folder.dispose());

const mapped = (entity: ColumnMapping['entity'], columns: Record<string, string>, extra: Partial<ColumnMapping> = {}) =>
  columnMappingSchema.parse({ entity, columns, ...extra });

async function read(name: string, content: string, mapping: ColumnMapping) {
  return drain(await openForeignSource(folder.write(name, content), { mapping }));
}

/** Cents from a decimal string, by hand. */
const cents = (text: string) => Math.round(Number(text) * 100);

describe('one mapped file per entity', () => {
  it('orders: the missing side of subtotal/total is derived, and an order without a customer gets one guest', async () => {
    const rows = [
      ['B-1', 'K-7', '2024-03-05T10:00:00+01:00', 'EUR', '', '118.00', '10.00', '19.00', '4.90'],
      ['B-2', '', '2024-03-06T11:00:00+01:00', 'EUR', '50.00', '', '5.00', '8.55', '0.00'],
    ];
    const out = await read(
      'bestellungen.csv',
      ['Beleg,Kunde,Datum,Währung,Zwischensumme,Gesamt,Rabatt,Steuer,Versand', ...rows.map((r) => r.join(','))].join('\n'),
      mapped('orders', { order_id: 'Beleg', customer_id: 'Kunde', created_at: 'Datum', currency: 'Währung', subtotal: 'Zwischensumme', total: 'Gesamt', discount: 'Rabatt', tax: 'Steuer', shipping: 'Versand' }),
    );
    expect(out.rejects).toEqual([]);
    const [first, second] = out.byEntity('orders');
    // B-1 states only the total: subtotal = total + discount − tax − shipping.
    expect(cents(first!.subtotal!)).toBe(11800 + 1000 - 1900 - 490);
    expect(first).toMatchObject({ customer_id: 'K-7', total: '118.00', status: 'paid', channel: 'unknown', updated_at: first!.created_at });
    // B-2 states only the subtotal: total = subtotal − discount + tax + shipping.
    expect(cents(second!.total!)).toBe(5000 - 500 + 855);
    expect(second!.customer_id).toBe('guest:B-2');
    expect(out.byEntity('customers')).toEqual([expect.objectContaining({ customer_id: 'guest:B-2', segment: 'guest' })]);
  });

  it('order items: lines without a number are counted per order, and a quantity of 0 is refused with its column', async () => {
    const out = await read(
      'positionen.csv',
      ['Beleg,Artikel,Menge,Preis', 'B-1,A-1,2,10.00', 'B-2,A-1,1,10.00', 'B-1,A-2,1,5.50', 'B-1,A-3,0,1.00'].join('\n'),
      mapped('order_items', { order_id: 'Beleg', sku: 'Artikel', quantity: 'Menge', unit_price: 'Preis' }),
    );
    expect(out.byEntity('order_items').map((l) => [l.order_id, l.line_no, l.sku, l.line_discount, l.line_tax])).toEqual([
      ['B-1', '1', 'A-1', '0', '0'],
      ['B-2', '1', 'A-1', '0', '0'],
      ['B-1', '2', 'A-2', '0', '0'],
    ]);
    expect(out.rejects).toEqual([expect.objectContaining({ line: 5, column: 'Menge', reason: expect.stringContaining('quantity 0 is not positive') })]);
  });

  it('products: name, category, cost and reorder point fall back when the file has none', async () => {
    const out = await read('artikel.csv', ['Artikel,Listenpreis', 'A-1,12.50'].join('\n'), mapped('products', { sku: 'Artikel', list_price: 'Listenpreis' }));
    expect(out.byEntity('products')).toEqual([expect.objectContaining({ sku: 'A-1', name: 'A-1', category: 'uncategorised', cost: '0.00', list_price: '12.50', reorder_point: '0' })]);
  });

  it('stock movements without a kind are adjustments; returns may state a refund without goods back', async () => {
    const stock = await read('lager.csv', ['Artikel,Zeit,Menge', 'A-1,2024-03-05T08:00:00Z,-3'].join('\n'), mapped('inventory_movements', { sku: 'Artikel', moved_at: 'Zeit', quantity: 'Menge' }));
    expect(stock.rejects).toEqual([]);
    expect(stock.byEntity('inventory_movements')).toEqual([expect.objectContaining({ sku: 'A-1', kind: 'adjustment', quantity: '-3' })]);

    const returns = await read(
      'retouren.csv',
      ['Beleg,Position,Menge,Datum,Erstattung', 'B-1,1,0,2024-03-09T08:00:00Z,4.00', 'B-1,2,0,2024-03-09T08:00:00Z,'].join('\n'),
      mapped('returns', { order_id: 'Beleg', line_no: 'Position', quantity: 'Menge', returned_at: 'Datum', refund_amount: 'Erstattung' }),
    );
    expect(returns.byEntity('returns')).toEqual([expect.objectContaining({ order_id: 'B-1', line_no: '1', quantity: '0' })]);
    expect(returns.rejects).toEqual([expect.objectContaining({ line: 3, column: 'Menge' })]);
  });

  it('reviews: an anonymous review gets an id from its file and line, and its own guest', async () => {
    const out = await read(
      'bewertungen.csv',
      ['Artikel,Kunde,Sterne,Datum', 'A-1,K-7,5,2024-03-10T09:00:00Z', 'A-1,,2,2024-03-11T09:00:00Z'].join('\n'),
      mapped('reviews', { sku: 'Artikel', customer_id: 'Kunde', rating: 'Sterne', reviewed_at: 'Datum' }),
    );
    expect(out.byEntity('reviews').map((r) => [r.review_id, r.customer_id])).toEqual([
      ['bewertungen.csv:2', 'K-7'],
      ['bewertungen.csv:3', 'guest:review:bewertungen.csv:3'],
    ]);
    expect(out.byEntity('customers').map((c) => c.customer_id)).toEqual(['guest:review:bewertungen.csv:3']);
  });

  it('refuses cells that do not parse, each with a reason a person can act on', async () => {
    const orders = await read(
      'status.csv',
      ['Beleg,Datum,Währung,Gesamt,Status', 'B-1,2024-03-05T10:00:00Z,EUR,10.00,shipped', 'B-2,2024-03-05T10:00:00Z,EURO,10.00,paid', 'B-3,2024-03-05T10:00:00Z,EUR,10.00,unterwegs'].join('\n'),
      mapped('orders', { order_id: 'Beleg', created_at: 'Datum', currency: 'Währung', total: 'Gesamt', status: 'Status' }),
    );
    expect(orders.byEntity('orders').map((o) => [o.order_id, o.status])).toEqual([['B-1', 'fulfilled']]);
    expect(orders.rejects.map((r) => [r.line, r.column])).toEqual([[3, 'Währung'], [4, 'Status']]);
    expect(orders.rejects[0]!.reason).toContain("'EURO' is not a 3-letter currency code");
    expect(orders.rejects[1]!.reason).toContain("'unterwegs' is not an order status we know");

    const stock = await read('art.csv', ['Artikel,Zeit,Art,Menge', 'A-1,2024-03-05T08:00:00Z,theft,1'].join('\n'), mapped('inventory_movements', { sku: 'Artikel', moved_at: 'Zeit', kind: 'Art', quantity: 'Menge' }));
    expect(stock.rejects).toEqual([expect.objectContaining({ line: 2, column: 'Art', reason: expect.stringContaining("'theft' is not a movement kind") })]);

    const reviews = await read('sterne.csv', ['Artikel,Sterne,Datum', 'A-1,7,2024-03-10T09:00:00Z'].join('\n'), mapped('reviews', { sku: 'Artikel', rating: 'Sterne', reviewed_at: 'Datum' }));
    expect(reviews.rejects).toEqual([expect.objectContaining({ line: 2, column: 'Sterne', reason: expect.stringContaining('rating 7 is not 1–5') })]);
  });
});
