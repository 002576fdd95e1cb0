import type { ForecastDto, ForecastGrain } from '../../../../shared/contract/models';
import { AppError } from '../../../../shared/result';
import { backtest, pickBest } from './backtest';
import { empiricalIntervals } from './intervals';
import { methodsFor } from './methods';
import { futureDates, type Series } from './series';

export interface ForecastOptions {
  grain: ForecastGrain;
  horizon: number;
  /** Points of history returned with the forecast for the chart. */
  historyPoints: number;
}

export type ForecastCore = Omit<ForecastDto, 'runId' | 'currency'>;

/**
 * Backtest plan: daily, 4 origins of min(horizon, 28) days; monthly, 3 origins of
 * min(horizon, 3) months. Fewer origins when the history is short.
 */
function planFor(grain: ForecastGrain, horizon: number, length: number): { horizon: number; folds: number } {
  const step = grain === 'day' ? Math.min(horizon, 28) : Math.min(horizon, 3);
  let folds = grain === 'day' ? 4 : 3;
  const minimumTraining = grain === 'day' ? 28 : 6;
  while (folds > 1 && length - folds * step < minimumTraining) folds -= 1;
  return { horizon: step, folds };
}

export function trainForecast(series: Series, options: ForecastOptions, check: () => void): ForecastCore {
  const minimum = options.grain === 'day' ? 42 : 9;
  if (series.values.length < minimum) {
    throw new AppError('NOT_AVAILABLE', `A ${options.grain === 'day' ? 'daily' : 'monthly'} forecast needs at least ${minimum} ${options.grain}s of complete history; the warehouse has ${series.values.length}.`);
  }
  const methods = methodsFor(options.grain);
  const plan = planFor(options.grain, options.horizon, series.values.length);
  const scores = backtest(series.values, methods, plan, check);
  const best = pickBest(scores);
  if (!best) throw new AppError('NOT_AVAILABLE', 'No forecasting method could be backtested on this history.');
  const method = methods.find((m) => m.id === best.method)!;
  const forecast = method.forecast(series.values, options.horizon);
  if (forecast.some((v) => !Number.isFinite(v))) {
    throw new AppError('MODEL_NOT_CONVERGED', `The ${best.label} forecast is not finite; the history may be too irregular.`);
  }
  const points = empiricalIntervals(forecast, best.residuals);
  const naive = scores.find((s) => s.method === 'seasonal_naive');
  const lastDate = series.dates.at(-1)!;
  const history = series.dates.slice(-options.historyPoints).map((date, i, all) => {
    const value = series.values[series.values.length - all.length + i]!;
    return [date, value, null, null, null, null, null];
  });
  const future = futureDates(lastDate, options.grain, options.horizon).map((date, i) => {
    const p = points[i]!;
    return [date, null, p.forecast, p.lo80, p.hi80, p.lo95, p.hi95];
  });
  return {
    grain: options.grain,
    chosenMethod: best.method,
    chosenLabel: best.label,
    backtest: { horizon: plan.horizon, folds: best.folds, scores: scores.map(({ method: id, label, mape, smape }) => ({ method: id, label, mape, smape })) },
    beatsSeasonalNaive: naive ? best.smape < naive.smape : null,
    series: { columns: ['date', 'actual', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95'], rows: [...history, ...future] },
  };
}
