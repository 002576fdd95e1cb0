const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Non-negative integer cents to a CSV amount with exactly 2 decimals (no float rounding). */
export function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${TWO_DIGITS[cents % 100] as string}`;
}
