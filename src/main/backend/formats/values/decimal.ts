import type { DecimalSeparator, DecimalSeparatorGuess } from '../../../../shared/contract/formats';

export type NumberParse = { ok: true; value: string } | { ok: false; reason: string };

/** Currency marks people leave in money cells; stripped before reading the number. */
const CURRENCY_MARKS = /^(?:R\$|US\$|\$|€|£|¥|USD|EUR|GBP|BRL|CHF|kr)\s*|\s*(?:R\$|\$|€|£|¥|USD|EUR|GBP|BRL|CHF|kr)$/i;
const SPACES = /[\s\u00a0\u202f']/g;

const DOT_DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const COMMA_DECIMAL = /^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?$/;

/**
 * Reads a number written with thousands separators and a '.' or ',' decimal into a plain decimal
 * string ("1.234,56" → "1234.56"), without going through a float so cents stay exact.
 */
export function parseDecimal(text: string, separator: DecimalSeparator): NumberParse {
  let value = text.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  let isNegative = false;
  if (value.startsWith('(') && value.endsWith(')')) {
    isNegative = true;
    value = value.slice(1, -1).trim();
  }
  if (value.startsWith('-')) {
    isNegative = !isNegative;
    value = value.slice(1).trim();
  } else if (value.endsWith('-')) {
    isNegative = !isNegative;
    value = value.slice(0, -1).trim();
  } else if (value.startsWith('+')) value = value.slice(1);
  value = value.replace(CURRENCY_MARKS, '').replace(SPACES, '');
  if (value.startsWith('-')) {
    isNegative = !isNegative;
    value = value.slice(1);
  }
  if (separator === '.' && /^\d+(?:\.\d+)?e[+-]?\d+$/i.test(value)) return { ok: true, value: signed(String(Number(value)), isNegative) };
  const pattern = separator === '.' ? DOT_DECIMAL : COMMA_DECIMAL;
  if (value === '' || !/\d/.test(value) || !pattern.test(value)) {
    const hint =
      separator === '.' && /^\d+,\d{1,2}$/.test(value)
        ? '; it looks like a decimal comma: set the decimal separator to ","'
        : separator === ',' && /^\d+\.\d{1,2}$/.test(value)
          ? '; it looks like a decimal point: set the decimal separator to "."'
          : '';
    return { ok: false, reason: `'${text.trim()}' is not a number${hint}` };
  }
  const [whole = '', fraction = ''] = separator === '.' ? value.replaceAll(',', '').split('.') : value.replaceAll('.', '').split(',');
  const integerPart = whole.replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = fraction.replace(/0+$/, '');
  return { ok: true, value: signed(fractionPart ? `${integerPart}.${fractionPart}` : integerPart, isNegative) };
}

function signed(value: string, isNegative: boolean): string {
  return isNegative && !/^0(?:\.0*)?$/.test(value) ? `-${value}` : value;
}

export function parseInteger(text: string, separator: DecimalSeparator): NumberParse {
  const parsed = parseDecimal(text, separator);
  if (!parsed.ok) return parsed;
  if (parsed.value.includes('.')) return { ok: false, reason: `'${text.trim()}' is not a whole number` };
  return parsed;
}

/**
 * Votes on the decimal separator from number-like cells. "12,50" and "1.234,56" are strong
 * votes for ','; "12.50" and "1,234.56" for '.'; "1,234" or "1.234" alone could be either.
 */
export function guessDecimalSeparator(values: Iterable<string>): DecimalSeparatorGuess {
  let comma = 0;
  let dot = 0;
  let weak: string | null = null;
  let example: string | null = null;
  for (const raw of values) {
    const value = raw.trim().replace(CURRENCY_MARKS, '').replace(SPACES, '').replace(/^[-+(]/, '').replace(/\)$/, '');
    if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) continue;
    const lastComma = value.lastIndexOf(',');
    const lastDot = value.lastIndexOf('.');
    if (lastComma === -1 && lastDot === -1) continue;
    const last = Math.max(lastComma, lastDot);
    const digitsAfter = value.length - last - 1;
    const isCommaLast = lastComma > lastDot;
    const hasBoth = lastComma !== -1 && lastDot !== -1;
    if (hasBoth || digitsAfter !== 3 || (isCommaLast ? value.split(',').length > 2 : value.split('.').length > 2)) {
      // Two different marks, or a group that is not 3 digits: the last mark is the decimal one.
      // Repeated marks ("1.234.567") are thousands: the other one is the decimal.
      const repeated = isCommaLast ? value.split(',').length > 2 : value.split('.').length > 2;
      const votesComma = repeated ? !isCommaLast : isCommaLast;
      if (votesComma) comma += 1;
      else dot += 1;
      example ??= raw.trim();
    } else {
      weak ??= raw.trim();
    }
  }
  if (comma === 0 && dot === 0) return { separator: '.', isAmbiguous: weak !== null, example: weak };
  const separator: DecimalSeparator = comma > dot ? ',' : '.';
  return { separator, isAmbiguous: comma > 0 && dot > 0 && Math.min(comma, dot) > Math.max(comma, dot) * 0.05, example };
}
