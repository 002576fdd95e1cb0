import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, FilePreview } from '../../../../shared/contract/formats';
import { PREVIEW_ROWS, previewFile } from './preview';

const SHARED = new URL('../../../../../../shared/data', import.meta.url).pathname;
const SHOPIFY = path.join(SHARED, 'shopify_orders_export_sample.csv');
const ONLINE_RETAIL = path.join(SHARED, 'online_retail_sample.csv');

const dir = mkdtempSync(path.join(tmpdir(), 'storelens-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file's first rows as csv-parse reads them, keyed by header: the independent view. */
function firstRows(file: string, count: number): Record<string, string>[] {
  return (parse(readFileSync(file), { columns: true, bom: true, to: count }) as Record<string, string>[]).slice(0, count);
}

const recordsOf = (preview: FilePreview, entity: string) => preview.rows.filter((r) => r.entity === entity);

describe('preview of a known format', () => {
  it('shows the Shopify records of the first 50 rows in line order, one order line per CSV row', async () => {
    const preview = await previewFile(SHOPIFY);
    expect(preview).toMatchObject({ format: 'shopify-orders', refusal: null });
    expect(preview.sourceRows).toHaveLength(PREVIEW_ROWS);
    const lastLine = preview.sourceRows.at(-1)!.line;
    const lines = preview.rows.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(Math.max(...lines)).toBeLessThanOrEqual(lastLine);

    const source = firstRows(SHOPIFY, PREVIEW_ROWS);
    const items = recordsOf(preview, 'order_items');
    expect(items).toHaveLength(source.length);
    source.forEach((row, i) => {
      expect(items[i]!.values).toMatchObject({ order_id: row.Name, quantity: row['Lineitem quantity'], unit_price: Number(row['Lineitem price']).toFixed(2) });
    });
    // Each order once, from its first row (later rows leave the order fields empty).
    expect(recordsOf(preview, 'orders').map((r) => r.values.order_id)).toEqual([...new Set(source.map((row) => row.Name))]);
    expect(preview.rows.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('shows Online Retail invoices as orders, and no cancelled invoice among them', async () => {
    const preview = await previewFile(ONLINE_RETAIL);
    expect(preview).toMatchObject({ format: 'online-retail', refusal: null });
    const source = firstRows(ONLINE_RETAIL, PREVIEW_ROWS);
    const sales = new Set(source.filter((row) => !row.InvoiceNo!.startsWith('C')).map((row) => row.InvoiceNo));
    expect(new Set(recordsOf(preview, 'orders').map((r) => r.values.order_id))).toEqual(sales);
  });
});

describe('preview refusals', () => {
  it('refuses an empty file by name', async () => {
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    expect((await previewFile(file)).refusal).toMatch(/empty\.csv/);
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const file = path.join(dir, 'people.csv');
    writeFileSync(file, 'id,mail,updated\nC-1,a@example.com,2024-01-01T00:00:00Z\n');
    const mapping: ColumnMapping = { entity: 'customers', columns: { customer_id: 'id', email: 'E-mail address', updated_at: 'updated' } };
    const preview = await previewFile(file, mapping);
    expect(preview.refusal).toMatch(/the mapping does not fit this file/);
    expect(preview.refusal).toContain('E-mail address');
    expect(preview.rows).toEqual([]);
  });
});

describe('preview with a single-entity mapping', () => {
  it('checks each record against the native schema and names the source column of a bad cell', async () => {
    const file = path.join(dir, 'clients.csv');
    writeFileSync(file, ['Client,Courriel,Modifié', 'C-1,ana@example.com,2024-01-01T09:00:00Z', 'C-2,not-an-address,2024-01-02T09:00:00Z', ',bo@example.com,2024-01-03T09:00:00Z', ',,2024-01-04T09:00:00Z'].join('\n'));
    const mapping: ColumnMapping = { entity: 'customers', columns: { customer_id: 'Client', email: 'Courriel', updated_at: 'Modifié' } };
    const preview = await previewFile(file, mapping);
    expect(preview.refusal).toBeNull();
    const byLine = new Map(preview.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)!.issues).toEqual([]);
    expect(byLine.get(3)!.issues).toEqual([expect.objectContaining({ field: 'email', column: 'Courriel' })]);
    // The e-mail alone identifies a customer; with neither, the row names the column to fill.
    expect(byLine.get(4)!.issues).toEqual([]);
    expect(byLine.get(5)!.issues).toEqual([{ field: 'customer_id', column: 'Client', reason: 'customer_id or email is empty' }]);
  });
});
