import { describe, expect, it } from 'vitest';
import { createRng, normal } from '../core/rng';
import { backtest, pickBest } from './backtest';
import { fitHoltWinters } from './holt-winters';
import { empiricalIntervals } from './intervals';
import { methodsFor, movingAverageForecast, seasonalNaiveForecast } from './methods';

const WEEKLY = [0.8, 0.9, 1.0, 1.0, 1.1, 1.4, 0.8];

function dailySeries(days: number, noise: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: days }, (_, t) => (1000 + 2 * t) * WEEKLY[t % 7]! * (1 + noise * normal(rng)));
}

describe('baseline forecasts', () => {
  it('computes the moving average and seasonal naive by definition', () => {
    expect(movingAverageForecast([1, 2, 3, 4, 5], 3, 2)).toEqual([4, 4]);
    expect(seasonalNaiveForecast([1, 2, 3, 10, 20, 30], 3, 5)).toEqual([10, 20, 30, 10, 20]);
  });
});

describe('Holt-Winters', () => {
  it('follows a noiseless trend with weekly seasonality', () => {
    const y = dailySeries(140, 0, 1);
    const truth = Array.from({ length: 14 }, (_, i) => (1000 + 2 * (140 + i)) * WEEKLY[(140 + i) % 7]!);
    for (const kind of ['additive', 'multiplicative'] as const) {
      const forecast = fitHoltWinters(y, 7, kind).forecast(14);
      forecast.forEach((v, i) => expect(Math.abs(v / truth[i]! - 1)).toBeLessThan(0.03));
    }
  });

  it('beats seasonal naive in a rolling-origin backtest on a noisy seasonal series', () => {
    const y = dailySeries(365, 0.12, 2);
    const scores = backtest(y, methodsFor('day'), { horizon: 28, folds: 4 });
    const naive = scores.find((s) => s.method === 'seasonal_naive')!;
    const best = pickBest(scores)!;
    expect(best.method.startsWith('holt')).toBe(true);
    expect(best.smape).toBeLessThan(naive.smape);
    // Independent check of the seasonal-naive sMAPE and MAPE.
    let smape = 0;
    let mape = 0;
    let n = 0;
    for (let origin = 365 - 4 * 28; origin < 365; origin += 28) {
      for (let step = 0; step < 28; step += 1) {
        const actual = y[origin + step]!;
        const forecast = y[origin - 7 + (step % 7)]!;
        smape += (2 * Math.abs(actual - forecast)) / (Math.abs(actual) + Math.abs(forecast));
        mape += Math.abs(actual - forecast) / Math.abs(actual);
        n += 1;
      }
    }
    expect(naive.smape).toBeCloseTo((100 * smape) / n, 10);
    expect(naive.mape!).toBeCloseTo((100 * mape) / n, 10);
    expect(naive.folds).toBe(4);
  });

  it('refuses to fit a season without two full seasons', () => {
    expect(() => fitHoltWinters([1, 2, 3, 4, 5, 6, 7, 8], 7, 'additive')).toThrow(/two full seasons/);
    const monthly = methodsFor('month');
    expect(monthly.find((m) => m.id === 'holt_winters_additive')!.isApplicable(23)).toBe(false);
    expect(monthly.find((m) => m.id === 'holt_winters_additive')!.isApplicable(26)).toBe(true);
  });
});

describe('empirical intervals', () => {
  it('uses residual quantiles, nested 80% inside 95%, and covers about the right share', () => {
    const rng = createRng(4);
    const residuals = Array.from({ length: 10 }, () => Array.from({ length: 200 }, () => 10 * normal(rng)));
    const points = empiricalIntervals(new Array<number>(12).fill(100), residuals);
    for (const p of points) {
      expect(p.lo95).toBeLessThanOrEqual(p.lo80);
      expect(p.lo80).toBeLessThan(p.forecast);
      expect(p.hi80).toBeLessThanOrEqual(p.hi95);
    }
    // Normal(0, 10): the 90% quantile is 12.8, the 97.5% is 19.6.
    expect(points[0]!.hi80 - 100).toBeCloseTo(12.8, 0);
    expect(points[0]!.hi95 - 100).toBeGreaterThan(17);
    expect(points[0]!.hi95 - 100).toBeLessThan(22);
    // Past the backtest horizon the interval widens.
    expect(points[11]!.hi95 - points[11]!.lo95).toBeGreaterThan(points[9]!.hi95 - points[9]!.lo95);
  });

  it('never narrows further out, even when one step holds a promotion-day error', () => {
    const rng = createRng(9);
    const residuals = Array.from({ length: 28 }, () => Array.from({ length: 4 }, () => 10 * normal(rng)));
    residuals[14]![0] = 400;
    residuals[3]![1] = -300;
    const points = empiricalIntervals(new Array<number>(28).fill(1000), residuals);
    for (let i = 1; i < points.length; i += 1) {
      const [before, now] = [points[i - 1]!, points[i]!];
      expect(now.hi95 - now.forecast, `hi95 at step ${i + 1}`).toBeGreaterThanOrEqual(before.hi95 - before.forecast);
      expect(now.hi80 - now.forecast, `hi80 at step ${i + 1}`).toBeGreaterThanOrEqual(before.hi80 - before.forecast);
      expect(now.forecast - now.lo95, `lo95 at step ${i + 1}`).toBeGreaterThanOrEqual(before.forecast - before.lo95);
      expect(now.forecast - now.lo80, `lo80 at step ${i + 1}`).toBeGreaterThanOrEqual(before.forecast - before.lo80);
    }
    // The outlier still reaches the band from the first step that pools it, and stays.
    expect(points[12]!.hi95).toBeGreaterThan(1000 + 150);
    expect(points[27]!.hi95).toBeGreaterThanOrEqual(points[12]!.hi95);
    expect(points[11]!.hi95).toBeLessThan(1000 + 100);
  });
});
