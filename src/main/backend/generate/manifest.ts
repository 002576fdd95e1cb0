import type { NativeEntity } from '../../../shared/data-contract/native-format';
import type { PromoDay } from './calendar';
import type { AtRiskSku } from './inventory';
import type { InvalidCounts, InvalidKind } from './noise';
import type { ResolvedOptions } from './options';
import type { TasteSummary } from './taste';
import type { DailyTotals, MoneyTotals } from './truth';

/**
 * How the manifest's totals are defined: what a correct import pipeline must reproduce.
 * - An order COUNTS when its final status (latest ingested row) is not `cancelled` and it has paid_at.
 * - Its day is the UTC date of created_at; currencies are never added together.
 * - gross = Σ quantity × unit_price; discounts = Σ line_discount; taxes = Σ line_tax (never revenue);
 *   shipping per order; units = Σ quantity. All in integer cents.
 * - Refunds are booked on the UTC date of returned_at: round(line_net × returned_qty / line_qty) with
 *   line_net = quantity × unit_price − line_discount, only when returned_at ≤ delivered_at + 30 days;
 *   0 after that, and 0 when the order was never delivered.
 * - net = gross − discounts − refunds.
 */
export const TOTALS_DEFINITIONS = {
  counted: 'final status (latest ingested row per order_id) is not cancelled and paid_at is set',
  day: 'UTC date of created_at for orders; UTC date of returned_at for refunds',
  gross: 'sum of quantity × unit_price over the lines of counted orders, integer cents',
  discounts: 'sum of line_discount over the lines of counted orders',
  taxes: 'sum of line_tax over the lines of counted orders; never revenue',
  shipping: 'sum of order shipping over counted orders',
  units: 'sum of quantity over the lines of counted orders',
  refunds:
    'on the UTC date of returned_at: round(line_net × returned_qty / line_qty), line_net = quantity × unit_price − line_discount, only when returned_at ≤ delivered_at + 30 days; 0 otherwise and 0 if never delivered. Returns in the data are kept clear of the boundary (≤ 28 or ≥ 33 days)',
  net: 'gross − discounts − refunds',
  currency: 'totals are per currency; different currencies are never added',
  customers: 'distinct customer_id with at least one counted order',
} as const;

export const AT_RISK_RULE = {
  snapshot: 'end of each UTC day, after all movements dated that day',
  onHand: 'cumulative sum of quantity for kinds receipt, sale, adjustment, return (signed)',
  allocated: 'cumulative sum of quantity for kinds allocation, release (signed)',
  atRisk: 'on_hand − allocated < reorder_point of the product version valid that day (price changes keep the reorder point)',
  alert: 'an alert fires on each transition from not at risk to at risk',
} as const;

export interface AffinitySetTruth {
  skus: string[];
  /** Share of all orders that contain this set by design. */
  plantedOrderShare: number;
  /** support(set) / Π support(item), from the planted probabilities (approximate). */
  intendedLift: number;
  /** For triples: lift of the rule {first two} → third. */
  intendedRuleLift?: number;
}

export interface StoreManifest {
  formatVersion: 1;
  generator: 'storelens-synthetic-store';
  seed: number;
  options: ResolvedOptions;
  dateRange: { start: string; end: string; days: number; folders: string[] };
  definitions: typeof TOTALS_DEFINITIONS;
  models: {
    bgnbd: { r: number; alpha: number; a: number; b: number; timeUnit: 'day'; alphaBeforeCalibration: number; note: string };
    gammaGamma: { p: number; q: number; v: number; currency: 'USD'; note: string };
    buyers: number;
    signupOnlyCustomers: number;
    calibration: { targetLines: number | null; expectedOrders: number; writtenLines: number; writtenOrders: number };
  };
  seasonality: {
    weekdayFactors: number[];
    monthFactors: number[];
    hourWeights: number[];
    promos: PromoDay[];
    normalisation: number;
    note: string;
  };
  catalog: {
    products: number;
    categories: { name: string; products: number; returnRate: number }[];
    zipfExponent: number;
    priceChanges: { sku: string; date: string; listPrice: number }[];
  };
  affinities: { sets: AffinitySetTruth[]; plantedOrderShare: number; ordersWithASet: number };
  taste: TasteSummary & {
    lineShare: number;
    secondCategoryShare: number;
    secondCategoryLineShare: number;
    brandBoost: number;
    /** Lines written that came from the buyer's favourite categories, of all lines. */
    tasteLines: number;
    note: string;
  };
  regions: { code: string; country: string; currency: string; taxRate: number }[];
  channels: string[];
  segments: string[];
  inventory: { rule: typeof AT_RISK_RULE; atRiskSkus: AtRiskSku[]; atRiskSkuCount: number; alerts: number };
  reviews: { count: number; meanRatingReturnedLines: number; meanRatingKeptLines: number };
  injected: {
    duplicates: {
      total: number;
      byKind: Record<'status_update' | 'exact_repeat', number>;
      byFolder: Record<string, Partial<Record<'status_update' | 'exact_repeat', number>>>;
      note: string;
    };
    invalid: {
      total: number;
      rate: number;
      byKind: Partial<Record<InvalidKind, number>>;
      byEntity: InvalidCounts;
      byFolder: Record<string, InvalidCounts>;
      note: string;
    };
  };
  rows: { valid: Record<NativeEntity, number>; invalid: number };
  totals: {
    overallByCurrency: Record<string, MoneyTotals>;
    perDay: DailyTotals[];
    orders: { all: number; counted: number };
    customers: number;
    returns: { total: number; within30Days: number; after30Days: number; notDelivered: number };
  };
}
