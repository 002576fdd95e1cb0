/** Number formatting for the memo: fixed en-US style so a report reads the same on every machine. */

export function formatMoney(value: number, currency: string | null): string {
  if (!currency) return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'symbol' }).format(value);
}

export function formatSignedMoney(value: number, currency: string | null): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatMoney(Math.abs(value), currency)}`;
}

/** 0.1234 → "12%", 0.012 → "1.2%": one decimal only below 10 %. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  const digits = Math.abs(percent) < 10 && percent !== 0 ? 1 : 0;
  return `${percent.toFixed(digits)}%`;
}

export function formatSignedPercent(ratio: number): string {
  return `${ratio > 0 ? '+' : ratio < 0 ? '−' : ''}${formatPercent(Math.abs(ratio))}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
