import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_COLUMNS, type NativeEntity } from '../../../../shared/data-contract/native-format';

/** Test-only: writes native CSV files from plain objects (missing columns become empty cells). */
export function writeNativeFiles(dir: string, files: Partial<Record<NativeEntity, Record<string, string | number>[]>>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([entity, rows]) => {
    const columns = NATIVE_COLUMNS[entity as NativeEntity];
    const cell = (value: string | number | undefined): string => {
      const text = value === undefined ? '' : String(value);
      return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    const text = [columns.join(','), ...(rows ?? []).map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n');
    const file = path.join(dir, `${entity}.csv`);
    writeFileSync(file, `${text}\n`);
    return file;
  });
}

export function order(id: string, customer: string, created: string, extra: Record<string, string | number> = {}): Record<string, string | number> {
  return {
    order_id: id, customer_id: customer, channel: 'web', status: 'paid', created_at: created, paid_at: created, currency: 'EUR',
    subtotal: 0, discount: 0, tax: 0, shipping: 0, total: 0, updated_at: created, ...extra,
  };
}

export function line(orderId: string, lineNo: number, sku: string, quantity: number, unitPrice: string, discount = '0', tax = '0'): Record<string, string | number> {
  return { order_id: orderId, line_no: lineNo, sku, quantity, unit_price: unitPrice, line_discount: discount, line_tax: tax };
}

export function product(sku: string, listPrice: string, updatedAt: string, extra: Record<string, string | number> = {}): Record<string, string | number> {
  return { sku, name: `Product ${sku}`, category: 'home', cost: '1.00', list_price: listPrice, reorder_point: 5, updated_at: updatedAt, ...extra };
}

export function customer(id: string, updatedAt = '2024-01-01T00:00:00Z', extra: Record<string, string | number> = {}): Record<string, string | number> {
  return { customer_id: id, name: `Customer ${id}`, region: 'eu', updated_at: updatedAt, ...extra };
}
