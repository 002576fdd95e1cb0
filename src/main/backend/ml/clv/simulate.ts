import { beta, createRng, exponential, gamma } from '../core/rng';
import type { BgNbdParams, FrequencyRecency } from './bg-nbd';
import type { GammaGammaParams } from './gamma-gamma';

/**
 * Draws customers from the BG/NBD story itself (used by the recovery tests and the bench):
 * λ ~ Gamma(r, α), p ~ Beta(a, b); repeat purchases arrive as a Poisson process with rate λ
 * and after each one the customer drops out with probability p.
 */
export function simulateBgNbd(params: BgNbdParams, ages: ArrayLike<number>, seed: number): FrequencyRecency {
  const rng = createRng(seed);
  const n = ages.length;
  const out: FrequencyRecency = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i += 1) {
    const T = ages[i]!;
    const lambda = gamma(rng, params.r, params.alpha);
    const p = beta(rng, params.a, params.b);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += exponential(rng, lambda);
      if (t > T) break;
      x += 1;
      tx = t;
      if (rng.next() < p) break;
    }
    out.x[i] = x;
    out.tx[i] = tx;
    out.T[i] = T;
  }
  return out;
}

/** Mean spends m_x for customers with x repeat purchases, from Gamma-Gamma (p, q, v). */
export function simulateGammaGammaSpend(params: GammaGammaParams, x: ArrayLike<number>, seed: number): Float64Array {
  const rng = createRng(seed);
  const m = new Float64Array(x.length);
  for (let i = 0; i < x.length; i += 1) {
    const nu = gamma(rng, params.q, params.v);
    const count = x[i]!;
    let sum = 0;
    for (let k = 0; k < count; k += 1) sum += gamma(rng, params.p, nu);
    m[i] = count > 0 ? sum / count : 0;
  }
  return m;
}
