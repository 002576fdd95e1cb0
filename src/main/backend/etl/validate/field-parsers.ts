import { z } from 'zod';

/**
 * Parsers for one CSV cell each. They return the typed value, or INVALID. They are deliberately a
 * little stricter than the zod schemas in native-format.ts (which coerce '' to 0, accept '1e3',
 * ' 12 ' and hex): an importer should not guess at money. validators.test.ts proves that every
 * row accepted here is accepted by zod with the same values.
 */
export const INVALID = Symbol('invalid');
export type Parsed<T> = T | typeof INVALID;

const MONEY = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const SIGNED_INT = /^-?\d{1,15}$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;
const EMAIL = z.regexes.email;

/** Currency units with up to 2 decimals → integer cents, exactly (no float rounding). */
export function parseMoneyCents(text: string): Parsed<number> {
  const match = MONEY.exec(text);
  if (match === null) return INVALID;
  const fraction = match[2];
  const cents = fraction === undefined ? 0 : fraction.length === 1 ? Number(fraction) * 10 : Number(fraction);
  return Number(match[1]) * 100 + cents;
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

/** ISO-8601 with seconds and an offset (Z or ±HH:MM), as the data contract requires. */
export function isTimestamp(text: string): boolean {
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
