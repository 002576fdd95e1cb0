import { describe, expect, it } from 'vitest';
import { conditionalExpectedSpend, fitGammaGamma, gammaGammaCustomerLogLikelihood, type GammaGammaParams } from './gamma-gamma';
import { simulateGammaGammaSpend } from './simulate';

/** Published CDNOW estimates (Fader & Hardie 2013 note). */
const CDNOW: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

/** Gamma density with shape k and rate θ, written from its definition with a product for Γ at integer-free k. */
function gammaDensity(value: number, shape: number, rate: number, logGammaShape: number): number {
  return Math.exp(shape * Math.log(rate) + (shape - 1) * Math.log(value) - rate * value - logGammaShape);
}

/** Stirling series for log Γ: independent of the Lanczos code under test. */
function stirlingLogGamma(z: number): number {
  let shift = 0;
  while (z < 10) {
    shift -= Math.log(z);
    z += 1;
  }
  return shift + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5);
}

/**
 * The model by brute force: m_x | ν ~ Gamma(p·x, ν·x) (the mean of x Gamma(p, ν) values),
 * ν ~ Gamma(q, γ); integrate ν out numerically. Returns [density, E[p/ν | m_x]].
 */
function integrateOverNu(params: GammaGammaParams, x: number, m: number): [number, number] {
  const steps = 200_000;
  const nuMax = 60 / (params.v / params.q) ;
  const lgShape = stirlingLogGamma(params.p * x);
  const lgQ = stirlingLogGamma(params.q);
  let density = 0;
  let weightedMean = 0;
  for (let i = 0; i < steps; i += 1) {
    const nu = ((i + 0.5) / steps) * nuMax;
    const w = gammaDensity(m, params.p * x, nu * x, lgShape) * gammaDensity(nu, params.q, params.v, lgQ) * (nuMax / steps);
    density += w;
    weightedMean += w * (params.p / nu);
  }
  return [density, weightedMean / density];
}

describe('Gamma-Gamma', () => {
  it('has the log-likelihood and conditional expected spend that integrating ν out gives', () => {
    for (const [x, m] of [
      [1, 12.5],
      [2, 35.0],
      [5, 20.1],
      [11, 80.0],
    ] as const) {
      const [density, expectedSpend] = integrateOverNu(CDNOW, x, m);
      expect(gammaGammaCustomerLogLikelihood(CDNOW, x, m)).toBeCloseTo(Math.log(density), 5);
      expect(conditionalExpectedSpend(CDNOW, x, m)).toBeCloseTo(expectedSpend, 4);
    }
    // x = 0: the population mean pγ/(q − 1).
    expect(conditionalExpectedSpend(CDNOW, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
  });

  it('recovers p, q and v within 15% from simulated spends', () => {
    const n = 20_000;
    const x = new Float64Array(n).map((_, i) => 1 + (i % 8));
    const m = simulateGammaGammaSpend(CDNOW, x, 11);
    const fit = fitGammaGamma({ x, m });
    for (const key of ['p', 'q', 'v'] as const) expect(Math.abs(fit.params[key] / CDNOW[key] - 1)).toBeLessThan(0.15);
    expect(fit.standardErrors.every((se) => se !== null && se > 0)).toBe(true);
  });
});
