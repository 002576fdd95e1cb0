import { describe, expect, it } from 'vitest';
import { NON_PRODUCT_CATEGORY, openForeignSource } from '../index';
import { drain, tempFolder } from '../testing';

describe('Online Retail II adapter', () => {
  it('reads the II header, London summer time, cancellations, adjustments and bad rows', async () => {
    const folder = tempFolder();
    const file = folder.write('online_retail_II.csv', [
      'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country',
      '489434,85048,15CM CHRISTMAS  GLASS BALL 20 LIGHTS ,12,2010-06-01 07:45:00,6.95,13085.0,United Kingdom',
      '489434,POST,POSTAGE,1,2010-06-01 07:45:00,18.00,13085.0,United Kingdom',
      '489435,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,6,2010-06-02 10:00:00,7.25,13085.0,United Kingdom',
      'C489449,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,-10,2010-06-03 09:00:00,6.95,13085.0,United Kingdom',
      'C489450,22087,PAPER BUNTING WHITE LACE,-2,2010-06-03 09:00:00,2.95,,United Kingdom',
      '489451,21777,damaged,-5,2010-11-01 12:00:00,0,,United Kingdom',
      'A563185,B,Adjust bad debt,1,2010-11-02 14:50:00,-11062.06,,United Kingdom',
      '489452,22087,PAPER BUNTING WHITE LACE,3,2010-11-01 12:00:00,0,,United Kingdom',
    ].join('\n'));
    const out = await drain(await openForeignSource(file));
    const orders = new Map(out.byEntity('orders').map((o) => [o.order_id, o]));
    expect(orders.get('489434')).toMatchObject({ customer_id: '13085', created_at: '2010-06-01T07:45:00+01:00', status: 'delivered', delivered_at: '2010-06-01T07:45:00+01:00', subtotal: '101.40' });
    expect(orders.get('489452')!.created_at).toBe('2010-11-01T12:00:00+00:00');
    // C489449 returns 10 units: 6 from the latest earlier purchase line, 4 from the one before.
    expect(out.byEntity('returns')).toEqual([
      { order_id: '489435', line_no: '1', quantity: '6', returned_at: '2010-06-03T09:00:00+01:00', reason: 'cancellation C489449', refund_amount: '' },
      { order_id: '489434', line_no: '1', quantity: '4', returned_at: '2010-06-03T09:00:00+01:00', reason: 'cancellation C489449', refund_amount: '' },
    ]);
    // A guest cancellation has no purchase to match: a cancelled order.
    expect(orders.get('C489450')).toMatchObject({ status: 'cancelled', customer_id: 'guest:C489450' });
    expect(out.byEntity('inventory_movements')).toEqual([{ sku: '21777', moved_at: '2010-11-01T12:00:00+00:00', kind: 'adjustment', quantity: '-5' }]);
    expect(out.rejects).toEqual([expect.objectContaining({ line: 8, column: 'Price', reason: expect.stringContaining('negative unit price') })]);
    const products = new Map(out.byEntity('products').map((p) => [`${p.sku}@${p.updated_at}`, p]));
    expect(products.get('POST@2010-06-01T07:45:00+01:00')!.category).toBe(NON_PRODUCT_CATEGORY);
    // The price went from 6.95 to 7.25 the next day: a second version.
    expect(out.byEntity('products').filter((p) => p.sku === '85048').map((p) => [p.list_price, p.updated_at])).toEqual([
      ['6.95', '2010-06-01T07:45:00+01:00'],
      ['7.25', '2010-06-02T10:00:00+01:00'],
    ]);
    expect(out.byEntity('products').find((p) => p.sku === '85048')!.name).toBe('15CM CHRISTMAS GLASS BALL 20 LIGHTS');
    folder.dispose();
  });
});
