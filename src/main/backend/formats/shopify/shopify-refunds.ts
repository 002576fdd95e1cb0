import { fromUnits, toUnits } from '../values/money';

export interface RefundableLine {
  lineNo: number;
  quantity: number;
  /** What the customer paid for the line: gross − discount + tax, in 1/10,000 units. */
  paid: number;
  /** The line's net: gross − discount, in 1/10,000 units. */
  net: number;
}

export interface PlannedReturn {
  lineNo: number;
  quantity: number;
  /** Set when money beyond whole units was refunded on this line: the line's whole refund, net of tax. */
  statedNet?: number;
}

export interface RefundPlan {
  returns: PlannedReturn[];
  /** Refunded money (incl. tax) that neither whole units nor a line's remaining net can take. */
  unplaced: number;
}

/** The order's money the tax was charged on, to take tax back out of a refund. */
export interface OrderTaxBase {
  tax: number;
  shipping: number;
}

/**
 * How a Shopify refund becomes our return rows. The export gives one `Refunded Amount` per
 * order, no per-line refunds and no refund date, and our return rows carry whole units:
 * - Financial Status `refunded`: every unit of every line is returned (net revenue drops to 0,
 *   as in Shopify's reports);
 * - `partially_refunded`: whole units are returned line by line (most expensive unit first) while
 *   the refunded amount still covers a unit's paid price incl. its tax share; what is left (a
 *   goodwill credit below one unit's price) becomes a stated refund on one line, never an invented
 *   unit (see placeRemainder).
 */
export function planShopifyRefund(
  financialStatus: string,
  refundedAmount: string,
  lines: readonly RefundableLine[],
  order: OrderTaxBase = { tax: 0, shipping: 0 },
): RefundPlan {
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
  return placeRemainder(returns, lines, Math.max(0, Math.round(remaining)), order);
}

/**
 * Money left after whole units (a goodwill credit, a price adjustment) is still a refund the shop
 * paid. It is booked net of tax, at the order's effective tax rate (Shopify taxes shipping too), on
 * the line with the most net not yet refunded, so net sales drop by what the shop gave back.
 * Only what exceeds every line's remaining net stays unplaced (then it was likely shipping).
 */
function placeRemainder(units: readonly PlannedReturn[], lines: readonly RefundableLine[], remainder: number, order: OrderTaxBase): RefundPlan {
  const byLine = (a: PlannedReturn, b: PlannedReturn) => a.lineNo - b.lineNo;
  const returns = [...units].sort(byLine);
  if (remainder <= 0) return { returns, unplaced: 0 };
  const base = lines.reduce((sum, l) => sum + l.net, 0) + order.shipping;
  const taxRate = base > 0 ? order.tax / base : 0;
  const returnedUnits = (line: RefundableLine) => returns.find((r) => r.lineNo === line.lineNo)?.quantity ?? 0;
  const netLeft = (line: RefundableLine) => line.net - Math.round((line.net * returnedUnits(line)) / line.quantity);
  const target = lines.filter((l) => l.quantity > 0).sort((a, b) => netLeft(b) - netLeft(a) || a.lineNo - b.lineNo)[0];
  const extraNet = target ? Math.min(remainder / (1 + taxRate), netLeft(target)) : 0;
  if (!target || extraNet <= 0) return { returns, unplaced: remainder };
  // One row per line: the stated refund covers the line's returned units and the extra money.
  const stated = { lineNo: target.lineNo, quantity: returnedUnits(target), statedNet: target.net - netLeft(target) + extraNet };
  return {
    returns: [...returns.filter((r) => r.lineNo !== target.lineNo), stated].sort(byLine),
    unplaced: Math.max(0, Math.round(remainder - extraNet * (1 + taxRate))),
  };
}

export function describeUnplacedRefund(orderId: string, unplaced: number, currency: string): string {
  return `order ${orderId}: ${fromUnits(unplaced)} ${currency} refunded beyond what its lines' net amounts can take (perhaps shipping; Shopify's export does not say); it is not booked as a refund`;
}
