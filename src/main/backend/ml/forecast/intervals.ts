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
 */
export function empiricalIntervals(forecast: readonly number[], residualsByStep: readonly number[][]): ForecastPoint[] {
  const steps = residualsByStep.length;
  return forecast.map((value, i) => {
    const step = Math.min(i, steps - 1);
    const pooled: number[] = [];
    for (let s = Math.max(0, step - 2); s <= Math.min(steps - 1, step + 2); s += 1) pooled.push(...residualsByStep[s]!);
    const widen = i >= steps ? Math.sqrt((i + 1) / steps) : 1;
    const q = (p: number) => (pooled.length > 0 ? quantile(pooled, p) * widen : 0);
    return { step: i + 1, forecast: value, lo80: value + q(0.1), hi80: value + q(0.9), lo95: value + q(0.025), hi95: value + q(0.975) };
  });
}
