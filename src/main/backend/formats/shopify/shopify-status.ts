import type { OrderStatus } from '../native-record';

/**
 * Shopify's Financial Status + Fulfillment Status + Cancelled at → our order state.
 * - a cancelled or voided order is `cancelled` (not counted, so its refund needs no return rows);
 * - `refunded` (and not cancelled) is `returned`: every line comes back (see refunds.ts);
 * - pending / authorized / partially_paid / unpaid / expired are `created`: no money yet;
 * - paid and partially_refunded are `fulfilled` when the order shipped, else `paid`.
 */
export function shopifyOrderStatus(financial: string, fulfillment: string, cancelledAt: string): OrderStatus {
  const money = financial.trim().toLowerCase();
  if (cancelledAt !== '' || money === 'voided') return 'cancelled';
  if (money === 'refunded') return 'returned';
  if (['pending', 'authorized', 'partially_paid', 'unpaid', 'expired'].includes(money)) return 'created';
  return fulfillment.trim().toLowerCase() === 'fulfilled' ? 'fulfilled' : 'paid';
}

/**
 * Source → channel code: `web`, `pos`, `shopify_draft_order`, `iphone`… stay as Shopify wrote them
 * (lower-cased); a numeric source is a sales-channel app's id and becomes `app-<id>`.
 */
export function shopifyChannel(source: string): string {
  const value = source.trim().toLowerCase();
  if (value === '') return 'shopify';
  if (/^\d+$/.test(value)) return `app-${value}`;
  return value.replace(/\s+/g, '_');
}

/** Tips, gratuities and gift cards are money through the checkout, not products sold. */
export function isShopifyNonProduct(name: string, requiresShipping: string): boolean {
  if (/^(tip|tips|gratuity|trinkgeld|gorjeta|propina|pourboire)$/i.test(name.trim())) return true;
  return requiresShipping.trim().toLowerCase() === 'false' && /gift ?card|cart[aã]o[- ]presente|tarjeta regalo|gutschein/i.test(name);
}

/** Excel-safe Shopify cells like `'02139` keep a leading apostrophe that is not part of the value. */
export function stripExcelApostrophe(value: string): string {
  return /^'[\d+]/.test(value) ? value.slice(1) : value;
}
