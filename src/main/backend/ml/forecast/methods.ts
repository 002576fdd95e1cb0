import { canFitSeasonal, fitHoltWinters } from './holt-winters';

/** A forecasting method: given history, the next h values. */
export interface ForecastMethod {
  id: ForecastMethodId;
  label: string;
  /** Whether it can run on a history this long (HW needs two seasons). */
  isApplicable(length: number): boolean;
  forecast(history: readonly number[], h: number): number[];
}

export type ForecastMethodId = 'moving_average_3m' | 'seasonal_naive' | 'holt_winters_additive' | 'holt_winters_multiplicative' | 'holt_damped';

/** Mean of the last `window` values, held flat. */
export function movingAverageForecast(history: readonly number[], window: number, h: number): number[] {
  const tail = history.slice(-window);
  const mean = tail.reduce((s, v) => s + v, 0) / Math.max(1, tail.length);
  return new Array<number>(h).fill(mean);
}

/** Each future value repeats the value one season earlier (the last observed season, cycled). */
export function seasonalNaiveForecast(history: readonly number[], m: number, h: number): number[] {
  const n = history.length;
  return Array.from({ length: h }, (_, i) => history[n - m + (i % m)]!);
}

/**
 * The candidate methods for a grain. Day: the 3-month baseline is the mean of the last 91 days,
 * seasonality is weekly (m = 7). Month: the baseline is the mean of the last 3 months and
 * seasonality is yearly (m = 12), used only with two full years of history.
 */
export function methodsFor(grain: 'day' | 'month'): ForecastMethod[] {
  const m = grain === 'day' ? 7 : 12;
  const window = grain === 'day' ? 91 : 3;
  return [
    { id: 'moving_average_3m', label: '3-month moving average', isApplicable: (n) => n >= 1, forecast: (y, h) => movingAverageForecast(y, window, h) },
    { id: 'seasonal_naive', label: `Seasonal naive (${grain === 'day' ? 'same weekday last week' : 'same month last year'})`, isApplicable: (n) => n >= m, forecast: (y, h) => seasonalNaiveForecast(y, m, h) },
    { id: 'holt_winters_additive', label: 'Holt-Winters, additive', isApplicable: (n) => canFitSeasonal(n, m), forecast: (y, h) => fitHoltWinters(y, m, 'additive').forecast(h) },
    {
      id: 'holt_winters_multiplicative',
      label: 'Holt-Winters, multiplicative',
      isApplicable: (n) => canFitSeasonal(n, m),
      forecast: (y, h) => (y.every((v) => v > 0) ? fitHoltWinters(y, m, 'multiplicative') : fitHoltWinters(y, m, 'additive')).forecast(h),
    },
    { id: 'holt_damped', label: "Holt's damped trend (no season)", isApplicable: (n) => n >= 4, forecast: (y, h) => fitHoltWinters(y, 0, 'none').forecast(h) },
  ];
}
