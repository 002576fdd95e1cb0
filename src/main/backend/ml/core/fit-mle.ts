import { AppError } from '../../../../shared/result';
import { standardErrorsFromLogScale } from './hessian';
import { nelderMead } from './nelder-mead';

export interface MleFit {
  /** Estimates on the natural scale, in the order of the parameter names. */
  estimates: number[];
  standardErrors: (number | null)[];
  logLikelihood: number;
  iterations: number;
}

export interface MleOptions {
  /** Starting points on the natural scale; the best converged fit wins. */
  starts: number[][];
  onIteration?: () => void;
  modelName: string;
}

const sortable = (v: number): number => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);

/**
 * Maximises a log-likelihood over positive parameters by Nelder–Mead on their logs (so the
 * search never leaves the support), from several starts, and reports SEs from the Hessian.
 * A fit that does not converge to finite values throws MODEL_NOT_CONVERGED: the UI must
 * show a message, never NaN.
 */
export function fitPositiveMle(logLikelihood: (theta: readonly number[]) => number, observations: number, options: MleOptions): MleFit {
  // Per-observation scale keeps the tolerances meaningful whatever the data size.
  const scale = Math.max(1, observations);
  const negLogLik = (phi: readonly number[]): number => {
    const theta = phi.map(Math.exp);
    if (theta.some((v) => !Number.isFinite(v) || v <= 0)) return Number.POSITIVE_INFINITY;
    return -logLikelihood(theta) / scale;
  };
  let best: { phi: number[]; fx: number; iterations: number } | null = null;
  let totalIterations = 0;
  // Optimise from the start with the best likelihood only; restarts then guard against a
  // collapsed simplex (Nelder–Mead can stall), until a restart no longer moves.
  const ranked = options.starts.map((start) => start.map(Math.log)).sort((x, y) => sortable(negLogLik(x)) - sortable(negLogLik(y)));
  let phi = ranked[0]!;
  for (let round = 0; round < 4; round += 1) {
    const result = nelderMead(negLogLik, phi, {
      maxIterations: 4000,
      fTolerance: 1e-12,
      xTolerance: 1e-7,
      onIteration: options.onIteration,
    });
    totalIterations += result.iterations;
    const moved = result.x.some((v, i) => Math.abs(v - phi[i]!) > 1e-6);
    phi = result.x;
    if (result.isConverged && Number.isFinite(result.fx) && (!best || result.fx < best.fx)) {
      best = { phi: result.x, fx: result.fx, iterations: totalIterations };
    }
    if (result.isConverged && !moved) break;
  }
  const isDegenerate = best !== null && best.phi.some((v) => Math.abs(v) > 25);
  if (!best || isDegenerate) {
    throw new AppError(
      'MODEL_NOT_CONVERGED',
      `The ${options.modelName} fit did not converge${isDegenerate ? ' (a parameter ran off towards 0 or infinity)' : ''}. ` +
        'Try a longer calibration period, more customers with repeat purchases, or the other time unit.',
      { model: options.modelName, iterations: totalIterations },
    );
  }
  const estimates = best.phi.map(Math.exp);
  const ses = standardErrorsFromLogScale((phi) => negLogLik(phi) * scale, best.phi);
  return { estimates, standardErrors: ses, logLikelihood: -best.fx * scale, iterations: best.iterations };
}
