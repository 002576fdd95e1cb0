import type { DateFormat, DateFormatGuess } from '../../../../shared/contract/formats';
import { formatOffset, offsetMinutesForLocal } from './time-zone';

/** A wall-clock reading from a cell, with the offset when the cell carried one. */
export interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  hasTime: boolean;
  offsetMinutes: number | null;
}

export type DateParse = { ok: true; value: WallClock } | { ok: false; reason: string };

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;
/** Excel serials from 1954 to 2119: numbers outside are quantities or ids, not dates. */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

export function parseDate(text: string, format: DateFormat): DateParse {
  const value = text.trim();
  if (format === 'iso') return parseIso(value);
  if (format === 'excel-serial') return parseSerial(value);
  const match = DAY_MONTH.exec(value);
  if (!match) return { ok: false, reason: `'${value}' is not a ${format === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy'} date` };
  const [first, second] = [Number(match[1]), Number(match[2])];
  const [d, mo] = format === 'dmy' ? [first, second] : [second, first];
  let y = Number(match[3]);
  // Two-digit years: 00–69 are 2000s, 70–99 are 1900s (the POSIX strptime pivot).
  if (match[3]!.length === 2) y += y < 70 ? 2000 : 1900;
  let h = Number(match[4] ?? 0);
  const meridiem = match[7]?.toUpperCase();
  if (meridiem === 'PM' && h < 12) h += 12;
  if (meridiem === 'AM' && h === 12) h = 0;
  return checked(value, { y, mo, d, h, mi: Number(match[5] ?? 0), s: Number(match[6] ?? 0), hasTime: match[4] !== undefined, offsetMinutes: null });
}

function parseIso(value: string): DateParse {
  const match = ISO.exec(value);
  if (!match) return { ok: false, reason: `'${value}' is not an ISO date (YYYY-MM-DD, optionally with a time and offset)` };
  const zone = match[7];
  let offsetMinutes: number | null = null;
  if (zone) {
    if (zone.toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
      offsetMinutes = zone.startsWith('-') ? -minutes : minutes;
    }
  }
  return checked(value, {
    y: Number(match[1]),
    mo: Number(match[2]),
    d: Number(match[3]),
    h: Number(match[4] ?? 0),
    mi: Number(match[5] ?? 0),
    s: Number(match[6] ?? 0),
    hasTime: match[4] !== undefined,
    offsetMinutes,
  });
}

function parseSerial(value: string): DateParse {
  if (!SERIAL.test(value)) return { ok: false, reason: `'${value}' is not an Excel date serial` };
  const serial = Number(value);
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return { ok: false, reason: `'${value}' is outside the Excel date serials of 1954–2119` };
  // Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for.
  const ms = Math.round((serial - 25569) * 86400) * 1000;
  const date = new Date(ms);
  return {
    ok: true,
    value: {
      y: date.getUTCFullYear(),
      mo: date.getUTCMonth() + 1,
      d: date.getUTCDate(),
      h: date.getUTCHours(),
      mi: date.getUTCMinutes(),
      s: date.getUTCSeconds(),
      hasTime: !Number.isInteger(serial),
      offsetMinutes: null,
    },
  };
}

function checked(text: string, clock: WallClock): DateParse {
  const daysInMonth = new Date(Date.UTC(clock.y, clock.mo, 0)).getUTCDate();
  if (clock.mo < 1 || clock.mo > 12) return { ok: false, reason: `'${text}' has month ${clock.mo}` };
  if (clock.d < 1 || clock.d > daysInMonth) return { ok: false, reason: `'${text}' has day ${clock.d}, which month ${clock.mo} does not have` };
  if (clock.h > 23 || clock.mi > 59 || clock.s > 59) return { ok: false, reason: `'${text}' has an impossible time of day` };
  return { ok: true, value: clock };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toIsoDate(clock: WallClock): string {
  return `${pad(clock.y, 4)}-${pad(clock.mo)}-${pad(clock.d)}`;
}

/** ISO timestamp keeping the written local time; a cell without offset gets the zone's offset for that moment. */
export function toIsoTimestamp(clock: WallClock, timeZone: string): string {
  const offset = clock.offsetMinutes ?? offsetMinutesForLocal(timeZone, clock.y, clock.mo, clock.d, clock.h, clock.mi);
  return `${toIsoDate(clock)}T${pad(clock.h)}:${pad(clock.mi)}:${pad(clock.s)}${formatOffset(offset)}`;
}

/** Which formats could read this cell. dd/mm and mm/dd both fit when neither part exceeds 12. */
export function dateFormatsFitting(text: string): DateFormat[] {
  const value = text.trim();
  if (value === '') return [];
  const fits: DateFormat[] = [];
  if (parseDate(value, 'iso').ok) fits.push('iso');
  if (parseDate(value, 'dmy').ok) fits.push('dmy');
  if (parseDate(value, 'mdy').ok) fits.push('mdy');
  if (parseDate(value, 'excel-serial').ok) fits.push('excel-serial');
  return fits;
}

/**
 * Guesses the date format of some columns' values. Never picks between dd/mm and mm/dd on its
 * own: when every value fits both, the guess is ambiguous and the mapping must say.
 */
export function guessDateFormat(columns: { column: string; values: string[] }[], allowSerial: boolean): DateFormatGuess {
  let candidates: DateFormat[] | null = null;
  let example: string | null = null;
  const used: string[] = [];
  for (const { column, values } of columns) {
    let columnCandidates: DateFormat[] | null = null;
    for (const value of values) {
      const fits = dateFormatsFitting(value).filter((format) => allowSerial || format !== 'excel-serial');
      if (value.trim() === '') continue;
      columnCandidates = columnCandidates === null ? fits : columnCandidates.filter((format) => fits.includes(format));
      example ??= value;
    }
    if (columnCandidates === null || columnCandidates.length === 0) continue;
    used.push(column);
    candidates = candidates === null ? columnCandidates : candidates.filter((format) => columnCandidates.includes(format));
  }
  const list = candidates ?? [];
  const isAmbiguous = list.includes('dmy') && list.includes('mdy');
  const format = isAmbiguous ? null : (list[0] ?? null);
  return { format, isAmbiguous, candidates: list, columns: used, example };
}
