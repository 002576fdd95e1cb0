import { DAY_SECONDS, type Calendar } from './calendar';

const ZERO = 48;
const COLON = 58;
const DOT = 46;
const MINUS = 45;
const LETTER_T = 84;
const LETTER_Z = 90;
/** Longest integer text we ever write (−2^53 has 17 digits). */
const MAX_INT_BYTES = 24;

/**
 * A growable byte buffer that CSV rows are encoded into field by field: numbers, money and
 * timestamps go straight to bytes, so the hot rows (order lines, orders, stock movements) never
 * exist as JS strings. Measured: row strings and their UTF-8 copies were ~40% of the generator's
 * CPU, most of it garbage collection.
 */
export class RowBuffer {
  private buffer: Buffer;
  protected used = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.used + bytes) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }

  /** Any text, UTF-8 encoded (names, review texts): already CSV-escaped by the caller. */
  text(value: string): this {
    this.reserve(value.length * 3);
    this.used += this.buffer.write(value, this.used, 'utf8');
    return this;
  }

  /** Identifiers, codes and enum values: a byte loop beats a native call for short ASCII. */
  ascii(value: string): this {
    this.reserve(value.length);
    const buffer = this.buffer;
    let at = this.used;
    for (let i = 0; i < value.length; i += 1) {
      const code = value.charCodeAt(i);
      if (code > 127) return this.text(value);
      buffer[at] = code;
      at += 1;
    }
    this.used = at;
    return this;
  }

  char(code: number): this {
    this.reserve(1);
    this.buffer[this.used] = code;
    this.used += 1;
    return this;
  }

  comma(): this {
    return this.char(44);
  }

  /** An integer (negative allowed) in plain decimal. */
  int(value: number): this {
    this.reserve(MAX_INT_BYTES);
    let n = value;
    if (n < 0) {
      this.buffer[this.used] = MINUS;
      this.used += 1;
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
    return this.digits(n, digits);
  }

  /** A non-negative integer left-padded with zeros to `width` digits (ids like O-00000042). */
  padded(value: number, width: number): this {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
    this.reserve(Math.max(digits, width));
    for (let k = digits; k < width; k += 1) this.buffer[this.used++] = ZERO;
    return this.digits(value, digits);
  }

  private digits(n: number, count: number): this {
    const buffer = this.buffer;
    let at = this.used + count - 1;
    let rest = n;
    for (let k = 0; k < count; k += 1) {
      const next = Math.floor(rest / 10);
      buffer[at] = ZERO + (rest - next * 10);
      rest = next;
      at -= 1;
    }
    this.used += count;
    return this;
  }

  /** Non-negative integer cents as an amount with exactly two decimals (same text as money()). */
  money(cents: number): this {
    const whole = Math.floor(cents / 100);
    const fraction = cents - whole * 100;
    this.int(whole).char(DOT);
    this.reserve(2);
    this.buffer[this.used] = ZERO + Math.floor(fraction / 10);
    this.buffer[this.used + 1] = ZERO + (fraction % 10);
    this.used += 2;
    return this;
  }

  /** Seconds since the start as ISO UTC `YYYY-MM-DDTHH:MM:SSZ` (same text as calendar.timestamp). */
  timestamp(seconds: number, calendar: Calendar): this {
    const day = Math.floor(seconds / DAY_SECONDS);
    const second = seconds - day * DAY_SECONDS;
    const hour = Math.floor(second / 3600);
    const minute = Math.floor((second - hour * 3600) / 60);
    this.ascii(calendar.dateKeys[day] as string).char(LETTER_T);
    this.padded(hour, 2).char(COLON).padded(minute, 2).char(COLON).padded(second - hour * 3600 - minute * 60, 2);
    return this.char(LETTER_Z);
  }

  get length(): number {
    return this.used;
  }

  /** The bytes written so far (a view, valid until the next write). */
  view(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
  }
}
