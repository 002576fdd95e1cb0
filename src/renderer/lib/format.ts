import type { MetricUnit } from '../../shared/metrics';

export type CurrencyDisplay = 'symbol' | 'code';

const numberFormats = new Map<string, Intl.NumberFormat>();

function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = make();
    numberFormats.set(key, format);
  }
  return format;
}

export function formatMoney(value: number | null, currency: string | null, display: CurrencyDisplay = 'symbol', isCompact = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (!currency) return formatCount(value, isCompact);
  const key = `m:${currency}:${display}:${isCompact}`;
  return cached(key, () =>
    new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      currencyDisplay: display,
      notation: isCompact ? 'compact' : 'standard',
      maximumFractionDigits: isCompact ? 1 : 2,
      minimumFractionDigits: isCompact ? 0 : 2,
    }),
  ).format(value);
}

export function formatCount(value: number | null, isCompact = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return cached(`c:${isCompact}`, () =>
    new Intl.NumberFormat('en-US', { notation: isCompact ? 'compact' : 'standard', maximumFractionDigits: isCompact ? 1 : 0 }),
  ).format(value);
}

/** Shares arrive as 0–1 fractions. */
export function formatPercent(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)} %`;
}

export function formatMetricValue(value: number | null, unit: MetricUnit, currency: string | null, display: CurrencyDisplay = 'symbol'): string {
  switch (unit) {
    case 'currency':
      return formatMoney(value, currency, display);
    case 'percent':
      return formatPercent(value);
    case 'ratio':
      return value === null || !Number.isFinite(value) ? '—' : value.toFixed(2);
    case 'days':
      return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} d`;
    case 'count':
      return formatCount(value);
  }
}

export interface ChangeView {
  text: string;
  /** 'good' | 'bad' follow the metric's direction; 'flat' when there is no change to judge. */
  tone: 'good' | 'bad' | 'flat';
  arrow: '▲' | '▼' | '';
}

/**
 * KPI change: relative (0.1 = +10 %) for currency and count metrics, an absolute difference in
 * percentage points for percent metrics (as the analytics contract defines `change`).
 */
export function describeChange(change: number | null, unit: MetricUnit, isHigherBetter: boolean): ChangeView {
  if (change === null || !Number.isFinite(change)) return { text: 'no comparison', tone: 'flat', arrow: '' };
  const isPoints = unit === 'percent' || unit === 'ratio';
  const magnitude = isPoints ? (unit === 'percent' ? `${Math.abs(change * 100).toFixed(1)} pp` : Math.abs(change).toFixed(2)) : `${Math.abs(change * 100).toFixed(1)} %`;
  if (Math.abs(change) < 1e-9) return { text: `±${magnitude}`, tone: 'flat', arrow: '' };
  const isUp = change > 0;
  return { text: `${isUp ? '+' : '−'}${magnitude}`, tone: isUp === isHigherBetter ? 'good' : 'bad', arrow: isUp ? '▲' : '▼' };
}
