import { z } from 'zod';

/**
 * Parsers for one CSV cell each. They return the typed value, or INVALID. They are deliberately a
 * little stricter than the zod schemas in native-format.ts (which coerce '' to 0, accept '1e3',
 * ' 12 ' and hex): an importer should not guess at money. validators.test.ts proves that every
 * row accepted here is accepted by zod with the same values.
 */
export const INVALID = Symbol('invalid');
export type Parsed<T> = T | typeof INVALID;

const SIGNED_INT = /^-?\d{1,15}$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;
const EMAIL = z.regexes.email;

function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** Currency units with up to 2 decimals → integer cents, exactly (no float rounding). Hand-scanned: it runs for every amount of every row. */
export function parseMoneyCents(text: string): Parsed<number> {
  const length = text.length;
  if (length === 0 || length > 16) return INVALID;
  let units = 0;
  let i = 0;
  for (; i < length; i += 1) {
    const digit = digitAt(text, i);
    if (digit < 0) break;
    units = units * 10 + digit;
  }
  if (i === 0 || i > 13) return INVALID;
  if (i === length) return units * 100;
  if (text.charCodeAt(i) !== 46 || length - i - 1 < 1 || length - i - 1 > 2) return INVALID;
  const tenths = digitAt(text, i + 1);
  const hundredths = length - i - 1 === 2 ? digitAt(text, i + 2) : 0;
  if (tenths < 0 || hundredths < 0) return INVALID;
  return units * 100 + tenths * 10 + hundredths;
}

export function parseSignedInt(text: string): Parsed<number> {
  return SIGNED_INT.test(text) ? Number(text) : INVALID;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function twoDigits(text: string, i: number): number {
  const a = digitAt(text, i);
  const b = digitAt(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** The common exact shapes, checked by char code: YYYY-MM-DDTHH:MM:SSZ and …SS±HH:MM. */
function isPlainTimestamp(text: string): boolean | null {
  const length = text.length;
  if (length !== 20 && length !== 25) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (year < 0 || twoDigits(text, 0) < 0 || twoDigits(text, 2) < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return false;
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return false;
  if (length === 20) return text.charCodeAt(19) === 90;
  const sign = text.charCodeAt(19);
  if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58) return false;
  const offsetHour = twoDigits(text, 20);
  const offsetMinute = twoDigits(text, 23);
  return offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}

/** ISO-8601 with seconds and an offset (Z or ±HH:MM), as the data contract requires. */
export function isTimestamp(text: string): boolean {
  const plain = isPlainTimestamp(text);
  if (plain !== null) return plain;
  const m = TIMESTAMP.exec(text);
  if (m === null) return false;
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  return m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
}

export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isCurrencyCode(text: string): boolean {
  return CURRENCY.test(text);
}

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}
