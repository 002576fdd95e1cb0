/**
 * Per-customer (x, t_x, T, m_x) from their orders, the inputs of BG/NBD and Gamma-Gamma.
 * As in the papers (and lifetimes), a "purchase" is a purchase DAY: two orders on one day are
 * one transaction whose value is their sum, because the models are about repeat visits.
 * x counts repeat purchase days after the first; t_x and T are measured from the first
 * purchase day in `unitDays` (1 = days, 7 = weeks); m_x is the mean value of the repeat days.
 */
export interface CustomerHistory {
  customerKeys: Int32Array;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean repeat-purchase value in cents (0 when x = 0). */
  meanRepeatCents: Float64Array;
  /** Net revenue of all orders up to the end date, in cents. */
  totalCents: Float64Array;
  /** Purchase days after the end date up to `holdoutEnd` (0 without a holdout). */
  holdoutPurchases: Float64Array;
}

export interface OrderStream {
  /** Sorted by customer, then day. */
  customerKeys: Int32Array;
  days: Int32Array;
  netCents: Float64Array;
  length: number;
}

export function summariseCustomers(orders: OrderStream, endDay: number, unitDays: number, holdoutEndDay = endDay): CustomerHistory {
  const keys: number[] = [];
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const means: number[] = [];
  const totals: number[] = [];
  const holdouts: number[] = [];
  let i = 0;
  while (i < orders.length) {
    const key = orders.customerKeys[i]!;
    let firstDay = -1;
    let lastDay = -1;
    let repeatDays = 0;
    let repeatValue = 0;
    let total = 0;
    let holdout = 0;
    let lastHoldoutDay = -1;
    let currentDay = -1;
    let currentValue = 0;
    const closeDay = () => {
      if (currentDay < 0) return;
      if (firstDay < 0) firstDay = currentDay;
      else {
        repeatDays += 1;
        repeatValue += currentValue;
      }
      lastDay = currentDay;
    };
    for (; i < orders.length && orders.customerKeys[i] === key; i += 1) {
      const day = orders.days[i]!;
      if (day <= endDay) {
        total += orders.netCents[i]!;
        if (day !== currentDay) {
          closeDay();
          currentDay = day;
          currentValue = 0;
        }
        currentValue += orders.netCents[i]!;
      } else if (day <= holdoutEndDay && day !== lastHoldoutDay) {
        holdout += 1;
        lastHoldoutDay = day;
      }
    }
    closeDay();
    // Customers whose first purchase is after the end date are not part of this population.
    if (firstDay < 0) continue;
    keys.push(key);
    xs.push(repeatDays);
    txs.push((lastDay - firstDay) / unitDays);
    Ts.push((endDay - firstDay) / unitDays);
    means.push(repeatDays > 0 ? repeatValue / repeatDays : 0);
    totals.push(total);
    holdouts.push(holdout);
  }
  return {
    customerKeys: Int32Array.from(keys),
    x: Float64Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    meanRepeatCents: Float64Array.from(means),
    totalCents: Float64Array.from(totals),
    holdoutPurchases: Float64Array.from(holdouts),
  };
}
