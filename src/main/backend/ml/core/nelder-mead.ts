/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998 coefficients). Chosen over L-BFGS for
 * the likelihood fits because it needs no gradients of log-gamma and hypergeometric terms, and
 * with 3–4 parameters on a log scale it converges in a few hundred evaluations.
 */
export interface MinimizeOptions {
  maxIterations?: number;
  /** Stop when the spread of function values in the simplex falls below this. */
  fTolerance?: number;
  /** …and the simplex is smaller than this in every coordinate. */
  xTolerance?: number;
  initialStep?: number;
  /** Called every iteration: lets a job check for cancel. */
  onIteration?: (iteration: number, best: number) => void;
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  isConverged: boolean;
}

export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 2000 * n;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  const step = options.initialStep ?? 0.5;
  // A non-finite value (parameters outside the support) is treated as +∞ so the simplex retreats.
  const fSafe = (x: readonly number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  let simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i += 1) {
    const vertex = start.slice();
    vertex[i] = (vertex[i] as number) + step;
    simplex.push(vertex);
  }
  let values = simplex.map(fSafe);

  const sortSimplex = (): void => {
    const order = values.map((v, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
  };

  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    sortSimplex();
    options.onIteration?.(iteration, values[0] as number);
    const best = values[0] as number;
    const worst = values[n] as number;
    const fSpread = Math.abs(worst - best);
    let xSpread = 0;
    for (let i = 1; i <= n; i += 1) {
      for (let d = 0; d < n; d += 1) xSpread = Math.max(xSpread, Math.abs((simplex[i] as number[])[d]! - (simplex[0] as number[])[d]!));
    }
    if (Number.isFinite(best) && fSpread <= fTol * (Math.abs(best) + 1e-12) + 1e-14 && xSpread <= xTol) {
      return { x: simplex[0] as number[], fx: best, iterations: iteration, isConverged: true };
    }

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) for (let d = 0; d < n; d += 1) centroid[d]! += (simplex[i] as number[])[d]! / n;
    const worstPoint = simplex[n] as number[];
    const along = (t: number): number[] => centroid.map((c, d) => c + t * (c - worstPoint[d]!));

    const reflected = along(1);
    const fr = fSafe(reflected);
    if (fr < best) {
      const expanded = along(2);
      const fe = fSafe(expanded);
      if (fe < fr) replaceWorst(expanded, fe);
      else replaceWorst(reflected, fr);
      continue;
    }
    if (fr < (values[n - 1] as number)) {
      replaceWorst(reflected, fr);
      continue;
    }
    const isOutside = fr < worst;
    const contracted = along(isOutside ? 0.5 : -0.5);
    const fc = fSafe(contracted);
    if (fc < (isOutside ? fr : worst)) {
      replaceWorst(contracted, fc);
      continue;
    }
    // Shrink every vertex towards the best one.
    const bestPoint = simplex[0] as number[];
    for (let i = 1; i <= n; i += 1) {
      simplex[i] = (simplex[i] as number[]).map((v, d) => bestPoint[d]! + 0.5 * (v - bestPoint[d]!));
      values[i] = fSafe(simplex[i] as number[]);
    }
  }
  sortSimplex();
  return { x: simplex[0] as number[], fx: values[0] as number, iterations: maxIterations, isConverged: false };

  function replaceWorst(point: number[], value: number): void {
    simplex[n] = point;
    values[n] = value;
  }
}
