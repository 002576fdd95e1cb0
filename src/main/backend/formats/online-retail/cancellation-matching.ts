import type { OnlineRetailRow } from './online-retail-rows';

export interface Purchase {
  orderId: string;
  lineNo: number;
  remaining: number;
  at: string;
}

/** customer id | stock code → that customer's purchase lines of the code. */
export type PurchaseIndex = Map<string, Purchase[]>;

export interface Cancellation {
  line: number;
  raw: string;
  row: OnlineRetailRow;
}

export interface MatchedReturn {
  orderId: string;
  lineNo: number;
  quantity: number;
  cancellation: Cancellation;
}

export interface Leftover {
  cancellation: Cancellation;
  quantity: number;
}

/**
 * Pairs each C-invoice line with the same customer's purchases of the same stock code made at or
 * before it, latest first, never returning more units than a line sold (a purchase line's
 * remaining units shrink as cancellations use them). Cancellations are taken in time order so
 * an early cancellation cannot use up a purchase a later one needed less. Units no purchase
 * covers are leftovers: guest cancellations, and purchases made before the file starts.
 */
export function matchCancellations(cancellations: readonly Cancellation[], purchases: PurchaseIndex): { returns: MatchedReturn[]; leftovers: Leftover[] } {
  const returns: MatchedReturn[] = [];
  const leftovers: Leftover[] = [];
  for (const list of purchases.values()) list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.lineNo - a.lineNo));
  const ordered = [...cancellations].sort((a, b) => (a.row.at < b.row.at ? -1 : a.row.at > b.row.at ? 1 : a.line - b.line));
  for (const cancellation of ordered) {
    let left = -cancellation.row.quantity;
    const candidates = cancellation.row.isGuest ? [] : (purchases.get(`${cancellation.row.customerId}|${cancellation.row.stockCode}`) ?? []);
    for (const purchase of candidates) {
      if (left === 0) break;
      if (purchase.at > cancellation.row.at || purchase.remaining === 0) continue;
      const take = Math.min(purchase.remaining, left);
      purchase.remaining -= take;
      left -= take;
      returns.push({ orderId: purchase.orderId, lineNo: purchase.lineNo, quantity: take, cancellation });
    }
    if (left > 0) leftovers.push({ cancellation, quantity: left });
  }
  return { returns, leftovers };
}
