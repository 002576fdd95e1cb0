import type { ErrorFiguresDto } from '../../../../shared/contract/models';

/** MAE and RMSE per customer and the aggregate error of predicted vs actual holdout purchases. */
export function errorFigures(predicted: ArrayLike<number>, actual: ArrayLike<number>): ErrorFiguresDto {
  let absolute = 0;
  let squared = 0;
  let predictedTotal = 0;
  let actualTotal = 0;
  const n = predicted.length;
  for (let i = 0; i < n; i += 1) {
    const error = predicted[i]! - actual[i]!;
    absolute += Math.abs(error);
    squared += error * error;
    predictedTotal += predicted[i]!;
    actualTotal += actual[i]!;
  }
  return {
    mae: n > 0 ? absolute / n : 0,
    rmse: n > 0 ? Math.sqrt(squared / n) : 0,
    predictedTotal,
    actualTotal,
    aggregateError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : 0,
  };
}

/**
 * The naive baseline: each customer keeps buying at their calibration repeat rate x / T for
 * the holdout length. A customer with T = 0 (first purchase on the last calibration day) has
 * no rate yet and is predicted 0.
 */
export function naiveHoldoutPrediction(x: ArrayLike<number>, T: ArrayLike<number>, holdoutLength: number): Float64Array {
  return Float64Array.from({ length: x.length }, (_, i) => (T[i]! > 0 ? (x[i]! / T[i]!) * holdoutLength : 0));
}
