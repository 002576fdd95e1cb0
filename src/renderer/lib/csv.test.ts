import { describe, expect, it } from 'vitest';
import { escapeCsvCell, fileSlug, toCsv } from './csv';

describe('escapeCsvCell', () => {
  it.each(['=SUM(A1:A9)', '+1+1', '-2+3', '@cmd', '\t=1', '\r=1'])('neutralises formula-like text %j', (text) => {
    const cell = escapeCsvCell(text);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('keeps negative numbers as numbers', () => {
    expect(escapeCsvCell(-12.5)).toBe('-12.5');
  });

  it('quotes commas, quotes and newlines and doubles inner quotes', () => {
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect([null, undefined, Number.NaN, Infinity].map(escapeCsvCell)).toEqual(['', '', '', '']);
  });

  it('quotes an escaped formula that also holds a comma', () => {
    expect(escapeCsvCell('=HYPERLINK("x",1)')).toBe(`"'=HYPERLINK(""x"",1)"`);
  });
});

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row, padding short rows', () => {
    const csv = toCsv(['name', 'net'], [['Ana', 10], ['=evil', null], ['Bo']]);
    expect(csv.split('\r\n')).toEqual(['name,net', 'Ana,10', "'=evil,", 'Bo,', '']);
  });
});

describe('fileSlug', () => {
  it('makes a file-safe name', () => {
    expect(fileSlug('Top customers (EUR)')).toBe('top-customers-eur');
    expect(fileSlug('***')).toBe('export');
  });
});
