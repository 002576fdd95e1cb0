/**
 * Standard errors of maximum-likelihood estimates: the inverse of the observed information
 * (the Hessian of −log L at the optimum), by central finite differences.
 */
export function numericalHessian(f: (x: readonly number[]) => number, x: readonly number[], relStep = 1e-4): number[][] {
  const n = x.length;
  const h = x.map((v) => relStep * Math.max(Math.abs(v), 1));
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = x.slice();
    p[di] = p[di]! + si * h[di]!;
    p[dj] = p[dj]! + sj * h[dj]!;
    return f(p);
  };
  const f0 = f(x);
  const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    const p = x.slice();
    p[i] = p[i]! + h[i]!;
    const fp = f(p);
    p[i] = p[i]! - 2 * h[i]!;
    const fm = f(p);
    hessian[i]![i] = (fp - 2 * f0 + fm) / (h[i]! * h[i]!);
    for (let j = 0; j < i; j += 1) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i]! * h[j]!);
      hessian[i]![j] = v;
      hessian[j]![i] = v;
    }
  }
  return hessian;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  // Invert L, then A⁻¹ = L⁻ᵀ L⁻¹.
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    inv[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j += 1) {
      let sum = 0;
      for (let k = j; k < i; k += 1) sum -= l[i]![k]! * inv[k]![j]!;
      inv[i]![j] = sum / l[i]![i]!;
    }
  }
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      let sum = 0;
      for (let k = Math.max(i, j); k < n; k += 1) sum += inv[k]![i]! * inv[k]![j]!;
      out[i]![j] = sum;
    }
  }
  return out;
}

/**
 * Standard errors of θ = exp(φ) when the fit ran on φ = log θ: the delta method gives
 * SE(θᵢ) = θᵢ · SE(φᵢ). Null entries mean the information matrix was singular (flat likelihood).
 */
export function standardErrorsFromLogScale(negLogLik: (phi: readonly number[]) => number, phiHat: readonly number[]): (number | null)[] {
  const covariance = invertSpd(numericalHessian(negLogLik, phiHat));
  return phiHat.map((phi, i) => {
    const variance = covariance?.[i]?.[i];
    if (variance === undefined || !(variance > 0) || !Number.isFinite(variance)) return null;
    return Math.exp(phi) * Math.sqrt(variance);
  });
}
