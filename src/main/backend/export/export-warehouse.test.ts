import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import { seedStarFixture } from '../api/testing/seed-star';
import type { StarFixture } from '../api/testing/star-fixture';
import { csvField } from './csv-writer';
import { exportWarehouse } from './export-warehouse';

let temp: TempBackend;
let fixture: StarFixture;

beforeAll(() => {
  temp = createTempBackend('storelens-export-');
  fixture = seedStarFixture(temp.backend.db);
});
afterAll(async () => temp.dispose());

const fixtureGross = (fx: StarFixture) =>
  fx.orders.reduce((s, o) => s + o.lines.reduce((t, l) => t + l.quantity * l.unitPriceCents, 0), 0);
const fixtureLines = (fx: StarFixture) => fx.orders.reduce((s, o) => s + o.lines.length, 0);

describe('exportWarehouse parquet', () => {
  it('writes every dim/fct table and inventory_alerts, readable back with the same counts and sums', async () => {
    const outDir = path.join(temp.dir, 'parquet');
    const result = await exportWarehouse(temp.backend.db, { format: 'parquet', outDir, appVersion: '0.0.0-test', batchSize: 7 });
    const tables = result.files.map((f) => f.table);
    for (const expected of ['dim_date', 'dim_customer', 'dim_product', 'fct_orders', 'fct_order_items', 'fct_returns', 'inventory_alerts', 'fct_cohort_ltv']) {
      expect(tables).toContain(expected);
    }
    expect(tables.some((t) => !t.startsWith('dim_') && !t.startsWith('fct_') && t !== 'inventory_alerts')).toBe(false);

    const orders = await parquetReadObjects({ file: await asyncBufferFromFile(path.join(outDir, 'fct_orders.parquet')) });
    expect(orders).toHaveLength(fixture.orders.length);
    // INT64 comes back as bigint: cents never pass through a float.
    expect(orders.reduce((s, r) => s + Number(r.gross_cents as bigint), 0)).toBe(fixtureGross(fixture));
    const refunds = fixture.returns.reduce((s, r) => s + r.refundCents, 0);
    expect(orders.reduce((s, r) => s + Number(r.refund_cents as bigint), 0)).toBe(refunds);
    expect(orders.filter((r) => r.paid_at === null).length).toBe(fixture.orders.filter((o) => !o.isCounted).length);

    const itemsFile = await asyncBufferFromFile(path.join(outDir, 'fct_order_items.parquet'));
    const meta = await parquetMetadataAsync(itemsFile);
    expect(Number(meta.num_rows)).toBe(fixtureLines(fixture));
    expect(meta.row_groups.length).toBe(Math.ceil(fixtureLines(fixture) / 7));
    const items = await parquetReadObjects({ file: itemsFile });
    expect(items.reduce((s, r) => s + Number(r.quantity as bigint), 0)).toBe(
      fixture.orders.reduce((s, o) => s + o.lines.reduce((t, l) => t + l.quantity, 0), 0),
    );

    // Every exported table: row count and a cents sum agree with SQLite.
    for (const file of result.files) {
      const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file.file) });
      const sqliteCount = (temp.backend.db.prepare(`SELECT count(*) AS n FROM "${file.table}"`).get() as { n: number }).n;
      expect(rows.length, file.table).toBe(sqliteCount);
      expect(file.rows).toBe(sqliteCount);
    }
    const products = await parquetReadObjects({ file: await asyncBufferFromFile(path.join(outDir, 'dim_product.parquet')) });
    expect(products.map((p) => p.sku).sort()).toEqual(fixture.products.map((p) => p.sku).sort());
  });

  it('writes a data dictionary naming every column with type, meaning and cents units', async () => {
    const outDir = path.join(temp.dir, 'parquet');
    const json = JSON.parse(readFileSync(path.join(outDir, 'data-dictionary.json'), 'utf8')) as {
      tables: { table: string; rows: number; columns: { column: string; type: string; unit: string | null; meaning: string }[] }[];
    };
    const orders = json.tables.find((t) => t.table === 'fct_orders');
    expect(orders?.rows).toBe(fixture.orders.length);
    const net = orders?.columns.find((c) => c.column === 'net_cents');
    expect(net?.type).toBe('INTEGER');
    expect(net?.unit).toMatch(/cents/);
    expect(net?.meaning).toMatch(/gross − discounts − refunds/);
    for (const table of json.tables) for (const c of table.columns) expect(c.meaning.length, `${table.table}.${c.column}`).toBeGreaterThan(3);
    const markdown = readFileSync(path.join(outDir, 'data-dictionary.md'), 'utf8');
    expect(markdown).toContain('## fct_order_items');
    expect(markdown).toContain('| unit_price_cents | INTEGER | INT64 |');
  });
});

describe('exportWarehouse csv', () => {
  it('writes CSV files whose rows parse back to the SQLite rows', async () => {
    const outDir = path.join(temp.dir, 'csv');
    const result = await exportWarehouse(temp.backend.db, { format: 'csv', outDir, appVersion: '0.0.0-test' });
    const customers = parse(readFileSync(path.join(outDir, 'dim_customer.csv')), { columns: true }) as Record<string, string>[];
    expect(customers.map((c) => c.customer_id)).toEqual(fixture.customers.map((c) => c.id));
    const orders = parse(readFileSync(path.join(outDir, 'fct_orders.csv')), { columns: true }) as Record<string, string>[];
    expect(orders.reduce((s, o) => s + Number(o.gross_cents), 0)).toBe(fixtureGross(fixture));
    expect(result.totalRows).toBe(result.files.reduce((s, f) => s + f.rows, 0));
  });

  it('quotes what CSV needs quoted and keeps NULL distinct from an empty string', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(12345678901234567890n)).toBe('12345678901234567890');
    expect(csvField(-1234)).toBe('-1234');
  });
});
