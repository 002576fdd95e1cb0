import { describe, expect, it } from 'vitest';
import { toUnits } from '../values/money';
import { planShopifyRefund, type RefundableLine } from './shopify-refunds';

/** A line without tax or discount: paid = net = quantity × price. */
function line(lineNo: number, quantity: number, price: string): RefundableLine {
  const net = quantity * toUnits(price);
  return { lineNo, quantity, paid: net, net };
}

describe('planShopifyRefund', () => {
  it('returns every unit of a fully refunded order', () => {
    const plan = planShopifyRefund('refunded', '50.00', [line(1, 2, '15.00'), line(2, 1, '20.00')]);
    expect(plan).toEqual({ returns: [{ lineNo: 1, quantity: 2 }, { lineNo: 2, quantity: 1 }], unplaced: 0 });
  });

  it('places whole units first, then books the rest as a stated refund on the line with most net left', () => {
    // 25.00 refunded: no 30.00 bowl fits, one 20.00 cup does; 5.00 remains, and the bowl has 30.00 net left.
    const plan = planShopifyRefund('partially_refunded', '25.00', [line(1, 1, '30.00'), line(2, 1, '20.00')]);
    expect(plan.unplaced).toBe(0);
    expect(plan.returns).toEqual([
      { lineNo: 1, quantity: 0, statedNet: toUnits('5.00') },
      { lineNo: 2, quantity: 1 },
    ]);
  });

  it('merges the rest into the line that already returns units, so one row states the line refund', () => {
    // Two 20.00 cups, 30.00 refunded: one cup (20.00) plus 10.00 on the same line = 30.00 stated.
    const plan = planShopifyRefund('partially_refunded', '30.00', [line(1, 2, '20.00')]);
    expect(plan).toEqual({ returns: [{ lineNo: 1, quantity: 1, statedNet: toUnits('30.00') }], unplaced: 0 });
  });

  it('takes the order tax back out at the effective rate, shipping included in the taxed base', () => {
    // 35.00 line + 4.90 shipping taxed 2.39 in all: 10.60 refunded is 10.00 net (to the cent).
    const taxed: RefundableLine = { lineNo: 1, quantity: 1, net: toUnits('35.00'), paid: toUnits('37.39') };
    const plan = planShopifyRefund('partially_refunded', '10.60', [taxed], { tax: toUnits('2.39'), shipping: toUnits('4.90') });
    expect(plan.unplaced).toBe(0);
    expect(plan.returns).toHaveLength(1);
    expect(Math.round(plan.returns[0]!.statedNet! / 100)).toBe(1000);
  });

  it('leaves unplaced only what exceeds every line net, which it reports instead of inventing', () => {
    // Two units of 10.00; 25.00 refunded (say 5.00 of shipping too): both units come back, 5.00 is left.
    const plan = planShopifyRefund('partially_refunded', '25.00', [line(1, 2, '10.00')]);
    expect(plan).toEqual({ returns: [{ lineNo: 1, quantity: 2 }], unplaced: toUnits('5.00') });
  });

  it('books nothing for statuses without a refund', () => {
    expect(planShopifyRefund('paid', '', [line(1, 1, '10.00')])).toEqual({ returns: [], unplaced: 0 });
  });
});
