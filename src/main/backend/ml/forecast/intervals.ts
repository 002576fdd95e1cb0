import { quantile } from '../core/stats';

export interface ForecastPoint {
  step: number;
  forecast: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/**
 * Prediction intervals from the chosen method's own backtest errors: the 10/90 % and
 * 2.5/97.5 % empirical quantiles of the residuals at each step ahead, pooled with the steps
 * around it (± 2) because one origin per fold gives few errors per step. Empirical errors need
 * no normality assumption, which daily revenue (spiky, promotion days) would break. Steps
 * beyond the backtest horizon reuse the last step's errors widened by √(step / horizon).
 *
 * A bound never moves back towards the forecast as the horizon grows: the future is not less
 * certain further out. With 20 pooled errors the 97.5 % quantile is about their largest, so
 * one promotion day used to lift five steps of the band and drop it again, a spike in the chart.
 */
export function empiricalIntervals(forecast: readonly number[], residualsByStep: readonly number[][]): ForecastPoint[] {
  const steps = residualsByStep.length;
  const widest = { lo80: 0, hi80: 0, lo95: 0, hi95: 0 };
  return forecast.map((value, i) => {
    const step = Math.min(i, steps - 1);
    const pooled: number[] = [];
    for (let s = Math.max(0, step - 2); s <= Math.min(steps - 1, step + 2); s += 1) pooled.push(...residualsByStep[s]!);
    const widen = i >= steps ? Math.sqrt((i + 1) / steps) : 1;
    const q = (p: number) => (pooled.length > 0 ? quantile(pooled, p) * widen : 0);
    widest.lo80 = Math.min(widest.lo80, q(0.1));
    widest.hi80 = Math.max(widest.hi80, q(0.9));
    widest.lo95 = Math.min(widest.lo95, q(0.025));
    widest.hi95 = Math.max(widest.hi95, q(0.975));
    return { step: i + 1, forecast: value, lo80: value + widest.lo80, hi80: value + widest.hi80, lo95: value + widest.lo95, hi95: value + widest.hi95 };
  });
}
