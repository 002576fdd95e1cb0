import { z } from 'zod';

/**
 * Storelens' native CSV format: one file per entity, named `<entity>.csv` (or `<entity>.ndjson`),
 * with exactly these columns. The generator writes it, the importer validates against it, and
 * the README's data dictionary documents it. Money is in currency units with up to 2 decimals.
 * Timestamps are ISO-8601 with an offset (`2024-03-05T19:50:05Z`); dates are `YYYY-MM-DD`.
 */

export const ORDER_STATUSES = ['created', 'paid', 'fulfilled', 'delivered', 'returned', 'cancelled'] as const;
export const MOVEMENT_KINDS = ['receipt', 'sale', 'allocation', 'release', 'adjustment', 'return'] as const;

const isoTimestamp = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const money = z.coerce.number().finite().nonnegative();
const optionalTimestamp = isoTimestamp.or(z.literal('')).optional();
const requiredText = z.string().trim().min(1);
const optionalText = z.string().optional();

export const customerRow = z.object({
  customer_id: requiredText,
  email: z.email().or(z.literal('')).optional(),
  name: optionalText,
  region: optionalText,
  country: optionalText,
  city: optionalText,
  signup_date: isoDate.or(z.literal('')).optional(),
  segment: optionalText,
  acquisition_channel: optionalText,
  updated_at: isoTimestamp,
});

export const productRow = z.object({
  sku: requiredText,
  name: requiredText,
  category: requiredText,
  brand: optionalText,
  supplier: optionalText,
  cost: money,
  list_price: money,
  reorder_point: z.coerce.number().int().nonnegative(),
  /** A later row for the same SKU with a later updated_at opens a new SCD-2 version. */
  updated_at: isoTimestamp,
});

export const orderRow = z.object({
  order_id: requiredText,
  customer_id: requiredText,
  channel: requiredText,
  status: z.enum(ORDER_STATUSES),
  created_at: isoTimestamp,
  paid_at: optionalTimestamp,
  fulfilled_at: optionalTimestamp,
  delivered_at: optionalTimestamp,
  cancelled_at: optionalTimestamp,
  currency: z.string().regex(/^[A-Z]{3}$/),
  subtotal: money,
  discount: money,
  tax: money,
  shipping: money,
  total: money,
  /** A re-sent order carries a later updated_at; the row with the latest ingested_at wins. */
  updated_at: isoTimestamp,
});

export const orderItemRow = z.object({
  order_id: requiredText,
  line_no: z.coerce.number().int().positive(),
  sku: requiredText,
  quantity: z.coerce.number().int().positive(),
  unit_price: money,
  line_discount: money,
  line_tax: money,
});

/**
 * A return of `quantity` units of one order line. `refund_amount` is for sources that state what
 * was refunded (net of tax) instead of which units came back, such as a Shopify partial refund
 * smaller than one unit's price: then `quantity` may be 0. Without it, the 30-day rule refunds the
 * line's net amount pro rata by quantity.
 */
export const returnRow = z
  .object({
    order_id: requiredText,
    line_no: z.coerce.number().int().positive(),
    quantity: z.coerce.number().int().nonnegative(),
    returned_at: isoTimestamp,
    reason: optionalText,
    refund_amount: z.preprocess((value) => (value === '' ? undefined : value), money.optional()),
  })
  .refine((row) => row.quantity > 0 || row.refund_amount !== undefined, {
    message: 'a return of 0 units needs a refund_amount',
    path: ['quantity'],
  });

export const inventoryMovementRow = z.object({
  sku: requiredText,
  moved_at: isoTimestamp,
  kind: z.enum(MOVEMENT_KINDS),
  /** Signed change: receipts and returns add stock, sales remove it; allocation/release move it in and out of allocated. */
  quantity: z.coerce.number().int(),
});

export const reviewRow = z.object({
  review_id: requiredText,
  sku: requiredText,
  customer_id: requiredText,
  rating: z.coerce.number().int().min(1).max(5),
  text: optionalText,
  reviewed_at: isoTimestamp,
});

export const NATIVE_ENTITIES = {
  customers: customerRow,
  products: productRow,
  orders: orderRow,
  order_items: orderItemRow,
  returns: returnRow,
  inventory_movements: inventoryMovementRow,
  reviews: reviewRow,
} as const;

export type NativeEntity = keyof typeof NATIVE_ENTITIES;
export type NativeRow<E extends NativeEntity> = z.output<(typeof NATIVE_ENTITIES)[E]>;

/** Column order as written by the generator; the importer maps by name, never by position. */
export const NATIVE_COLUMNS = Object.fromEntries(
  Object.entries(NATIVE_ENTITIES).map(([entity, schema]) => [entity, Object.keys(schema.shape)]),
) as { [E in NativeEntity]: string[] };

/** Load order: parents before children, so foreign keys can be checked as rows arrive. */
export const NATIVE_LOAD_ORDER: readonly NativeEntity[] = [
  'customers',
  'products',
  'orders',
  'order_items',
  'returns',
  'inventory_movements',
  'reviews',
];
