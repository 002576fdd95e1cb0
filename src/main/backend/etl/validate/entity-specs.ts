import { MOVEMENT_KINDS, ORDER_STATUSES, type NativeEntity } from '../../../../shared/data-contract/native-format';

/**
 * How each native column is checked and stored, mirroring the zod schemas in
 * shared/data-contract/native-format.ts field by field (validators.test.ts keeps them in step).
 * `stagedAs` is the staging column: money becomes `<name>_cents`.
 */
export type FieldKind =
  | 'text'
  | 'money'
  | 'positive_int'
  | 'nonnegative_int'
  | 'signed_int'
  | 'rating'
  | 'timestamp'
  | 'date'
  | 'email'
  | 'currency'
  | 'order_status'
  | 'movement_kind';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  isRequired: boolean;
  stagedAs: string;
}

function field(name: string, kind: FieldKind, isRequired = true): FieldSpec {
  return { name, kind, isRequired, stagedAs: kind === 'money' ? `${name}_cents` : name };
}

export const ENTITY_FIELDS: { readonly [E in NativeEntity]: readonly FieldSpec[] } = {
  customers: [
    field('customer_id', 'text'),
    field('email', 'email', false),
    field('name', 'text', false),
    field('region', 'text', false),
    field('country', 'text', false),
    field('city', 'text', false),
    field('signup_date', 'date', false),
    field('segment', 'text', false),
    field('acquisition_channel', 'text', false),
    field('updated_at', 'timestamp'),
  ],
  products: [
    field('sku', 'text'),
    field('name', 'text'),
    field('category', 'text'),
    field('brand', 'text', false),
    field('supplier', 'text', false),
    field('cost', 'money'),
    field('list_price', 'money'),
    field('reorder_point', 'nonnegative_int'),
    field('updated_at', 'timestamp'),
  ],
  orders: [
    field('order_id', 'text'),
    field('customer_id', 'text'),
    field('channel', 'text'),
    field('status', 'order_status'),
    field('created_at', 'timestamp'),
    field('paid_at', 'timestamp', false),
    field('fulfilled_at', 'timestamp', false),
    field('delivered_at', 'timestamp', false),
    field('cancelled_at', 'timestamp', false),
    field('currency', 'currency'),
    field('subtotal', 'money'),
    field('discount', 'money'),
    field('tax', 'money'),
    field('shipping', 'money'),
    field('total', 'money'),
    field('updated_at', 'timestamp'),
  ],
  order_items: [
    field('order_id', 'text'),
    field('line_no', 'positive_int'),
    field('sku', 'text'),
    field('quantity', 'positive_int'),
    field('unit_price', 'money'),
    field('line_discount', 'money'),
    field('line_tax', 'money'),
  ],
  returns: [
    field('order_id', 'text'),
    field('line_no', 'positive_int'),
    field('quantity', 'nonnegative_int'),
    field('returned_at', 'timestamp'),
    field('reason', 'text', false),
    field('refund_amount', 'money', false),
  ],
  inventory_movements: [
    field('sku', 'text'),
    field('moved_at', 'timestamp'),
    field('kind', 'movement_kind'),
    field('quantity', 'signed_int'),
  ],
  reviews: [
    field('review_id', 'text'),
    field('sku', 'text'),
    field('customer_id', 'text'),
    field('rating', 'rating'),
    field('text', 'text', false),
    field('reviewed_at', 'timestamp'),
  ],
};

export const ORDER_STATUS_SET: ReadonlySet<string> = new Set(ORDER_STATUSES);
export const MOVEMENT_KIND_SET: ReadonlySet<string> = new Set(MOVEMENT_KINDS);

/** Staging column names of an entity, in native column order. */
export function stagedColumns(entity: NativeEntity): string[] {
  return ENTITY_FIELDS[entity].map((f) => f.stagedAs);
}
