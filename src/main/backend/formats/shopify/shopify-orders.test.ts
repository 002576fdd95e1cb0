import { afterAll, describe, expect, it } from 'vitest';
import { openForeignSource } from '../index';
import { createTempBackend } from '../../testing/temp-backend';
import { drain, tempFolder } from '../testing';

const folder = tempFolder();
afterAll(() => folder.dispose());

// A shorter export (other versions have other column counts and orders) with CRLF, a multi-line
// note, an apostrophe zip, and every refund/cancel state.
const HEADER = 'Created at,Name,Email,Financial Status,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Zip,Notes,Cancelled at,Refunded Amount,Source,Lineitem taxable';
const ROWS = [
  '2021-03-27 10:00:00 +0000,#1,A@Example.com,refunded,fulfilled,EUR,30.00,5.00,0.00,35.00,0.00,2,Mug,15.00,MUG-1,\'02139,"call me\r\nafter 5pm",,35.00,web,true',
  '2021-03-28 10:00:00 +0200,#2,,partially_refunded,fulfilled,EUR,50.00,0.00,0.00,50.00,0.00,1,Bowl,30.00,BOWL,,,,20.00,pos,true',
  '2021-03-28 10:00:00 +0200,#2,,,,,,,,,,1,Cup,20.00,CUP,,,,,,true',
  '2021-03-29 09:00:00 +0200,#3,b@example.com,voided,,EUR,10.00,0.00,0.00,10.00,0.00,1,Cup,10.00,CUP,,,,0.00,580111,true',
  '2021-03-29 09:30:00 +0200,#4,b@example.com,paid,,EUR,10.00,0.00,0.00,10.00,0.00,1,Cup,10.00,CUP,,,2021-03-30 08:00:00 +0200,0.00,web,true',
  '2021-03-30 09:30:00 +0200,#5,c@example.com,pending,,EUR,8.10,0.00,0.00,8.10,0.90,1,Cup,9.00,CUP,,,,,web,true',
];

describe('Shopify adapter', () => {
  it('maps refunds, cancellations and statuses as documented, reading columns by name', async () => {
    const file = folder.write('orders_export.csv', [HEADER, ...ROWS].join('\r\n'));
    const source = await openForeignSource(file);
    const result = await drain(source);
    expect(result.rejects).toEqual([]);
    const orders = new Map(result.byEntity('orders').map((o) => [o.order_id, o]));
    expect([...orders.values()].map((o) => o.status)).toEqual(['returned', 'fulfilled', 'cancelled', 'cancelled', 'created']);
    expect(orders.get('#1')!.customer_id).toBe('a@example.com');
    expect(orders.get('#2')!.customer_id).toBe('guest:#2');
    expect(orders.get('#3')!.channel).toBe('app-580111');
    expect(orders.get('#4')!.cancelled_at).toBe('2021-03-30T08:00:00+02:00');
    expect(orders.get('#5')!.discount).toBe('0.90');
    // Fully refunded: every unit comes back. Partially refunded 20.00: the 20.00 cup, not the 30.00 bowl.
    expect(result.byEntity('returns')).toEqual([
      { order_id: '#1', line_no: '1', quantity: '2', returned_at: '2021-03-27T10:00:00+00:00', reason: 'shopify refunded', refund_amount: '' },
      { order_id: '#2', line_no: '2', quantity: '1', returned_at: '2021-03-28T10:00:00+02:00', reason: 'shopify partially_refunded', refund_amount: '' },
    ]);
    expect(source.warnings()).toEqual([]);
    // The note spans lines 2–3, so order #2 starts on line 4.
    expect(result.records.find((r) => r.entity === 'order_items' && r.fields[0] === '#2')!.line).toBe(4);
  });

  it('imports its returns into the warehouse even when they name lines written moments before', async () => {
    const file = folder.write('orders_export.csv', [HEADER, ...ROWS].join('\r\n'));
    const temp = createTempBackend();
    try {
      await temp.backend.jobs.run('import.files', { paths: [file] });
      expect(temp.backend.db.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
      const returns = temp.backend.db
        .prepare('SELECT order_id AS id, line_no AS line, quantity, refund_rule AS rule FROM fct_returns ORDER BY order_id, line_no')
        .all();
      // This export has no Fulfilled at column, so nothing counts as delivered and the 30-day rule refunds 0.
      expect(returns).toEqual([
        { id: '#1', line: 1, quantity: 2, rule: 'not_delivered' },
        { id: '#2', line: 2, quantity: 1, rule: 'not_delivered' },
      ]);
    } finally {
      temp.dispose();
    }
  });
});
