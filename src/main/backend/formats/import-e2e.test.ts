import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';

const DATA = new URL('../../../../../shared/data/', import.meta.url).pathname;
const SHOPIFY = `${DATA}shopify_orders_export_sample.csv`;
const RETAIL = `${DATA}online_retail_sample.csv`;

const read = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

let temp: TempBackend;
beforeAll(async () => {
  temp = createTempBackend();
  await temp.backend.jobs.run('import.files', { paths: [SHOPIFY, RETAIL] });
});
afterAll(() => temp.dispose());

const totals = (currency: string) =>
  temp.backend.db
    .prepare(`SELECT count(*) AS orders, sum(is_counted) AS counted, sum(CASE WHEN is_counted = 1 THEN gross_cents END) AS gross,
                     sum(CASE WHEN is_counted = 1 THEN discount_cents END) AS discount, sum(tax_cents) AS tax, sum(shipping_cents) AS shipping
              FROM fct_orders WHERE currency = ?`)
    .get(currency) as { orders: number; counted: number; gross: number; discount: number; tax: number; shipping: number };

describe('both shared samples through import.files into a warehouse', () => {
  it('loads the 81 Shopify orders with the file’s money', () => {
    const rows = read(SHOPIFY);
    const cents = (text: string | undefined) => Math.round(Number(text || '0') * 100);
    const firstRows = rows.filter((row) => row['Financial Status'] !== '');
    const usd = totals('USD');
    expect(usd.orders).toBe(81);
    expect(usd.counted).toBe(81);
    expect(usd.gross).toBe(rows.reduce((sum, row) => sum + Number(row['Lineitem quantity']) * cents(row['Lineitem price']), 0));
    expect(usd.discount).toBe(firstRows.reduce((sum, row) => sum + cents(row['Discount Amount']), 0));
    expect(usd.tax).toBe(firstRows.reduce((sum, row) => sum + cents(row.Taxes), 0));
    expect(usd.shipping).toBe(firstRows.reduce((sum, row) => sum + cents(row.Shipping), 0));
  });

  it('books the Shopify refunds the export states, net of tax, and quarantines none of them', () => {
    const rows = read(SHOPIFY);
    const cents = (text: string | undefined) => Math.round(Number(text || '0') * 100);
    const expected = new Map<string, number>();
    for (const first of rows.filter((row) => /refunded/.test(row['Financial Status'] ?? ''))) {
      const lines = rows.filter((row) => row.Name === first.Name);
      const linesNet = lines.reduce((sum, l) => sum + Number(l['Lineitem quantity']) * cents(l['Lineitem price']), 0) - cents(first['Discount Amount']);
      const refunded = first['Financial Status'] === 'refunded' ? linesNet : cents(first['Refunded Amount']) / (1 + cents(first.Taxes) / (linesNet + cents(first.Shipping)));
      expected.set(first.Name!, Math.min(linesNet, Math.round(refunded)));
    }
    expect(expected.size).toBeGreaterThan(0);
    const booked = temp.backend.db
      .prepare("SELECT order_id AS id, refund_cents AS refund, net_cents AS net, gross_cents - discount_cents AS beforeRefunds FROM fct_orders WHERE currency = 'USD' AND refund_cents > 0")
      .all() as { id: string; refund: number; net: number; beforeRefunds: number }[];
    expect(new Map(booked.map((o) => [o.id, o.refund]))).toEqual(expected);
    for (const order of booked) expect(order.net).toBe(order.beforeRefunds - order.refund);
    const quarantinedReturns = temp.backend.db.prepare("SELECT count(*) FROM quarantine WHERE entity = 'returns'").pluck().get();
    expect(quarantinedReturns).toBe(0);
  });

  it('loads the Online Retail invoices with their sales, in GBP, never added to USD', () => {
    const rows = read(RETAIL);
    const sales = rows.filter((row) => !row.InvoiceNo!.startsWith('C') && Number(row.Quantity) > 0);
    const gbp = totals('GBP');
    expect(gbp.counted).toBe(new Set(sales.map((row) => row.InvoiceNo)).size);
    const lineCents = sales.map((row) => Math.round(Number(row.Quantity) * Number(row.UnitPrice) * 100));
    expect(gbp.gross).toBe(lineCents.reduce((a, b) => a + b, 0));
    const items = temp.backend.db.prepare("SELECT count(*) AS n FROM fct_order_items WHERE order_id NOT LIKE 'C%' AND order_id NOT LIKE '#%'").get() as { n: number };
    expect(items.n).toBe(sales.length);
    const quarantined = temp.backend.db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number };
    expect(quarantined.n).toBe(0);
  });

  it('refunds Online Retail credit notes by the 30-day rule, with the invoice as delivery', () => {
    const returns = temp.backend.db
      .prepare(
        `SELECT r.refund_rule AS rule, r.refund_cents AS refund, r.quantity, i.unit_price_cents AS price, i.discount_cents AS discount
         FROM fct_returns r JOIN fct_order_items i ON i.order_key = r.order_key AND i.line_no = r.line_no
         JOIN fct_orders o ON o.order_key = r.order_key WHERE o.currency = 'GBP'`,
      )
      .all() as { rule: string; refund: number; quantity: number; price: number; discount: number }[];
    expect(returns.length).toBeGreaterThan(0);
    // The sample spans less than 30 days, so every credit note falls inside the window.
    for (const row of returns) {
      expect(row.rule).toBe('within_30_days');
      expect(row.discount).toBe(0);
      expect(row.refund).toBe(row.quantity * row.price);
    }
    const creditedCents = read(RETAIL)
      .filter((row) => row.InvoiceNo!.startsWith('C'))
      .reduce((sum, row) => sum + Math.round(Math.abs(Number(row.Quantity)) * Number(row.UnitPrice) * 100), 0);
    expect(returns.reduce((sum, row) => sum + row.refund, 0)).toBeLessThanOrEqual(creditedCents);
  });
});
