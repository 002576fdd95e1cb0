import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, type BgNbdParams } from './bg-nbd';
import { discountedClv } from './clv-value';
import { summariseCustomers } from './customer-summary';
import { errorFigures, naiveHoldoutPrediction } from './holdout';

describe('summariseCustomers', () => {
  it('turns orders into (x, t_x, T, m_x) with purchase days, a calibration end and a holdout', () => {
    // Customer 1: days 0, 0 (same day: one purchase of 30), 14, 28 | holdout 40, 41, 41.
    // Customer 2: one order on day 7. Customer 3: first order after the end: not in the population.
    const orders = {
      customerKeys: Int32Array.from([1, 1, 1, 1, 1, 1, 1, 2, 3]),
      days: Int32Array.from([0, 0, 14, 28, 40, 41, 41, 7, 45]),
      netCents: Float64Array.from([1000, 2000, 4000, 6000, 1, 1, 1, 500, 900]),
      length: 9,
    };
    const weeks = summariseCustomers(orders, 35, 7, 50);
    expect([...weeks.customerKeys]).toEqual([1, 2]);
    expect([...weeks.x]).toEqual([2, 0]);
    expect([...weeks.tx]).toEqual([4, 0]);
    expect([...weeks.T]).toEqual([5, 4]);
    expect([...weeks.meanRepeatCents]).toEqual([5000, 0]);
    expect([...weeks.totalCents]).toEqual([13000, 500]);
    expect([...weeks.holdoutPurchases]).toEqual([2, 0]);
    const days = summariseCustomers(orders, 35, 1);
    expect([...days.tx]).toEqual([28, 0]);
    expect([...days.holdoutPurchases]).toEqual([0, 0]);
  });
});

describe('holdout errors and CLV', () => {
  it('computes MAE, RMSE and the aggregate error, and the naive rate baseline', () => {
    const figures = errorFigures([1, 2, 4], [1, 4, 1]);
    expect(figures.mae).toBeCloseTo(5 / 3, 12);
    expect(figures.rmse).toBeCloseTo(Math.sqrt(13 / 3), 12);
    expect(figures.aggregateError).toBeCloseTo((7 - 6) / 6, 12);
    expect([...naiveHoldoutPrediction([2, 0, 3], [10, 5, 0], 5)]).toEqual([1, 0, 0]);
  });

  it('discounts monthly increments of expected purchases times spend', () => {
    const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const history = { x: 3, tx: 20, T: 30 };
    // Independent: 12 monthly steps in weeks, annual 10% → monthly rate.
    const step = 30.4375 / 7;
    const monthly = 1.1 ** (30.4375 / 365.25) - 1;
    let expected = 0;
    for (let i = 1; i <= 12; i += 1) {
      const increment = conditionalExpectedPurchases(params, i * step, 3, 20, 30) - conditionalExpectedPurchases(params, (i - 1) * step, 3, 20, 30);
      expected += (increment * 50) / (1 + monthly) ** i;
    }
    expect(discountedClv(params, history, 50, { horizon: 12 * step, unitDays: 7, annualDiscountRate: 0.1 })).toBeCloseTo(expected, 10);
    // Without discounting, CLV is expected purchases over the horizon × spend.
    expect(discountedClv(params, history, 50, { horizon: 52, unitDays: 7, annualDiscountRate: 0 })).toBeCloseTo(conditionalExpectedPurchases(params, 52, 3, 20, 30) * 50, 10);
  });
});
