import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/result';
import {
  bgNbdCustomerLogLikelihood,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from './bg-nbd';
import { simulateBgNbd } from './simulate';

/** Published CDNOW estimates (Fader, Hardie & Lee 2005, weeks). */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Hand-made customers (x, t_x, T) in weeks, including x = 0 and a frequent buyer. */
const CUSTOMERS: [number, number, number][] = [
  [0, 0, 38.86],
  [1, 1.71, 38.86],
  [2, 30.43, 38.86],
  [5, 20.5, 30],
  [7, 29.43, 35],
  [14, 37.0, 38.0],
  [3, 3.0, 12.5],
];

/** Γ(c + x) / Γ(c) as a product, so the check below shares no log-gamma code with the model. */
function risingFactorial(c: number, x: number): number {
  let out = 1;
  for (let j = 0; j < x; j += 1) out *= c + j;
  return out;
}

/** Eq. (6) of the paper, written out literally in products and powers. */
function paperEquation6(p: BgNbdParams, x: number, tx: number, T: number): number {
  const A1 = (risingFactorial(p.r, x) * Math.pow(p.alpha, p.r));
  const A2 = risingFactorial(p.b, x) / risingFactorial(p.a + p.b, x);
  const A3 = Math.pow(1 / (p.alpha + T), p.r + x);
  const A4 = x > 0 ? (p.a / (p.b + x - 1)) * Math.pow(1 / (p.alpha + tx), p.r + x) : 0;
  return A1 * A2 * (A3 + A4);
}

/**
 * The model by brute force: integrate over λ and p with the Gamma and Beta priors on a grid.
 * Returns ∫∫ num(λ,p) g(λ) f(p) / ∫∫ L(λ,p) g(λ) f(p) for a given numerator.
 */
function posteriorMean(p: BgNbdParams, x: number, tx: number, T: number, numerator: (lambda: number, prob: number) => number): number {
  // Substitutions λ = s⁸ and p = u² remove the integrable singularities at 0.
  const steps = 800;
  const sMax = Math.pow(60 / (p.alpha + tx), 1 / 8);
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < steps; i += 1) {
    const s = ((i + 0.5) / steps) * sMax;
    const lambda = Math.pow(s, 8);
    const dLambda = 8 * Math.pow(s, 7) * (sMax / steps);
    const gammaDensity = Math.pow(lambda, p.r - 1) * Math.exp(-p.alpha * lambda);
    for (let j = 0; j < steps; j += 1) {
      const u = (j + 0.5) / steps;
      const prob = u * u;
      const dProb = 2 * u / steps;
      const betaDensity = Math.pow(prob, p.a - 1) * Math.pow(1 - prob, p.b - 1);
      const weight = gammaDensity * betaDensity * dLambda * dProb;
      const aliveTerm = Math.pow(1 - prob, x) * Math.pow(lambda, x) * Math.exp(-lambda * T);
      const deadTerm = x > 0 ? prob * Math.pow(1 - prob, x - 1) * Math.pow(lambda, x) * Math.exp(-lambda * tx) : 0;
      bottom += (aliveTerm + deadTerm) * weight;
      top += numerator(lambda, prob) * aliveTerm * weight;
    }
  }
  return top / bottom;
}

describe('BG/NBD likelihood', () => {
  it('equals eq. (6) of the paper at the published CDNOW estimates', () => {
    for (const [x, tx, T] of CUSTOMERS) {
      const expected = Math.log(paperEquation6(CDNOW, x, tx, T));
      expect(bgNbdCustomerLogLikelihood(CDNOW, x, tx, T)).toBeCloseTo(expected, 10);
    }
    const data = {
      x: Float64Array.from(CUSTOMERS.map((c) => c[0])),
      tx: Float64Array.from(CUSTOMERS.map((c) => c[1])),
      T: Float64Array.from(CUSTOMERS.map((c) => c[2])),
    };
    const total = CUSTOMERS.reduce((sum, [x, tx, T]) => sum + Math.log(paperEquation6(CDNOW, x, tx, T)), 0);
    expect(bgNbdLogLikelihood(CDNOW, data)).toBeCloseTo(total, 9);
  });

  it('gives P(alive) and the conditional expectation that integrating the model over λ and p gives', () => {
    const t = 39;
    for (const [x, tx, T] of CUSTOMERS.filter(([x]) => x > 0 && x < 10)) {
      const pAlive = posteriorMean(CDNOW, x, tx, T, () => 1);
      expect(probabilityAlive(CDNOW, x, tx, T)).toBeCloseTo(pAlive, 3);
      // An alive customer with (λ, p) makes (1 − e^{−λpt}) / p purchases in the next t (paper, eq. 8's integrand).
      const expectedY = posteriorMean(CDNOW, x, tx, T, (lambda, prob) => (1 - Math.exp(-lambda * prob * t)) / prob);
      expect(conditionalExpectedPurchases(CDNOW, t, x, tx, T) / expectedY).toBeCloseTo(1, 2);
    }
  });

  it('matches the simulated mean of purchases in (0, t] for new customers', () => {
    const t = 52;
    const sim = simulateBgNbd(CDNOW, new Float64Array(200_000).fill(t), 7);
    const simulatedMean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length;
    expect(expectedPurchases(CDNOW, t) / simulatedMean).toBeCloseTo(1, 1);
  });
});

describe('fitBgNbd', () => {
  it('recovers r, α, a and b within 15% from 20,000 simulated customers', () => {
    const ages = new Float64Array(20_000).map((_, i) => 40 + (i % 40));
    const data = simulateBgNbd(CDNOW, ages, 42);
    const fit = fitBgNbd(data);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] / CDNOW[key] - 1)).toBeLessThan(0.15);
    }
    expect(fit.logLikelihood).toBeCloseTo(bgNbdLogLikelihood(fit.params, data), 6);
    // The fitted optimum must beat the true parameters on the sample it was fitted to.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(CDNOW, data));
    for (const se of fit.standardErrors) {
      expect(se).not.toBeNull();
      expect(se!).toBeGreaterThan(0);
    }
    // With 20k customers the SE of r is small relative to r.
    expect(fit.standardErrors[0]! / fit.params.r).toBeLessThan(0.1);
  });

  it('throws MODEL_NOT_CONVERGED, never NaN, when nobody ever buys again', () => {
    const n = 200;
    const data = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n).fill(30) };
    const error = (() => {
      try {
        fitBgNbd(data);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MODEL_NOT_CONVERGED');
  });
});
