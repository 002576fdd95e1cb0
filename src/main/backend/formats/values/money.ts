/**
 * Exact sums of decimal strings: amounts are held as integers in 1/10,000 of a unit (UCI has
 * prices like 0.001), which stays exact far beyond any shop's totals.
 */
const SCALE = 10_000;
const SCALE_DIGITS = 4;

export function toUnits(value: string): number {
  if (value === '') return 0;
  const isNegative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (isNegative ? value.slice(1) : value).split('.');
  const units = Number(whole) * SCALE + Number(fraction.slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0'));
  const roundUp = fraction.length > SCALE_DIGITS && Number(fraction[SCALE_DIGITS]) >= 5 ? 1 : 0;
  return (isNegative ? -1 : 1) * (units + roundUp);
}

export function fromUnits(units: number): string {
  const rounded = Math.round(units);
  const isNegative = rounded < 0;
  const abs = Math.abs(rounded);
  const whole = Math.floor(abs / SCALE);
  // At least 2 decimals, as money is usually written; more only when the source had them (0.001).
  const fraction = String(abs % SCALE).padStart(SCALE_DIGITS, '0').replace(/0{1,2}$/, '').replace(/(\d\d\d)0$/, '$1');
  const text = `${whole}.${fraction}`;
  return isNegative ? `-${text}` : text;
}

/** Money for native rows: at most 2 decimals, written with them ("12.5" → "12.50"). */
export function formatMoney(units: number): string {
  const cents = Math.round(units / 100);
  const isNegative = cents < 0;
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return isNegative ? `-${text}` : text;
}

/**
 * Splits an amount over weights in whole cents so the parts add up exactly (largest remainder),
 * e.g. an order-level discount over its lines by line value.
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? totalCents : 0));
  const exact = weights.map((w) => (totalCents * w) / sum);
  const parts = exact.map(Math.floor);
  let left = totalCents - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

export const unitsToCents = (units: number): number => Math.round(units / 100);
export const centsToUnits = (cents: number): number => cents * 100;
