import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceBatch } from '../source';
import { openRecordSource } from './open-record-source';
import { entityFromFileName } from './native-header';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-src-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function readAll(file: string): Promise<SourceBatch> {
  const source = await openRecordSource(file);
  const all: SourceBatch = { records: [], rejects: [] };
  for await (const batch of source.batches()) {
    all.records.push(...batch.records);
    all.rejects.push(...batch.rejects);
  }
  return all;
}

describe('openRecordSource', () => {
  it('maps native CSV columns by name, in any order, ignoring extra columns and filling absent optional ones', async () => {
    const file = write('items.csv', 'extra,sku,line_no,order_id,quantity,unit_price,line_discount,line_tax\nx,S1,1,O1,2,9.99,0,0.8\r\ny,S2,2,O1,1,5.00,0.5,0.4');
    const source = await openRecordSource(file);
    expect(source.entities).toEqual(['order_items']);
    expect(source.format).toBe('native');
    const all = await readAll(file);
    expect(all.records.map((r) => [r.line, r.fields])).toEqual([
      [2, ['O1', '1', 'S1', '2', '9.99', '0', '0.8']],
      [3, ['O1', '2', 'S2', '1', '5.00', '0.5', '0.4']],
    ]);
    expect(all.records[1]?.raw).toBe('y,S2,2,O1,1,5.00,0.5,0.4');
  });

  it('fills optional columns that are absent', async () => {
    const all = await readAll(write('customers.csv', 'customer_id,updated_at\nC1,2024-01-01T00:00:00Z\n'));
    expect(all.records[0]?.fields).toEqual(['C1', '', '', '', '', '', '', '', '', '2024-01-01T00:00:00Z']);
  });

  it('refuses a native file missing required columns, naming file, line and columns', async () => {
    const file = write('orders.csv', 'order_id,customer_id,channel,status,created_at,subtotal,discount,tax,shipping,total,updated_at\nO1,C1,web,paid,2024-01-01T00:00:00Z,1,0,0,0,1,2024-01-01T00:00:00Z\n');
    await expect(openRecordSource(file)).rejects.toMatchObject({
      code: 'IMPORT_REFUSED',
      message: 'orders.csv: line 1: the header lacks required orders column currency; nothing from this file was loaded.',
    });
  });

  it('turns rows with the wrong number of fields or broken quotes into rejects with their line', async () => {
    const all = await readAll(write('returns.csv', 'order_id,line_no,quantity,returned_at,reason\nO1,1,1,2024-01-01T00:00:00Z,"too, big"\nO1,2,1\nO2,1,1,2024-01-02T00:00:00Z,"x"y\n'));
    expect(all.records.map((r) => r.line)).toEqual([2]);
    expect(all.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'malformed_row'], [4, 'malformed_row']]);
    expect(all.rejects[0]?.reason).toMatch(/3 fields but the header has 5/);
  });

  it('reads NDJSON and JSON arrays of the same entities by name', async () => {
    const nd = await readAll(write('reviews.ndjson', '{"review_id":"R1","sku":"S1","customer_id":"C1","rating":5,"reviewed_at":"2024-01-01T00:00:00Z"}\n\nnot json\n'));
    expect(nd.records.map((r) => r.fields)).toEqual([['R1', 'S1', 'C1', '5', '', '2024-01-01T00:00:00Z']]);
    expect(nd.rejects.map((r) => r.line)).toEqual([3]);
    const json = await readAll(write('stock.json', JSON.stringify({ inventory_movements: [{ sku: 'S1', moved_at: '2024-01-01T00:00:00Z', kind: 'receipt', quantity: 4 }] })));
    expect(json.records.map((r) => [r.entity, r.fields])).toEqual([['inventory_movements', ['S1', '2024-01-01T00:00:00Z', 'receipt', '4']]]);
  });

  it('recognises the entity from the header when the file name does not say', async () => {
    const source = await openRecordSource(write('export.csv', 'sku,moved_at,kind,quantity\nS1,2024-01-01T00:00:00Z,receipt,3\n'));
    expect(source.entities).toEqual(['inventory_movements']);
  });

  it('refuses empty, binary and unknown files with the file named', async () => {
    await expect(openRecordSource(write('empty.csv', ''))).rejects.toThrow(/empty\.csv: the file is empty/);
    await expect(openRecordSource(write('blob.csv', 'PK\u0003\u0004\u0000\u0000binary'))).rejects.toThrow(/blob\.csv: line 1: this is a binary file/);
    await expect(openRecordSource(write('weird.csv', 'foo,bar\n1,2\n'))).rejects.toMatchObject({ code: 'IMPORT_REFUSED', message: expect.stringContaining('weird.csv') });
  });

  it('names entities from file names', () => {
    expect(entityFromFileName('/x/2024-01-01/order_items.csv')).toBe('order_items');
    expect(entityFromFileName('orders-2024.ndjson')).toBe('orders');
    expect(entityFromFileName('stuff.csv')).toBeNull();
  });
  it('says when the raw text of a native row is its fields joined: only unquoted rows of a file in native column order', async () => {
    const native = await readAll(write('order_items.csv', 'order_id,line_no,sku,quantity,unit_price,line_discount,line_tax\nO1,1,S1,2,9.99,0,0.8\nO1,2,"S,2",1,5.00,0,0\n'));
    expect(native.records.map((r) => r.rawJoinsFieldsWith)).toEqual([',', undefined]);
    for (const r of native.records) if (r.rawJoinsFieldsWith !== undefined) expect(r.raw).toBe(r.fields.join(r.rawJoinsFieldsWith));
    const reordered = await readAll(write('items.csv', 'sku,line_no,order_id,quantity,unit_price,line_discount,line_tax\nS1,1,O1,2,9.99,0,0.8\n'));
    expect(reordered.records.map((r) => [r.raw, r.rawJoinsFieldsWith])).toEqual([['S1,1,O1,2,9.99,0,0.8', undefined]]);
  });
});
