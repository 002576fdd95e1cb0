import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { readCsvBatches } from './csv-reader';
import { CsvScanner, type CsvRow } from './csv-scanner';

function scanAll(text: string, chunkSize = text.length || 1, delimiter = ','): CsvRow[] {
  const scanner = new CsvScanner('t.csv', delimiter);
  const rows: CsvRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) rows.push(...scanner.push(text.slice(i, i + chunkSize)));
  rows.push(...scanner.push('', true));
  return rows;
}

/** A seeded generator so the random corpus is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CsvScanner', () => {
  it('reads plain LF, CRLF and a missing final newline alike', () => {
    for (const text of ['a,b\n1,2\n3,4\n', 'a,b\r\n1,2\r\n3,4\r\n', 'a,b\n1,2\n3,4']) {
      expect(scanAll(text).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    }
  });

  it('strips a BOM and keeps empty fields', () => {
    const rows = scanAll('\uFEFFa,b,c\n,,\n1,,3\n');
    expect(rows.map((r) => r.fields)).toEqual([['a', 'b', 'c'], ['', '', ''], ['1', '', '3']]);
  });

  it('handles quotes with delimiters, doubled quotes and newlines inside, and counts lines', () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"crlf\r\ninside"\r\n5,end\n';
    const rows = scanAll(text);
    expect(rows.map((r) => r.fields)).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'crlf\r\ninside'],
      ['5', 'end'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6, 8]);
    expect(rows[3]?.raw).toBe('3,"two\nlines"');
    expect(rows[4]?.raw).toBe('4,"crlf\r\ninside"');
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'a,b,c\r\n"x,""y""\r\nz",2,3\r\n4,"",6\r\n"7"\r\n';
    const whole = scanAll(text);
    for (let size = 1; size <= text.length; size += 1) expect(scanAll(text, size)).toEqual(whole);
  });

  it('agrees with csv-parse on a random corpus split at random points', () => {
    const random = mulberry32(7);
    const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '1'];
    for (let round = 0; round < 200; round += 1) {
      const records: string[][] = [];
      const width = 1 + Math.floor(random() * 4);
      for (let r = 0; r < 1 + Math.floor(random() * 6); r += 1) {
        const record: string[] = [];
        for (let c = 0; c < width; c += 1) {
          let cell = '';
          for (let k = Math.floor(random() * 5); k > 0; k -= 1) cell += alphabet[Math.floor(random() * alphabet.length)];
          record.push(cell);
        }
        if (record.join('') === '') record[0] = 'x';
        records.push(record);
      }
      const eol = random() < 0.5 ? '\n' : '\r\n';
      const text = records
        .map((record) => record.map((cell) => (/[",\r\n]/.test(cell) || cell === '' ? `"${cell.replaceAll('"', '""')}"` : cell)).join(','))
        .join(eol);
      const expected = parse(text, { relax_column_count: true }) as string[][];
      expect(scanAll(text, 1 + Math.floor(random() * 10)).map((r) => r.fields)).toEqual(expected);
    }
  });

  it('supports other delimiters', () => {
    expect(scanAll('a;b\n"1;2";3\n', 4, ';').map((r) => r.fields)).toEqual([['a', 'b'], ['1;2', '3']]);
    expect(scanAll('a\tb\n1\t2\n', 3, '\t').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips blank lines but keeps counting them', () => {
    const rows = scanAll('a\n\n1\n\r\n2\n\n');
    expect(rows.map((r) => [r.line, r.fields[0]])).toEqual([[1, 'a'], [3, '1'], [5, '2']]);
  });

  it('flags text after a closing quote on that record only', () => {
    const rows = scanAll('a,b\n"x"y,2\n3,4\n');
    expect(rows[1]?.error).toEqual({ column: 1, message: 'unexpected text after the closing quote of column 1' });
    expect(rows[1]?.line).toBe(2);
    expect(rows[2]).toEqual({ line: 3, fields: ['3', '4'], raw: '3,4' });
  });

  it('refuses an unterminated quote, naming file, line and column', () => {
    try {
      scanAll('a,b\n1,2\n3,"never closed\n4,5\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('IMPORT_REFUSED');
      expect((error as AppError).message).toBe('t.csv: line 3, column 2: a quoted field is never closed (the file ends inside quotes).');
    }
  });

  it('rejects a delimiter it cannot scan with', () => {
    expect(() => new CsvScanner('t.csv', '"')).toThrow(/Unsupported CSV delimiter/);
  });
});

describe('readCsvBatches', () => {
  it('decodes UTF-8 split inside a multi-byte character and batches rows', async () => {
    const bytes = new TextEncoder().encode('name\nJosé\nZoë\nΩ\n');
    const chunks = [bytes.slice(0, 8), bytes.slice(8, 13), bytes.slice(13)];
    const batches: CsvRow[][] = [];
    for await (const batch of readCsvBatches(chunks, { file: 'u.csv', batchRows: 2 })) batches.push(batch);
    expect(batches.flat().map((r) => r.fields[0])).toEqual(['name', 'José', 'Zoë', 'Ω']);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = Uint8Array.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const read = async () => {
      for await (const batch of readCsvBatches([latin1], { file: 'w.csv' })) void batch;
    };
    await expect(read()).rejects.toThrow(/w\.csv: the file is not valid UTF-8/);
  });
});
