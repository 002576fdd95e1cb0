/**
 * The generator's only source of randomness: mulberry32, a tiny 32-bit PRNG that is fast and,
 * unlike Math.random, reproducible from a seed, so the same options always give the same bytes.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  exponential(): number {
    return -Math.log(1 - this.next());
  }

  /** Gamma(shape, rate) by Marsaglia–Tsang; shape < 1 uses the boost Gamma(shape+1)·U^(1/shape). */
  gamma(shape: number, rate: number): number {
    if (shape < 1) return this.gamma(shape + 1, rate) * Math.pow(1 - this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a, 1);
    const y = this.gamma(b, 1);
    return x / (x + y);
  }
}

/** Mixes a seed with salts into an independent 32-bit seed (murmur3 finaliser). */
export function deriveSeed(seed: number, ...salts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const salt of salts) {
    h = Math.imul(h ^ (salt >>> 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * One mulberry32 step on a state kept in a typed array: each customer owns a stream, so their
 * purchase times do not depend on anyone else's and calibration can replay them exactly.
 */
export function streamNext(states: Uint32Array, index: number): number {
  let t = ((states[index] as number) + 0x6d2b79f5) | 0;
  states[index] = t >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Cumulative weights for O(log n) sampling by binary search. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    sum += weights[i] as number;
    out[i] = sum;
  }
  return out;
}

export function sampleCumulative(cum: Float64Array, u: number): number {
  const target = u * (cum[cum.length - 1] as number);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
