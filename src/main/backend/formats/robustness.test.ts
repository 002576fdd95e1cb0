import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../shared/contract/formats';
import { detectFileFormat, openForeignSource } from './index';
import { drain, tempFolder } from './testing';

const folder = tempFolder();
afterAll(() => folder.dispose());

/** A flat order-lines file: the shape most real exports have. */
const mapping = (overrides: Partial<ColumnMapping> = {}): ColumnMapping => ({
  entity: 'flat_order_lines',
  columns: { order_id: 'order', created_at: 'date', sku: 'sku', product_name: 'product', quantity: 'qty', unit_price: 'price' },
  constants: { currency: 'EUR' },
  dateFormat: 'iso',
  ...overrides,
});
const BODY = ['order,date,sku,product,qty,price', 'A1,2024-03-05,S1,Café crème,2,3.50', 'A2,2024-03-06,S2,Thé,1,4.00'];

async function load(name: string, content: string | Buffer, map: ColumnMapping = mapping()) {
  const file = folder.write(name, content);
  return { file, detection: await detectFileFormat(file), out: await drain(await openForeignSource(file, { mapping: map })) };
}

const itemsOf = (out: Awaited<ReturnType<typeof load>>['out']) => out.byEntity('order_items').map((i) => [i.order_id, i.sku, i.quantity, i.unit_price]);
const EXPECTED_ITEMS = [['A1', 'S1', '2', '3.50'], ['A2', 'S2', '1', '4.00']];

describe('encodings', () => {
  it('reads UTF-8 without a BOM', async () => {
    const { detection, out } = await load('utf8.csv', BODY.join('\n'));
    expect(detection.encoding).toBe('utf-8');
    expect(out.byEntity('products').map((p) => p.name)).toEqual(['Café crème', 'Thé']);
  });
  it('reads UTF-8 with a BOM and keeps it out of the first header name', async () => {
    const { detection, out } = await load('bom.csv', `\uFEFF${BODY.join('\r\n')}`);
    expect(detection.encoding).toBe('utf-8-bom');
    expect(detection.header[0]).toBe('order');
    expect(itemsOf(out)).toEqual(EXPECTED_ITEMS);
  });
  it.each(['utf-16le', 'utf-16be'] as const)('reads %s with a BOM', async (encoding) => {
    const { detection, out } = await load(`${encoding}.csv`, iconv.encode(BODY.join('\r\n'), encoding, { addBOM: true }));
    expect(detection.encoding).toBe(encoding);
    expect(out.byEntity('products').map((p) => p.name)).toEqual(['Café crème', 'Thé']);
  });
  it('reads invalid UTF-8 as Windows-1252', async () => {
    const { detection, out } = await load('cp1252.csv', iconv.encode(BODY.join('\r\n'), 'windows-1252'));
    expect(detection.encoding).toBe('windows-1252');
    expect(out.byEntity('products').map((p) => p.name)).toEqual(['Café crème', 'Thé']);
  });
  it('refuses binary garbage named .csv, naming the file', async () => {
    const file = folder.write('garbage.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10, 0x00, 0x01, 0x02]));
    await expect(detectFileFormat(file)).rejects.toThrow(/garbage\.csv: .*binary file/);
    await expect(openForeignSource(file)).rejects.toMatchObject({ code: 'IMPORT_REFUSED', message: expect.stringContaining('garbage.csv') });
  });
});

describe('dialects', () => {
  it.each([[',', 'comma'], [';', 'semicolon'], ['\t', 'tab'], ['|', 'pipe']])('detects the %s delimiter (%s)', async (delimiter, name) => {
    const { detection, out } = await load(`${name}.csv`, BODY.map((l) => l.replaceAll(',', delimiter)).join('\n'));
    expect(detection.delimiter).toBe(delimiter);
    expect(itemsOf(out)).toEqual(EXPECTED_ITEMS);
  });
  it('reads quoted fields holding delimiters, quotes and line breaks, and counts lines right', async () => {
    const content = ['order,date,sku,product,qty,price', 'A1,2024-03-05,S1,"Mug, ""big""\nblue",2,3.50', 'A2,2024-03-06,S2,Tea,1,4.00'].join('\n');
    const { out } = await load('quoted.csv', content);
    expect(out.byEntity('products')[0]!.name).toBe('Mug, "big" blue');
    expect(out.records.filter((r) => r.entity === 'order_items').map((r) => r.line)).toEqual([2, 4]);
  });
  it.each([['crlf', '\r\n'], ['lf', '\n']])('reads %s line endings with and without a final newline', async (name, eol) => {
    for (const ending of ['', eol]) {
      const { detection, out } = await load(`${name}${ending ? '-final' : ''}.csv`, BODY.join(eol) + ending);
      expect(detection.lineEnding).toBe(name);
      expect(itemsOf(out)).toEqual(EXPECTED_ITEMS);
    }
  });
  it('skips blank trailing rows, including rows of bare delimiters', async () => {
    const file = folder.write('trailing.csv', `${BODY.join('\n')}\n\n,,,,,\n\n`);
    const source = await openForeignSource(file, { mapping: mapping() });
    const out = await drain(source);
    expect(itemsOf(out)).toEqual(EXPECTED_ITEMS);
    expect(out.rejects).toEqual([]);
    // Empty lines never become records; the row of bare delimiters is the one skipped as blank.
    expect(source.blankRowsSkipped()).toBe(1);
  });
  it('quarantines rows with extra or missing columns, naming line and column', async () => {
    const { out } = await load('ragged.csv', [...BODY, 'A3,2024-03-07,S3,Tea,1,4.00,surprise', 'A4,2024-03-07,S4,Tea'].join('\n'));
    expect(itemsOf(out)).toEqual(EXPECTED_ITEMS);
    expect(out.rejects.map((r) => [r.line, r.column])).toEqual([[4, 'field 7'], [5, 'qty']]);
    expect(out.rejects[1]!.reason).toContain('ends before column qty');
  });
  it('names duplicate headers "(2)" so a mapping can pick either', async () => {
    const content = ['order,date,sku,product,qty,price,price', 'A1,2024-03-05,S1,Tea,2,9.99,3.50'].join('\n');
    const { detection, out } = await load('dupes.csv', content, mapping({ columns: { ...mapping().columns, unit_price: 'price (2)' } }));
    expect(detection.header.slice(-2)).toEqual(['price', 'price (2)']);
    expect(detection.duplicateHeaders).toEqual(['price']);
    expect(out.byEntity('order_items')[0]!.unit_price).toBe('3.50');
  });
  it('refuses an unclosed quote with its line', async () => {
    const file = folder.write('unclosed.csv', `${BODY.join('\n')}\nA3,2024-03-07,S3,"Tea,1,4.00\n`);
    await expect(openForeignSource(file, { mapping: mapping() })).rejects.toThrow(/unclosed\.csv: line 4, column 4: a quoted field.* never closed/);
  });
});

describe('numbers and dates', () => {
  it('reads thousands separators and decimal commas', async () => {
    const content = ['order;date;sku;product;qty;price', 'A1;2024-03-05;S1;Sofa;1;1.234,56', 'A2;2024-03-05;S2;Chair;1.000;12,5', 'A3;2024-03-05;S3;Lamp;1;12.50'].join('\n');
    const { detection, out } = await load('decimal-comma.csv', content, mapping({ decimalSeparator: ',' }));
    expect(detection.decimalSeparator.separator).toBe(',');
    expect(itemsOf(out)).toEqual([['A1', 'S1', '1', '1234.56'], ['A2', 'S2', '1000', '12.50']]);
    expect(out.rejects).toEqual([expect.objectContaining({ line: 4, column: 'price', reason: expect.stringContaining('decimal point') })]);
  });
  it('reads ISO dates, offsets, d/m/Y, m/d/Y and Excel serials in the mapping time zone', async () => {
    const cases: [ColumnMapping['dateFormat'], string, string][] = [
      ['iso', '2024-03-05', '2024-03-05T00:00:00+01:00'],
      ['iso', '2024-07-05 14:30:00', '2024-07-05T14:30:00+02:00'],
      ['iso', '2024-07-05T14:30:00-05:00', '2024-07-05T14:30:00-05:00'],
      ['dmy', '25/12/2024 08:00', '2024-12-25T08:00:00+01:00'],
      ['mdy', '12/25/2024 8:00 PM', '2024-12-25T20:00:00+01:00'],
      ['excel-serial', '45651.5', '2024-12-25T12:00:00+01:00'],
    ];
    for (const [dateFormat, text, expected] of cases) {
      const { out } = await load(`date-${dateFormat}.csv`, `order,date,sku,product,qty,price\nA1,${text},S1,Tea,1,1.00\n`, mapping({ dateFormat, timeZone: 'Europe/Berlin' }));
      expect(out.byEntity('orders')[0]!.created_at, `${dateFormat} ${text}`).toBe(expected);
    }
  });
  it('never guesses between dd/mm and mm/dd: detection says it is ambiguous', async () => {
    const ambiguous = folder.write('ambiguous.csv', 'order,date,sku,product,qty,price\nA1,05/03/2024,S1,Tea,1,1.00\nA2,06/03/2024,S1,Tea,1,1.00\n');
    const detection = await detectFileFormat(ambiguous);
    expect(detection.dateFormat).toMatchObject({ format: null, isAmbiguous: true, candidates: ['dmy', 'mdy'] });
    expect(detection.proposedMapping!.dateFormat).toBeUndefined();
    expect(detection.openQuestions.join(' ')).toContain('dd/mm/yyyy and mm/dd/yyyy');
    // Without a date format the rows are quarantined, not silently read one way.
    const out = await drain(await openForeignSource(ambiguous, { mapping: mapping({ dateFormat: undefined }) }));
    expect(out.records.filter((r) => r.entity === 'order_items')).toEqual([]);
    expect(out.rejects[0]).toMatchObject({ line: 2, column: 'date', reason: expect.stringContaining('set the date format') });
    const clear = await detectFileFormat(folder.write('clear.csv', 'order,date,sku,product,qty,price\nA1,05/03/2024,S1,Tea,1,1.00\nA2,25/03/2024,S1,Tea,1,1.00\n'));
    expect(clear.dateFormat).toMatchObject({ format: 'dmy', isAmbiguous: false });
  });
});

describe('empty and unknown files', () => {
  it('refuses a 0-byte file, naming it', async () => {
    const file = folder.write('empty.csv', '');
    expect((await detectFileFormat(file)).warnings).toEqual(['empty.csv is empty: there is no header row']);
    await expect(openForeignSource(file)).rejects.toThrow(/empty\.csv: the file is empty/);
  });
  it('loads nothing from a header-only file and says so', async () => {
    const { detection, out } = await load('header-only.csv', `${BODY[0]}\r\n`);
    expect(detection.warnings).toContain('header-only.csv has a header but no data rows');
    expect(out.records).toEqual([]);
    expect(out.rejects).toEqual([]);
  });
  it('refuses a file of unknown layout without a mapping, telling what to do', async () => {
    const file = folder.write('mystery.csv', BODY.join('\n'));
    await expect(openForeignSource(file)).rejects.toThrow(/mystery\.csv: line 1: .*storelens inspect mystery\.csv/);
  });
  it('refuses a mapping naming a column the file lacks', async () => {
    const file = folder.write('wrong-mapping.csv', BODY.join('\n'));
    const source = await openForeignSource(file, { mapping: mapping({ columns: { ...mapping().columns, sku: 'SKU code' } }) });
    await expect(drain(source)).rejects.toThrow(/wrong-mapping\.csv: line 1: .*no such column/);
  });
});
