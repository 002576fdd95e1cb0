import { AppError } from '../../../shared/result';
import type { Calendar } from './calendar';
import { cumulative, deriveSeed, type Rng, sampleCumulative, streamNext } from './prng';
import {
  ACQUISITION_WEIGHTS,
  AFFINITY_ORDER_SHARE,
  AFFINITY_PAIR_SHARE,
  BASE_BGNBD,
  CHANNEL_WEIGHTS,
  CUSTOMER_GROWTH,
  GAMMA_GAMMA,
  LINE_COUNT_WEIGHTS,
  REGIONS,
  SEGMENT_WEIGHTS,
  SIGNUP_ONLY_SHARE,
} from './world';

/**
 * The customer base as parallel typed arrays. Buyers follow BG/NBD (Fader, Hardie & Lee 2005):
 * the first purchase is the "birth" and is never followed by a dropout; after each REPEAT
 * purchase the customer drops out with probability p, as in the likelihood (eq. 6) that
 * ml/clv/bg-nbd.ts fits. While alive, gaps are exponential with rate λ on the seasonal clock.
 * λ = λ0/α with λ0 ~ Gamma(r, 1), so λ ~ Gamma(r, α) (α a rate); calibration only moves α.
 */
export interface Population {
  count: number;
  isBuyer: Uint8Array;
  /** Birth (first purchase, or signup for non-buyers) in days since start. */
  birth: Float64Array;
  lambda0: Float64Array;
  dropout: Float64Array;
  /** Gamma-Gamma ν: this customer's order values are Gamma(p, ν). */
  spendRate: Float64Array;
  region: Uint8Array;
  segment: Uint8Array;
  acquisition: Uint8Array;
  preferredChannel: Uint8Array;
  firstName: Int32Array;
  lastName: Int32Array;
  /** Per-customer PRNG streams for purchase timing (replayable by calibration). */
  streams: Uint32Array;
  /** Seasonal clock reading of the next scheduled purchase. */
  clock: Float64Array;
  purchases: Int32Array;
}

export function buildPopulation(count: number, calendar: Calendar, nameCounts: { first: number; last: number }, rng: Rng, seed: number): Population {
  const birthWeights = new Float64Array(calendar.days);
  for (let d = 0; d < calendar.days; d += 1) birthWeights[d] = (1 + (CUSTOMER_GROWTH * d) / calendar.days) * (calendar.intensity[d] as number);
  const birthCum = cumulative(birthWeights);
  const regionCum = cumulative(REGIONS.map((r) => r.weight));
  const segmentCum = cumulative(SEGMENT_WEIGHTS);
  const acquisitionCum = cumulative(ACQUISITION_WEIGHTS);
  const channelCum = cumulative(CHANNEL_WEIGHTS);
  const population: Population = {
    count,
    isBuyer: new Uint8Array(count),
    birth: new Float64Array(count),
    lambda0: new Float64Array(count),
    dropout: new Float64Array(count),
    spendRate: new Float64Array(count),
    region: new Uint8Array(count),
    segment: new Uint8Array(count),
    acquisition: new Uint8Array(count),
    preferredChannel: new Uint8Array(count),
    firstName: new Int32Array(count),
    lastName: new Int32Array(count),
    streams: new Uint32Array(count),
    clock: new Float64Array(count),
    purchases: new Int32Array(count),
  };
  for (let i = 0; i < count; i += 1) {
    population.isBuyer[i] = rng.chance(SIGNUP_ONLY_SHARE) ? 0 : 1;
    population.birth[i] = sampleCumulative(birthCum, rng.next()) + rng.next();
    population.lambda0[i] = rng.gamma(BASE_BGNBD.r, 1);
    population.dropout[i] = rng.beta(BASE_BGNBD.a, BASE_BGNBD.b);
    population.spendRate[i] = rng.gamma(GAMMA_GAMMA.q, GAMMA_GAMMA.v);
    population.region[i] = sampleCumulative(regionCum, rng.next());
    population.segment[i] = sampleCumulative(segmentCum, rng.next());
    const acquisition = sampleCumulative(acquisitionCum, rng.next());
    population.acquisition[i] = acquisition;
    // Marketplace-acquired customers mostly keep buying there.
    population.preferredChannel[i] = acquisition === 5 ? 2 : sampleCumulative(channelCum, rng.next());
    population.firstName[i] = rng.int(nameCounts.first);
    population.lastName[i] = rng.int(nameCounts.last);
    population.streams[i] = deriveSeed(seed, 0xc0ffee, i);
  }
  return population;
}

/** Expected lines per order implied by the basket design (line-count table and affinity sets). */
export function expectedLinesPerOrder(): number {
  const total = LINE_COUNT_WEIGHTS.reduce((a, b) => a + b, 0);
  let mean = 0;
  LINE_COUNT_WEIGHTS.forEach((weight, i) => {
    const k = i + 1;
    const withSet = AFFINITY_PAIR_SHARE * Math.max(k, 2) + (1 - AFFINITY_PAIR_SHARE) * Math.max(k, 3);
    mean += (weight / total) * ((1 - AFFINITY_ORDER_SHARE) * k + AFFINITY_ORDER_SHARE * withSet);
  });
  return mean;
}

/** Replays every buyer's stream with rate scale α and counts purchases inside the horizon. */
export function countPurchases(population: Population, calendar: Calendar, alpha: number): number {
  const streams = population.streams.slice();
  const end = calendar.totalClock;
  let total = 0;
  for (let i = 0; i < population.count; i += 1) {
    if (population.isBuyer[i] === 0) continue;
    const gapScale = alpha / (population.lambda0[i] as number);
    const p = population.dropout[i] as number;
    let clock = calendar.clockAt(population.birth[i] as number);
    total += 1;
    // Same draw order as the writer: a gap after the birth, then after each repeat purchase a
    // dropout coin and (if still alive) the next gap. No dropout chance at the birth (eq. 6).
    for (;;) {
      clock += -Math.log(1 - streamNext(streams, i)) * gapScale;
      if (clock >= end) break;
      total += 1;
      if (streamNext(streams, i) < p) break;
    }
  }
  return total;
}

/**
 * Finds α so that expected lines hit the target: purchases fall monotonically with α, so a
 * bisection in log space over the exact replay converges; we stop within 0.5%.
 */
export function calibrateAlpha(population: Population, calendar: Calendar, targetLines: number): { alpha: number; expectedOrders: number } {
  const targetOrders = targetLines / expectedLinesPerOrder();
  let lo = Math.log(0.05);
  let hi = Math.log(1e6);
  const most = countPurchases(population, calendar, Math.exp(lo));
  if (most < targetOrders) {
    throw new AppError(
      'VALIDATION',
      `${population.count} customers cannot place enough orders for ${targetLines} lines in ${calendar.days} days (at most about ${Math.round(most * expectedLinesPerOrder())}); raise --customers or --days, or lower --lines.`,
      { customers: population.count, lines: targetLines },
    );
  }
  let alpha: number = BASE_BGNBD.alpha;
  let orders = countPurchases(population, calendar, alpha);
  for (let iteration = 0; iteration < 60 && Math.abs(orders / targetOrders - 1) > 0.005; iteration += 1) {
    if (orders > targetOrders) lo = Math.log(alpha);
    else hi = Math.log(alpha);
    alpha = Math.exp((lo + hi) / 2);
    orders = countPurchases(population, calendar, alpha);
  }
  return { alpha, expectedOrders: orders };
}
