import { NATIVE_COLUMNS, type NativeEntity } from '../../../shared/data-contract/native-format';
import type { FieldProposal } from '../../../shared/contract/formats';
import type { DetectedFormat } from '../etl/source';
import { ColumnReader } from './columns';
import { normaliseName } from './dialect';
import { isShopifyOrdersHeader } from './shopify/shopify-orders';

export interface KnownFormat {
  format: DetectedFormat;
  /** For native files: the entity whose columns the header has. */
  nativeEntity: NativeEntity | null;
}

/** Recognises the formats we read without a mapping, from the header alone. */
export function knownFormatOf(header: readonly string[]): KnownFormat {
  const names = new Set(header.map(normaliseName));
  for (const [entity, columns] of Object.entries(NATIVE_COLUMNS) as [NativeEntity, string[]][]) {
    if (columns.length === names.size && columns.every((c) => names.has(normaliseName(c)))) return { format: 'native', nativeEntity: entity };
  }
  const reader = new ColumnReader(header);
  if (isShopifyOrdersHeader(reader)) return { format: 'shopify-orders', nativeEntity: null };
  const isUci = ['StockCode', 'Quantity', 'InvoiceDate', 'Description'].every((c) => reader.has(c));
  if (isUci && reader.has('InvoiceNo') && reader.has('UnitPrice')) return { format: 'online-retail', nativeEntity: null };
  if (isUci && reader.has('Invoice') && reader.has('Price')) return { format: 'online-retail-ii', nativeEntity: null };
  return { format: 'unknown', nativeEntity: null };
}

const fixed = (field: string, column: string | null, reason: string): FieldProposal => ({ field, column, confidence: column ? 1 : 0, isRequired: true, reason });

/** What the fixed adapters read each field from, shown by inspect like a mapping proposal. */
export function knownFormatFields(format: DetectedFormat, header: readonly string[]): FieldProposal[] {
  const reader = new ColumnReader(header);
  const col = (...names: string[]) => reader.nameOf(...names);
  if (format === 'shopify-orders') {
    return [
      fixed('order_id', col('Name'), 'orders grouped by Name; order fields from the first row'),
      fixed('created_at', col('Created at'), 'offset kept; the order day is the local day as written'),
      fixed('customer_id', col('Email'), 'lower-cased e-mail; empty means a guest (guest:<Name>)'),
      fixed('status', col('Financial Status'), 'with Fulfillment Status and Cancelled at'),
      fixed('currency', col('Currency'), 'recorded per order'),
      fixed('discount', col('Discount Amount'), 'allocated to lines by line value'),
      fixed('tax', col('Taxes', 'Tax 1 Value'), 'allocated to taxable lines'),
      fixed('shipping', col('Shipping'), 'order-level'),
      fixed('total', col('Total'), 'as Shopify wrote it'),
      fixed('channel', col('Source'), 'web, pos…; numeric app ids become app-<id>'),
      fixed('sku', col('Lineitem sku', 'Lineitem name'), 'the name when the sku is empty'),
      fixed('quantity', col('Lineitem quantity'), ''),
      fixed('unit_price', col('Lineitem price'), 'also the product price history'),
      fixed('returns', col('Refunded Amount'), 'whole units returned; see warnings for the rest'),
    ];
  }
  if (format === 'online-retail' || format === 'online-retail-ii') {
    return [
      fixed('order_id', col('InvoiceNo', 'Invoice'), 'C… invoices are cancellations → returns or cancelled orders'),
      fixed('sku', col('StockCode'), 'POST, D, M, C2, DOT, BANK CHARGES… are non-products'),
      fixed('product_name', col('Description'), 'spaces collapsed'),
      fixed('quantity', col('Quantity'), 'negative outside C invoices: stock adjustment'),
      fixed('created_at', col('InvoiceDate'), 'Europe/London time, DST-aware offset'),
      fixed('unit_price', col('UnitPrice', 'Price'), 'GBP; daily modal price → product versions'),
      fixed('customer_id', col('CustomerID', 'Customer ID'), '17850.0 → 17850; empty means a guest'),
      fixed('country', col('Country'), 'customer country'),
    ];
  }
  return [];
}
