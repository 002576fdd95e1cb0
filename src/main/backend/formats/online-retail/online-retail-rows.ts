import type { SourceReject } from '../../etl/source';
import type { ColumnReader } from '../columns';
import { GUEST_PREFIX } from '../native-record';
import { parseDate, toIsoTimestamp } from '../values/dates';
import { parseDecimal, parseInteger } from '../values/decimal';
import { toUnits } from '../values/money';

/** The UK store of the UCI data sets: wall-clock times are London time, so BST months get +01:00. */
export const ONLINE_RETAIL_TIME_ZONE = 'Europe/London';
export const ONLINE_RETAIL_CURRENCY = 'GBP';
export const ONLINE_RETAIL_CHANNEL = 'online';

/**
 * Stock codes that are postage, discounts, fees, charity or manual corrections rather than goods
 * (from the data set's documentation and its own descriptions).
 */
const NON_PRODUCT_CODES = new Set(['POST', 'D', 'M', 'C2', 'DOT', 'BANK CHARGES', 'AMAZONFEE', 'PADS', 'B', 'CRUK', 'S', 'ADJUST', 'ADJUST2', 'TEST001', 'TEST002']);

export function isOnlineRetailNonProduct(stockCode: string): boolean {
  const code = stockCode.trim().toUpperCase();
  return NON_PRODUCT_CODES.has(code) || /^GIFT_\d+_\d+$/.test(code) || /^TEST\d*$/.test(code);
}

/** The two published headers; columns are read by name, so either order works. */
export const ONLINE_RETAIL_I = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
export const ONLINE_RETAIL_II = ['Invoice', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'Price', 'Customer ID', 'Country'];

export type OnlineRetailKind = 'sale' | 'cancellation' | 'adjustment';

export interface OnlineRetailRow {
  kind: OnlineRetailKind;
  invoice: string;
  stockCode: string;
  description: string;
  /** Signed as written: cancellations and adjustments are negative. */
  quantity: number;
  price: number;
  at: string;
  /** `17850.0` → `17850`; a guest gets `guest:<invoice>`. */
  customerId: string;
  isGuest: boolean;
  country: string;
}

export type OnlineRetailParse = { ok: true; row: OnlineRetailRow } | { ok: false; reject: Omit<SourceReject, 'raw'> };

export function onlineRetailRowParser(reader: ColumnReader): (fields: readonly string[], line: number) => OnlineRetailParse {
  const invoiceColumn = reader.nameOf('InvoiceNo', 'Invoice')!;
  const priceColumn = reader.nameOf('UnitPrice', 'Price')!;
  const customerColumn = reader.nameOf('CustomerID', 'Customer ID') ?? 'CustomerID';
  const invoice = reader.cell('InvoiceNo', 'Invoice');
  const stock = reader.cell('StockCode');
  const description = reader.cell('Description');
  const quantity = reader.cell('Quantity');
  const date = reader.cell('InvoiceDate');
  const price = reader.cell('UnitPrice', 'Price');
  const customer = reader.cell('CustomerID', 'Customer ID');
  const country = reader.cell('Country');

  return (fields, line) => {
    const fail = (column: string, reason: string): OnlineRetailParse => ({ ok: false, reject: { line, column, reason } });
    const invoiceNo = invoice(fields).toUpperCase();
    if (invoiceNo === '') return fail(invoiceColumn, 'the invoice number is empty');
    const stockCode = stock(fields);
    if (stockCode === '') return fail('StockCode', 'the stock code is empty');
    const qty = parseInteger(quantity(fields), '.');
    if (!qty.ok) return fail('Quantity', qty.reason);
    const unitPrice = parseDecimal(price(fields), '.');
    if (!unitPrice.ok) return fail(priceColumn, unitPrice.reason);
    // The data set writes ISO-like `2010-12-01 08:26:00`; its original Excel export `12/1/2010 8:26` is US month-first.
    const dateText = date(fields);
    const parsedDate = dateText.includes('/') ? parseDate(dateText, 'mdy') : parseDate(dateText, 'iso');
    if (!parsedDate.ok) return fail('InvoiceDate', parsedDate.reason);
    const quantityValue = Number(qty.value);
    const priceUnits = toUnits(unitPrice.value);
    const isCancellation = invoiceNo.startsWith('C');
    if (priceUnits < 0) return fail(priceColumn, `negative unit price ${unitPrice.value} (a bad-debt adjustment, not a sale)`);
    if (quantityValue === 0) return fail('Quantity', 'quantity is 0');
    if (isCancellation && quantityValue > 0) return fail('Quantity', `cancellation ${invoiceNo} has a positive quantity`);
    const rawCustomer = customer(fields);
    const customerNumber = parseDecimal(rawCustomer, '.');
    const hasCustomer = rawCustomer !== '' && rawCustomer.toLowerCase() !== 'nan';
    if (hasCustomer && (!customerNumber.ok || customerNumber.value.includes('.'))) {
      return fail(customerColumn, `'${rawCustomer}' is not a customer number`);
    }
    return {
      ok: true,
      row: {
        kind: isCancellation ? 'cancellation' : quantityValue < 0 ? 'adjustment' : 'sale',
        invoice: invoiceNo,
        stockCode,
        description: description(fields).replace(/\s+/g, ' ').trim(),
        quantity: quantityValue,
        price: priceUnits,
        at: toIsoTimestamp(parsedDate.value, ONLINE_RETAIL_TIME_ZONE),
        customerId: hasCustomer && customerNumber.ok ? customerNumber.value : `${GUEST_PREFIX}${invoiceNo}`,
        isGuest: !hasCustomer,
        country: country(fields),
      },
    };
  };
}
