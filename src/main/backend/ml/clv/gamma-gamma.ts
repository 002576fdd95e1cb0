import { logGamma } from '../core/special';
import { fitPositiveMle, type MleFit } from '../core/fit-mle';

/**
 * Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value").
 * Transaction values of a customer are Gamma(p, ν); ν ~ Gamma(q, γ) across customers (we call
 * γ `v` as lifetimes does). Fitted on customers with x ≥ 1 repeat purchases and a positive
 * mean spend m_x of those repeat purchases.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface SpendData {
  /** Number of repeat transactions behind the mean (x ≥ 1). */
  x: Float64Array;
  /** Mean value of those transactions (> 0). */
  m: Float64Array;
}

export const GAMMA_GAMMA_PARAM_NAMES = ['p', 'q', 'v'] as const;

/** log f(m_x | p, q, γ, x): the marginal density of the mean spend (eq. 3 of the note, in logs). */
export function gammaGammaCustomerLogLikelihood(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  return (
    logGamma(p * x + q) -
    logGamma(p * x) -
    logGamma(q) +
    q * Math.log(v) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(x * m + v)
  );
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendData): number {
  const { p, q, v } = params;
  // x is an integer count: its gamma terms are computed once per distinct x per evaluation.
  const byX = new Map<number, number>();
  const constant = -logGamma(q) + q * Math.log(v);
  let total = 0;
  for (let i = 0; i < data.x.length; i += 1) {
    const x = data.x[i]!;
    const m = data.m[i]!;
    let xTerms = byX.get(x);
    if (xTerms === undefined) {
      xTerms = logGamma(p * x + q) - logGamma(p * x) + p * x * Math.log(x);
      byX.set(x, xTerms);
    }
    total += xTerms + constant + (p * x - 1) * Math.log(m) - (p * x + q) * Math.log(x * m + v);
  }
  return total;
}

export interface GammaGammaFit extends MleFit {
  params: GammaGammaParams;
}

export function fitGammaGamma(data: SpendData, onIteration?: () => void): GammaGammaFit {
  let meanSpend = 0;
  for (let i = 0; i < data.m.length; i += 1) meanSpend += data.m[i]! / data.m.length;
  const fit = fitPositiveMle((theta) => gammaGammaLogLikelihood({ p: theta[0]!, q: theta[1]!, v: theta[2]! }, data), data.x.length, {
    modelName: 'Gamma-Gamma',
    // v is in money units, so start it at the scale of the observed spend.
    starts: [
      [1, 1, 1],
      [2, 3, Math.max(1, meanSpend)],
    ],
    onIteration,
  });
  const [p, q, v] = fit.estimates as [number, number, number];
  return { ...fit, params: { p, q, v } };
}

/**
 * E[M | p, q, γ, m_x, x] (eq. 5): a weighted mean of the population mean pγ/(q−1) and the
 * customer's own mean, the weight on their own mean growing with x. With x = 0 it is the
 * population mean. Needs q > 1 for a finite population mean.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  if (x <= 0 || !(m > 0)) return (p * v) / (q - 1);
  return (p * (v + x * m)) / (p * x + q - 1);
}
