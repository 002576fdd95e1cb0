import type { NativeEntity } from '../../../shared/data-contract/native-format';
import type { Calendar } from './calendar';
import type { Catalog } from './catalog';
import { expectedLinesPerOrder, type Population } from './customers';
import type { Inventory } from './inventory';
import { AT_RISK_RULE, TOTALS_DEFINITIONS, type AffinitySetTruth, type StoreManifest } from './manifest';
import type { NoiseInjector } from './noise';
import type { OrderFactory } from './order-factory';
import type { ResolvedOptions } from './options';
import type { Tastes } from './taste';
import type { TruthLedger } from './truth';
import {
  AFFINITY_ORDER_SHARE,
  AFFINITY_PAIR_SHARE,
  BASE_BGNBD,
  CATEGORIES,
  CHANNELS,
  GAMMA_GAMMA,
  HOUR_WEIGHTS,
  MONTH_FACTORS,
  REGIONS,
  SEGMENTS,
  TASTE,
  WEEKDAY_FACTORS,
  ZIPF_EXPONENT,
} from './world';

export interface RunCounters {
  rows: Record<NativeEntity, number>;
  duplicatesByFolder: Record<string, Partial<Record<'status_update' | 'exact_repeat', number>>>;
  reviewRatings: { returnedSum: number; returnedCount: number; keptSum: number; keptCount: number };
}

export interface ManifestInputs {
  options: ResolvedOptions;
  calendar: Calendar;
  catalog: Catalog;
  population: Population;
  inventory: Inventory;
  ledger: TruthLedger;
  noise: NoiseInjector;
  factory: OrderFactory;
  tastes: Tastes;
  counters: RunCounters;
  alpha: number;
  expectedOrders: number;
  reorderPoint: Int32Array;
}

/**
 * Intended lift from the planted probabilities: an item is in an order through its set (share s)
 * or by popularity (≈ weight × mean lines); support(set) ≈ s + Π π. Approximate by design.
 */
function affinityTruth(catalog: Catalog): AffinitySetTruth[] {
  const pairs = catalog.affinitySets.filter((s) => s.length === 2).length;
  const triples = catalog.affinitySets.filter((s) => s.length === 3).length;
  const lines = expectedLinesPerOrder();
  return catalog.affinitySets.map((set) => {
    const share = set.length === 2 ? (AFFINITY_ORDER_SHARE * AFFINITY_PAIR_SHARE) / pairs : (AFFINITY_ORDER_SHARE * (1 - AFFINITY_PAIR_SHARE)) / triples;
    const chance = set.map((p) => Math.min(1, (catalog.weights[p] as number) * lines));
    const product = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);
    const support = share + product(chance);
    const itemSupport = chance.map((c) => share + c);
    const truth: AffinitySetTruth = {
      skus: set.map((p) => catalog.skus[p] as string),
      plantedOrderShare: share,
      intendedLift: support / product(itemSupport),
    };
    if (set.length === 3) {
      const pairSupport = share + (chance[0] as number) * (chance[1] as number);
      truth.intendedRuleLift = support / (pairSupport * (itemSupport[2] as number));
    }
    return truth;
  });
}

export function buildManifest(input: ManifestInputs): StoreManifest {
  const { options, calendar, catalog, population, inventory, ledger, noise, factory, counters } = input;
  const invalid = noise.totals();
  const byFolder = Object.fromEntries(Object.entries(noise.byFolder).filter(([, counts]) => Object.keys(counts).length > 0));
  const duplicateKinds = { status_update: 0, exact_repeat: 0 };
  for (const folder of Object.values(counters.duplicatesByFolder)) {
    duplicateKinds.status_update += folder.status_update ?? 0;
    duplicateKinds.exact_repeat += folder.exact_repeat ?? 0;
  }
  const buyers = population.isBuyer.reduce((a, b) => a + b, 0);
  const atRisk = inventory.atRiskSkus();
  const perCategory = CATEGORIES.map((c, index) => ({ name: c.name, products: catalog.categories.filter((x) => x === index).length, returnRate: c.returnRate }));
  const ratings = counters.reviewRatings;
  return {
    formatVersion: 1,
    generator: 'storelens-synthetic-store',
    seed: options.seed,
    options,
    dateRange: { start: calendar.dateKeys[0] as string, end: calendar.dateKeys[calendar.days - 1] as string, days: calendar.days, folders: calendar.dateKeys.slice(0, calendar.days) },
    definitions: TOTALS_DEFINITIONS,
    models: {
      bgnbd: {
        r: BASE_BGNBD.r,
        alpha: input.alpha,
        a: BASE_BGNBD.a,
        b: BASE_BGNBD.b,
        timeUnit: 'day',
        alphaBeforeCalibration: BASE_BGNBD.alpha,
        note: 'λ ~ Gamma(shape r, rate alpha) purchases per day on the seasonal clock (seasonality normalised to mean 1); p ~ Beta(a, b) dropout right after each REPEAT purchase, never at the first purchase (the birth), as in the BG/NBD likelihood (Fader, Hardie & Lee 2005, eq. 6): P(inactive at the birth) = 0. Signup-only customers are outside the process. Time is continuous; two orders can fall on one day. To recover the planted values, read timestamps on the seasonal clock (see seasonality); fitted on calendar days, the November–December bunching reads as extra dropout heterogeneity (a, b come out ~15–25% low).',
      },
      gammaGamma: {
        ...GAMMA_GAMMA,
        currency: 'USD',
        note: 'order value target z ~ Gamma(shape p, rate ν), ν ~ Gamma(shape q, rate v); quantities scale each basket towards z (never below 1 per line), so realised gross follows z approximately. Other currencies use fixed FX rates.',
      },
      buyers,
      signupOnlyCustomers: population.count - buyers,
      calibration: { targetLines: options.lines, expectedOrders: input.expectedOrders, writtenLines: factory.stats.lines, writtenOrders: ledger.ordersAll },
    },
    seasonality: {
      weekdayFactors: WEEKDAY_FACTORS,
      monthFactors: MONTH_FACTORS,
      hourWeights: HOUR_WEIGHTS,
      promos: calendar.promos,
      normalisation: calendar.normalisation,
      note: 'daily intensity = weekday factor (Monday first) × month factor (January first) × promo boost, divided by normalisation so the mean over the horizon is 1; hours are UTC.',
    },
    catalog: {
      products: catalog.count,
      categories: perCategory,
      zipfExponent: ZIPF_EXPONENT,
      priceChanges: catalog.priceChanges.map((c) => ({ sku: catalog.skus[c.product] as string, date: calendar.dateKeys[c.day] as string, listPrice: c.listCents / 100 })),
    },
    affinities: { sets: affinityTruth(catalog), plantedOrderShare: AFFINITY_ORDER_SHARE, ordersWithASet: factory.stats.affinityOrders },
    taste: {
      ...TASTE,
      ...input.tastes.summary(),
      tasteLines: factory.stats.tasteLines,
      note: 'each buyer has a first favourite category (drawn by category weight), with probability secondCategoryShare a second one, and a favourite brand in each (uniform among the category brands), drawn once from a seeded stream. A basket line outside the planted affinity set comes with probability lineShare from a favourite category (the second with probability secondCategoryLineShare), where products weigh their Zipf weight × brandBoost for the favourite brand; otherwise from the store-wide popularity. Averaged over buyers, popularity stays Zipf within categories.',
    },
    regions: REGIONS.map((r) => ({ code: r.code, country: r.country, currency: r.currency, taxRate: r.taxRate })),
    channels: [...CHANNELS],
    segments: [...SEGMENTS],
    inventory: { rule: AT_RISK_RULE, atRiskSkus: atRisk, atRiskSkuCount: atRisk.length, alerts: inventory.totalAlerts() },
    reviews: {
      count: ratings.returnedCount + ratings.keptCount,
      meanRatingReturnedLines: ratings.returnedCount > 0 ? ratings.returnedSum / ratings.returnedCount : 0,
      meanRatingKeptLines: ratings.keptCount > 0 ? ratings.keptSum / ratings.keptCount : 0,
    },
    injected: {
      duplicates: {
        total: duplicateKinds.status_update + duplicateKinds.exact_repeat,
        byKind: duplicateKinds,
        byFolder: counters.duplicatesByFolder,
        note: 'orders rows re-sent in a later folder: status_update carries the state at the end of that day (later timestamps, later updated_at); exact_repeat repeats the last sent row unchanged. order_items are written once, with the first appearance of the order.',
      },
      invalid: {
        total: invalid.total,
        rate: noise.rate,
        byKind: invalid.byKind,
        byEntity: invalid.byEntity,
        byFolder,
        note: 'extra rows, never corrupted real rows. All kinds fail the native zod schemas except orphan_fk, which is well-formed but references an order_id or sku that never exists. Invalid keys carry an X prefix (O-X…, SKU-X…, R-X…, C-X…).',
      },
    },
    rows: { valid: counters.rows, invalid: invalid.total },
    totals: {
      overallByCurrency: ledger.byCurrency(),
      perDay: ledger.daily(),
      orders: { all: ledger.ordersAll, counted: ledger.ordersCounted },
      customers: ledger.customersWithCountedOrder(),
      returns: {
        total: ledger.returnsWithin30Days + ledger.returnsAfter30Days + ledger.returnsNotDelivered,
        within30Days: ledger.returnsWithin30Days,
        after30Days: ledger.returnsAfter30Days,
        notDelivered: ledger.returnsNotDelivered,
      },
    },
  };
}
