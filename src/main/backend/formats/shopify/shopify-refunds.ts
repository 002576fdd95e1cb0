import { fromUnits, toUnits } from '../values/money';

export interface RefundableLine {
  lineNo: number;
  quantity: number;
  /** What the customer paid for the line: gross − discount + tax, in 1/10,000 units. */
  paid: number;
}

export interface RefundPlan {
  returns: { lineNo: number; quantity: number }[];
  /** Refunded money that no whole unit accounts for (shipping refunds, goodwill partial refunds). */
  unplaced: number;
}

/**
 * How a Shopify refund becomes our return rows. The export gives one `Refunded Amount` per
 * order, no per-line refunds and no refund date, and our return rows carry whole units:
 * - Financial Status `refunded`: every unit of every line is returned (net revenue drops to 0,
 *   as in Shopify's reports);
 * - `partially_refunded`: whole units are returned line by line (most expensive unit first) while
 *   the refunded amount still covers a unit's paid price incl. its tax share; what is left (e.g. a
 *   refunded shipping fee or a goodwill credit below one unit's price) cannot be a return row and
 *   is reported as a warning, so it is never silently invented as a unit.
 */
export function planShopifyRefund(financialStatus: string, refundedAmount: string, lines: readonly RefundableLine[]): RefundPlan {
  const status = financialStatus.trim().toLowerCase();
  if (status === 'refunded') {
    return { returns: lines.filter((l) => l.quantity > 0).map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })), unplaced: 0 };
  }
  let remaining = refundedAmount ? toUnits(refundedAmount) : 0;
  if (status !== 'partially_refunded' || remaining <= 0) return { returns: [], unplaced: status === 'partially_refunded' ? remaining : 0 };
  const returns: { lineNo: number; quantity: number }[] = [];
  const byUnitPrice = [...lines].filter((l) => l.quantity > 0).sort((a, b) => b.paid / b.quantity - a.paid / a.quantity);
  const halfCent = 50;
  for (const line of byUnitPrice) {
    const unit = line.paid / line.quantity;
    if (unit <= 0) continue;
    const units = Math.min(line.quantity, Math.floor((remaining + halfCent) / unit));
    if (units <= 0) continue;
    returns.push({ lineNo: line.lineNo, quantity: units });
    remaining -= units * unit;
  }
  return { returns: returns.sort((a, b) => a.lineNo - b.lineNo), unplaced: Math.max(0, Math.round(remaining)) };
}

export function describeUnplacedRefund(orderId: string, unplaced: number, currency: string): string {
  return `order ${orderId}: ${fromUnits(unplaced)} ${currency} refunded without a whole unit to return (Shopify's export does not say what was refunded); the order keeps its full net revenue`;
}
