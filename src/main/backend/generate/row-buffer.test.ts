import { describe, expect, it } from 'vitest';
import { Calendar, DAY_SECONDS } from './calendar';
import { money } from './money';
import { Rng } from './prng';
import { RowBuffer } from './row-buffer';

const text = (buffer: RowBuffer): string => buffer.view().toString('utf8');

describe('RowBuffer', () => {
  it('encodes integers, padded ids and money exactly like the string formatters', () => {
    const rng = new Rng(5);
    const values = [0, 1, 9, 10, 99, 100, 101, 999_999, 12_345_678, 2 ** 31, 2 ** 40 + 7];
    for (let i = 0; i < 200; i += 1) values.push(rng.int(10 ** rng.between(1, 12)));
    for (const n of values) {
      const buffer = new RowBuffer(4);
      buffer.int(n).comma().int(-n).comma().padded(n, 8).comma().money(n);
      expect(text(buffer)).toBe(`${n},${n === 0 ? '0' : `-${n}`},${String(n).padStart(8, '0')},${money(n)}`);
    }
  });

  it('writes timestamps like calendar.timestamp for every hour and minute boundary', () => {
    const calendar = new Calendar('2024-02-27', 10, 1);
    const buffer = new RowBuffer(8);
    const expected: string[] = [];
    for (let s = 0; s < 10 * DAY_SECONDS; s += 997) {
      buffer.timestamp(s, calendar).char(10);
      expected.push(calendar.timestamp(s));
    }
    for (const s of [0, 59, 60, 3599, 3600, DAY_SECONDS - 1, DAY_SECONDS, 2 * DAY_SECONDS, 3 * DAY_SECONDS + 12 * 3600]) {
      buffer.timestamp(s, calendar).char(10);
      expected.push(calendar.timestamp(s));
    }
    expect(text(buffer)).toBe(`${expected.join('\n')}\n`);
    expect(expected).toContain('2024-02-29T00:00:00Z');
  });

  it('grows past its initial size and keeps non-ASCII text intact even on the ASCII path', () => {
    const buffer = new RowBuffer(2);
    const parts: string[] = [];
    for (let i = 0; i < 500; i += 1) {
      const value = i % 7 === 0 ? `Zoë "Ł" ${i}` : `SKU-${i}`;
      if (i % 2 === 0) buffer.ascii(value).comma();
      else buffer.text(value).comma();
      parts.push(value);
    }
    expect(text(buffer)).toBe(`${parts.join(',')},`);
    buffer.clear();
    expect(buffer.length).toBe(0);
  });
});
