import { describe, expect, it } from 'vitest';
import { NATIVE_COLUMNS, type NativeEntity } from '../../../../shared/data-contract/native-format';
import { validateInto, validateRow, type SqlValue } from './validators';

const ROWS: { entity: NativeEntity; row: Record<string, string> }[] = [
  { entity: 'orders', row: { order_id: 'O1', customer_id: 'C1', channel: 'web', status: 'paid', created_at: '2024-03-05T19:50:05Z', paid_at: '2024-03-05T19:51:00+01:00', currency: 'EUR', subtotal: '100', discount: '0.5', tax: '19.00', shipping: '4.90', total: '123.40', updated_at: '2024-03-05T19:51:00Z' } },
  { entity: 'orders', row: { order_id: 'O2', customer_id: 'C1', channel: 'web', status: 'shipped', created_at: '2024-03-05T19:50:05Z', currency: 'EUR', subtotal: '1', discount: '0', tax: '0', shipping: '0', total: '1', updated_at: '2024-03-05T19:51:00Z' } },
  { entity: 'order_items', row: { order_id: ' O1 ', line_no: '2', sku: 'S1', quantity: '3', unit_price: '9.99', line_discount: '0', line_tax: '1.5' } },
  { entity: 'order_items', row: { order_id: 'O1', line_no: '1', sku: 'S1', quantity: '0', unit_price: '9.99', line_discount: '0', line_tax: '0' } },
  { entity: 'returns', row: { order_id: 'O1', line_no: '1', quantity: '0', returned_at: '2024-03-10T00:00:00Z', reason: 'goodwill', refund_amount: '' } },
  { entity: 'returns', row: { order_id: 'O1', line_no: '1', quantity: '0', returned_at: '2024-03-10T00:00:00Z', reason: '', refund_amount: '2.50' } },
  { entity: 'inventory_movements', row: { sku: 'S1', moved_at: '2024-03-10T06:00:00Z', kind: 'sale', quantity: '-2' } },
  { entity: 'reviews', row: { review_id: 'R1', sku: 'S1', customer_id: 'C1', rating: '7', text: 'x', reviewed_at: '2024-03-12T08:00:00Z' } },
];

describe('validateInto', () => {
  it('appends exactly the values validateRow returns, and leaves the batch untouched on the problem validateRow reports', () => {
    const out: SqlValue[] = ['earlier row'];
    let expectedLength = 1;
    for (const { entity, row } of ROWS) {
      const fields = NATIVE_COLUMNS[entity].map((c) => row[c] ?? '');
      const reference = validateRow(entity, fields);
      const problem = validateInto(entity, fields, out);
      if (reference.isValid) {
        expect(problem, `${entity} ${JSON.stringify(row)}`).toBeNull();
        expect(out.slice(expectedLength)).toEqual(reference.values);
        expectedLength += reference.values.length;
      } else {
        expect(problem).toMatchObject({ column: reference.column, code: reference.code, reason: reference.reason });
      }
      expect(out).toHaveLength(expectedLength);
    }
    // Some rows of each kind: the cases above are not all valid or all invalid.
    expect(expectedLength).toBeGreaterThan(1);
    expect(ROWS.filter(({ entity, row }) => !validateRow(entity, NATIVE_COLUMNS[entity].map((c) => row[c] ?? '')).isValid).length).toBeGreaterThanOrEqual(3);
    expect(out[0]).toBe('earlier row');
  });
});
