import { hyp2f1, logGamma, logSumExp } from '../core/special';
import { fitPositiveMle, type MleFit } from '../core/fit-mle';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While alive a
 * customer buys at rate λ ~ Gamma(r, α); after each repeat purchase they drop out with
 * probability p ~ Beta(a, b). Per customer: x repeat purchases, t_x the time of the last one
 * and T the age, all measured from the first purchase in one time unit (days or weeks).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface FrequencyRecency {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

export const BG_NBD_PARAM_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** log of eq. (6) for one customer, in log space (the terms overflow for frequent buyers). */
export function bgNbdCustomerLogLikelihood(params: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logSumExp(a3, a4);
}

export function bgNbdLogLikelihood(params: BgNbdParams, data: FrequencyRecency): number {
  const { r, alpha, a, b } = params;
  // Terms that depend only on the parameters, or on the parameters and the integer x, are
  // computed once per distinct x: the fit evaluates this thousands of times.
  const constant = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  const logA = Math.log(a);
  const byX = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < data.x.length; i += 1) {
    const x = data.x[i]!;
    let gammaTerms = byX.get(x);
    if (gammaTerms === undefined) {
      gammaTerms = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
      byX.set(x, gammaTerms);
    }
    const a3 = -(r + x) * Math.log(alpha + data.T[i]!);
    const a4 = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx[i]!) : -Infinity;
    total += gammaTerms + logSumExp(a3, a4);
  }
  return total + constant * data.x.length;
}

export interface BgNbdFit extends MleFit {
  params: BgNbdParams;
}

export function fitBgNbd(data: FrequencyRecency, onIteration?: () => void): BgNbdFit {
  let meanT = 0;
  for (let i = 0; i < data.T.length; i += 1) meanT += data.T[i]! / data.T.length;
  const fit = fitPositiveMle(
    (theta) => bgNbdLogLikelihood(toParams(theta), data),
    data.x.length,
    {
      modelName: 'BG/NBD',
      // α is on the scale of the time unit, so one start scales it with the observed ages.
      starts: [
        [1, 1, 1, 1],
        [0.5, Math.max(1, meanT / 10), 1, 3],
      ],
      onIteration,
    },
  );
  return { ...fit, params: toParams(fit.estimates) };
}

function toParams(theta: readonly number[]): BgNbdParams {
  return { r: theta[0]!, alpha: theta[1]!, a: theta[2]!, b: theta[3]! };
}

/** Eq. (13): the probability that a customer with this history is still alive at T. */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/** Eq. (10): expected purchases in (T, T + t] given the history (x, t_x, T). */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const hyp = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp);
  const denominator = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return numerator / denominator;
}

/** Eq. (7): expected purchases in (0, t] for a randomly chosen new customer. */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  const hyp = hyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp);
}
