import type { ForecastMethod, ForecastMethodId } from './methods';

export interface MethodScore {
  method: ForecastMethodId;
  label: string;
  /** Mean absolute percentage error, %, over points whose actual is not 0. */
  mape: number | null;
  /** Symmetric MAPE, % (0–200), over all points. */
  smape: number;
  /** Forecast errors (actual − forecast), by step ahead, pooled over origins. */
  residuals: number[][];
  folds: number;
}

export interface BacktestPlan {
  horizon: number;
  folds: number;
}

/**
 * Rolling-origin evaluation (Tashman 2000): the last `folds` windows of `horizon` points are
 * each forecast from everything before them. A method that cannot run on the shortest training
 * window is left out rather than scored on fewer folds.
 */
export function backtest(series: readonly number[], methods: readonly ForecastMethod[], plan: BacktestPlan, onFold?: () => void): MethodScore[] {
  const origins: number[] = [];
  for (let f = plan.folds; f >= 1; f -= 1) {
    const origin = series.length - f * plan.horizon;
    if (origin >= 2) origins.push(origin);
  }
  if (origins.length === 0) return [];
  const scores: MethodScore[] = [];
  for (const method of methods) {
    if (!method.isApplicable(origins[0]!)) continue;
    let apeSum = 0;
    let apeCount = 0;
    let sapeSum = 0;
    let count = 0;
    const residuals: number[][] = Array.from({ length: plan.horizon }, () => []);
    for (const origin of origins) {
      onFold?.();
      const predicted = method.forecast(series.slice(0, origin), plan.horizon);
      for (let step = 0; step < plan.horizon; step += 1) {
        const actual = series[origin + step]!;
        const forecast = predicted[step]!;
        residuals[step]!.push(actual - forecast);
        if (actual !== 0) {
          apeSum += Math.abs(actual - forecast) / Math.abs(actual);
          apeCount += 1;
        }
        const denominator = Math.abs(actual) + Math.abs(forecast);
        sapeSum += denominator === 0 ? 0 : (2 * Math.abs(actual - forecast)) / denominator;
        count += 1;
      }
    }
    scores.push({
      method: method.id,
      label: method.label,
      mape: apeCount > 0 ? (100 * apeSum) / apeCount : null,
      smape: (100 * sapeSum) / count,
      residuals,
      folds: origins.length,
    });
  }
  return scores;
}

/** The winner is the lowest sMAPE: unlike MAPE it stays defined on days with zero revenue. */
export function pickBest(scores: readonly MethodScore[]): MethodScore | null {
  return scores.reduce<MethodScore | null>((best, s) => (!best || s.smape < best.smape ? s : best), null);
}
