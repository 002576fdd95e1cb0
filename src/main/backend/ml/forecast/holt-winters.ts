import { nelderMead } from '../core/nelder-mead';

/**
 * Holt-Winters exponential smoothing with a damped trend (Gardner & McKenzie), additive or
 * multiplicative seasonality of period m, or none (Holt's damped linear method) when m = 0.
 * Damping (φ = 0.98) keeps a 90-day forecast from extrapolating a short-lived slope forever.
 * α, β, γ are fitted by minimising the one-step-ahead squared error (Nelder–Mead on logits).
 */
export type Seasonality = 'additive' | 'multiplicative' | 'none';

export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
}

export interface HoltWintersFit {
  params: HoltWintersParams;
  seasonality: Seasonality;
  period: number;
  sse: number;
  forecast(h: number): number[];
}

const DAMPING = 0.98;

interface State {
  level: number;
  trend: number;
  season: number[];
  sse: number;
}

/** Runs the recursions from the initial state over y; returns the final state and the SSE. */
function smooth(y: readonly number[], m: number, kind: Seasonality, p: HoltWintersParams): State {
  const seasonal = kind !== 'none' && m > 1;
  const start = seasonal ? m : 1;
  const firstMean = (from: number, to: number) => y.slice(from, to).reduce((s, v) => s + v, 0) / (to - from);
  let level = seasonal ? firstMean(0, m) : y[0]!;
  let trend = seasonal ? (firstMean(m, 2 * m) - firstMean(0, m)) / m : (y[1] ?? y[0]!) - y[0]!;
  const season = seasonal ? y.slice(0, m).map((v) => (kind === 'multiplicative' ? v / level : v - level)) : [];
  let sse = 0;
  for (let t = start; t < y.length; t += 1) {
    const s = seasonal ? season[t % m]! : kind === 'multiplicative' ? 1 : 0;
    const base = level + DAMPING * trend;
    const predicted = kind === 'multiplicative' ? base * s : base + s;
    sse += (y[t]! - predicted) ** 2;
    const previousLevel = level;
    level = kind === 'multiplicative' && seasonal ? p.alpha * (y[t]! / s) + (1 - p.alpha) * base : p.alpha * (y[t]! - s) + (1 - p.alpha) * base;
    trend = p.beta * (level - previousLevel) + (1 - p.beta) * DAMPING * trend;
    if (seasonal) season[t % m] = kind === 'multiplicative' ? p.gamma * (y[t]! / level) + (1 - p.gamma) * s : p.gamma * (y[t]! - level) + (1 - p.gamma) * s;
  }
  return { level, trend, season, sse };
}

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

export function canFitSeasonal(length: number, m: number): boolean {
  return m > 1 && length >= 2 * m + 2;
}

export function fitHoltWinters(y: readonly number[], m: number, kind: Seasonality): HoltWintersFit {
  const seasonal = kind !== 'none' && m > 1;
  if (seasonal && !canFitSeasonal(y.length, m)) throw new RangeError(`Holt-Winters needs two full seasons (${2 * m + 2} points), got ${y.length}`);
  if (kind === 'multiplicative' && y.some((v) => v <= 0)) throw new RangeError('Multiplicative seasonality needs positive values');
  const toParams = (v: readonly number[]): HoltWintersParams => ({
    // Bounded away from 0 and 1 like R's HoltWinters optimiser, so the fit cannot freeze a state.
    alpha: 0.0001 + 0.9998 * logistic(v[0]!),
    beta: 0.0001 + 0.9998 * logistic(v[1]!) * 0.5,
    gamma: seasonal ? 0.0001 + 0.9998 * logistic(v[2]!) : 0,
  });
  const objective = (v: readonly number[]) => smooth(y, m, kind, toParams(v)).sse;
  const result = nelderMead(objective, seasonal ? [-1, -2, -1] : [-1, -2], { maxIterations: 600, initialStep: 1, fTolerance: 1e-9, xTolerance: 1e-5 });
  const params = toParams(result.x);
  const state = smooth(y, m, kind, params);
  return {
    params,
    seasonality: seasonal ? kind : 'none',
    period: seasonal ? m : 0,
    sse: state.sse,
    forecast(h: number): number[] {
      const out: number[] = [];
      let damp = 0;
      for (let step = 1; step <= h; step += 1) {
        damp += DAMPING ** step;
        const base = state.level + damp * state.trend;
        const s = seasonal ? state.season[(y.length + step - 1) % m]! : kind === 'multiplicative' ? 1 : 0;
        out.push(kind === 'multiplicative' && seasonal ? base * s : base + s);
      }
      return out;
    },
  };
}
