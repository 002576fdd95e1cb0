import { conditionalExpectedPurchases, type BgNbdParams } from './bg-nbd';

/**
 * Discounted CLV (revenue, not margin: the warehouse has costs only for some products):
 * Σ over steps i of [E(purchases in (0, t_i]) − E(… (0, t_{i−1}])] × expected spend / (1 + d)^i,
 * with monthly steps (30.4375 days, or that in weeks) up to the horizon, as lifetimes does,
 * and d the monthly rate equivalent to the annual discount rate.
 */
export function discountedClv(
  params: BgNbdParams,
  history: { x: number; tx: number; T: number },
  expectedSpend: number,
  options: { horizon: number; unitDays: number; annualDiscountRate: number },
): number {
  const step = 30.4375 / options.unitDays;
  const steps = Math.max(1, Math.ceil(options.horizon / step - 1e-9));
  const monthlyRate = Math.pow(1 + options.annualDiscountRate, 30.4375 / 365.25) - 1;
  let previous = 0;
  let value = 0;
  for (let i = 1; i <= steps; i += 1) {
    const t = Math.min(options.horizon, i * step);
    const cumulative = conditionalExpectedPurchases(params, t, history.x, history.tx, history.T);
    value += ((cumulative - previous) * expectedSpend) / Math.pow(1 + monthlyRate, i);
    previous = cumulative;
  }
  return value;
}
