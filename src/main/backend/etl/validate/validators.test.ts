import { describe, expect, it } from 'vitest';
import { NATIVE_COLUMNS, NATIVE_ENTITIES, type NativeEntity } from '../../../../shared/data-contract/native-format';
import { ENTITY_FIELDS } from './entity-specs';
import { validateRow } from './validators';

const GOOD: { [E in NativeEntity]: Record<string, string>[] } = {
  customers: [
    { customer_id: 'C1', email: 'a.b+x@example.com', name: 'Ann', region: 'eu', country: 'FR', city: 'Paris', signup_date: '2024-02-29', segment: 'vip', acquisition_channel: 'ads', updated_at: '2024-03-01T10:00:00Z' },
    { customer_id: ' C2 ', email: '', name: '', region: '', country: '', city: '', signup_date: '', segment: '', acquisition_channel: '', updated_at: '2024-03-01T10:00:00.123+01:00' },
  ],
  products: [{ sku: 'S1', name: 'Mug', category: 'home', brand: '', supplier: 'X', cost: '3.5', list_price: '12.99', reorder_point: '0', updated_at: '2024-01-01T00:00:00Z' }],
  orders: [
    { order_id: 'O1', customer_id: 'C1', channel: 'web', status: 'delivered', created_at: '2024-03-05T19:50:05Z', paid_at: '2024-03-05T19:51:00Z', fulfilled_at: '', delivered_at: '2024-03-07T10:00:00-05:00', cancelled_at: '', currency: 'EUR', subtotal: '100', discount: '0.00', tax: '19.00', shipping: '4.9', total: '123.90', updated_at: '2024-03-07T10:00:00Z' },
  ],
  order_items: [{ order_id: 'O1', line_no: '1', sku: 'S1', quantity: '2', unit_price: '50.00', line_discount: '0', line_tax: '9.50' }],
  returns: [
    { order_id: 'O1', line_no: '1', quantity: '1', returned_at: '2024-03-10T00:00:00Z', reason: '' },
    { order_id: 'O1', line_no: '1', quantity: '0', returned_at: '2024-03-10T00:00:00Z', reason: 'goodwill', refund_amount: '10.00' },
    { order_id: 'O1', line_no: '1', quantity: '2', returned_at: '2024-03-10T00:00:00Z', reason: '', refund_amount: '' },
  ],
  inventory_movements: [
    { sku: 'S1', moved_at: '2024-03-10T06:00:00Z', kind: 'receipt', quantity: '40' },
    { sku: 'S1', moved_at: '2024-03-10T06:00:00Z', kind: 'sale', quantity: '-2' },
  ],
  reviews: [{ review_id: 'R1', sku: 'S1', customer_id: 'C1', rating: '5', text: 'great, "really"', reviewed_at: '2024-03-12T08:00:00Z' }],
};

/** Bad rows: each breaks one rule of the data contract, so both zod and our validator must reject it. */
const BAD: { entity: NativeEntity; patch: Record<string, string>; column: string; code: string }[] = [
  { entity: 'customers', patch: { customer_id: '  ' }, column: 'customer_id', code: 'missing_required' },
  { entity: 'customers', patch: { email: 'not-an-email' }, column: 'email', code: 'bad_text' },
  { entity: 'customers', patch: { signup_date: '2023-02-29' }, column: 'signup_date', code: 'bad_date' },
  { entity: 'customers', patch: { updated_at: '2024-03-01 10:00:00' }, column: 'updated_at', code: 'bad_date' },
  { entity: 'products', patch: { cost: 'abc' }, column: 'cost', code: 'bad_number' },
  { entity: 'products', patch: { list_price: '-1.00' }, column: 'list_price', code: 'out_of_range' },
  { entity: 'products', patch: { reorder_point: '-4' }, column: 'reorder_point', code: 'out_of_range' },
  { entity: 'products', patch: { reorder_point: '2.5' }, column: 'reorder_point', code: 'bad_number' },
  { entity: 'orders', patch: { status: 'shipped' }, column: 'status', code: 'bad_enum' },
  { entity: 'orders', patch: { currency: 'eur' }, column: 'currency', code: 'bad_enum' },
  { entity: 'orders', patch: { created_at: '05/03/2024 19:50' }, column: 'created_at', code: 'bad_date' },
  { entity: 'orders', patch: { paid_at: '2024-03-05T25:00:00Z' }, column: 'paid_at', code: 'bad_date' },
  { entity: 'orders', patch: { total: '1,5' }, column: 'total', code: 'bad_number' },
  { entity: 'order_items', patch: { quantity: '0' }, column: 'quantity', code: 'out_of_range' },
  { entity: 'order_items', patch: { quantity: '-3' }, column: 'quantity', code: 'out_of_range' },
  { entity: 'order_items', patch: { line_no: 'x' }, column: 'line_no', code: 'bad_number' },
  { entity: 'order_items', patch: { sku: '' }, column: 'sku', code: 'missing_required' },
  { entity: 'returns', patch: { returned_at: 'yesterday' }, column: 'returned_at', code: 'bad_date' },
  { entity: 'returns', patch: { quantity: '0' }, column: 'quantity', code: 'out_of_range' },
  { entity: 'returns', patch: { quantity: '-1', refund_amount: '5.00' }, column: 'quantity', code: 'out_of_range' },
  { entity: 'returns', patch: { refund_amount: '-5.00' }, column: 'refund_amount', code: 'out_of_range' },
  { entity: 'returns', patch: { refund_amount: 'ten' }, column: 'refund_amount', code: 'bad_number' },
  { entity: 'inventory_movements', patch: { kind: 'SALE' }, column: 'kind', code: 'bad_enum' },
  { entity: 'inventory_movements', patch: { quantity: '1.5' }, column: 'quantity', code: 'bad_number' },
  { entity: 'reviews', patch: { rating: '6' }, column: 'rating', code: 'out_of_range' },
  { entity: 'reviews', patch: { rating: '0' }, column: 'rating', code: 'out_of_range' },
];

/** Where our validator is deliberately stricter than zod's coercion (an importer must not guess at money). */
const STRICTER: { entity: NativeEntity; patch: Record<string, string>; column: string }[] = [
  { entity: 'products', patch: { cost: '' }, column: 'cost' },
  { entity: 'products', patch: { cost: '1e3' }, column: 'cost' },
  { entity: 'products', patch: { list_price: ' 12.99 ' }, column: 'list_price' },
  { entity: 'order_items', patch: { unit_price: '0x10' }, column: 'unit_price' },
  { entity: 'order_items', patch: { unit_price: '12.345' }, column: 'unit_price' },
  { entity: 'order_items', patch: { quantity: '+3' }, column: 'quantity' },
];

function fieldsOf(entity: NativeEntity, record: Record<string, string>): string[] {
  return NATIVE_COLUMNS[entity].map((c) => record[c] ?? '');
}

describe('validateRow agrees with the zod schemas of the data contract', () => {
  it('declares exactly the contract columns, with the same optionality', () => {
    for (const entity of Object.keys(NATIVE_ENTITIES) as NativeEntity[]) {
      expect(ENTITY_FIELDS[entity].map((f) => f.name)).toEqual(NATIVE_COLUMNS[entity]);
      const shape = NATIVE_ENTITIES[entity].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      for (const field of ENTITY_FIELDS[entity]) {
        const acceptsMissing = shape[field.name]?.safeParse(undefined).success ?? false;
        // zod's coerced money accepts '' as 0 but not undefined; "required" here means "may not be empty".
        expect(acceptsMissing, `${entity}.${field.name}`).toBe(!field.isRequired);
      }
    }
  });

  it('accepts the good rows with the same values zod produces (money in cents)', () => {
    for (const [entity, rows] of Object.entries(GOOD) as [NativeEntity, Record<string, string>[]][]) {
      for (const row of rows) {
        const parsed = NATIVE_ENTITIES[entity].safeParse(row);
        expect(parsed.success, `zod ${entity}`).toBe(true);
        const checked = validateRow(entity, fieldsOf(entity, row));
        expect(checked.isValid, `ours ${entity}`).toBe(true);
        if (!checked.isValid || !parsed.success) continue;
        ENTITY_FIELDS[entity].forEach((field, i) => {
          const zodValue = (parsed.data as Record<string, unknown>)[field.name];
          const ours = checked.values[i];
          if (field.kind === 'money' && zodValue !== undefined) expect(ours).toBe(Math.round((zodValue as number) * 100));
          else if (zodValue === '' || zodValue === undefined) expect(ours).toBeNull();
          else expect(ours).toBe(zodValue);
        });
      }
    }
  });

  it('rejects every bad row zod rejects, naming the column and a reason code', () => {
    for (const bad of BAD) {
      const row = { ...(GOOD[bad.entity][0] as Record<string, string>), ...bad.patch };
      expect(NATIVE_ENTITIES[bad.entity].safeParse(row).success, `zod ${JSON.stringify(bad.patch)}`).toBe(false);
      const checked = validateRow(bad.entity, fieldsOf(bad.entity, row));
      expect(checked, JSON.stringify(bad.patch)).toMatchObject({ isValid: false, column: bad.column, code: bad.code });
      if (!checked.isValid) expect(checked.reason).toContain(bad.column);
    }
  });

  it('is stricter than zod only where zod would coerce a guess', () => {
    for (const strict of STRICTER) {
      const row = { ...(GOOD[strict.entity][0] as Record<string, string>), ...strict.patch };
      expect(NATIVE_ENTITIES[strict.entity].safeParse(row).success, JSON.stringify(strict.patch)).toBe(true);
      expect(validateRow(strict.entity, fieldsOf(strict.entity, row))).toMatchObject({ isValid: false, column: strict.column });
    }
  });
});
