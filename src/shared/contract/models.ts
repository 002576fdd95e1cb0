import { z } from 'zod';
import { method } from './define';

/**
 * Models: recommendations, basket rules, predictive CLV, segments and forecasts. Training runs
 * as jobs (kinds `model.recommend`, `model.rules`, `model.clv`, `model.segments`,
 * `model.forecast`, started with `jobs.start`); these methods read the latest successful run.
 * Money is in currency units of `currency`; every result carries its run id.
 */
export const MODEL_NAMES = ['recommend', 'rules', 'clv', 'segments', 'forecast'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export type ModelRunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ModelRunDto {
  runId: number;
  model: ModelName;
  variant: string;
  status: ModelRunStatus;
  parameters: Record<string, unknown>;
  dataFingerprint: string;
  /** True when the warehouse changed since this run: the UI offers to retrain. */
  isStale: boolean;
  createdAt: string;
  finishedAt: string | null;
  appVersion: string;
  metrics: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
}

// ---- recommendations ----------------------------------------------------------------
export interface RecommendMetrics {
  cutoffDate: string;
  testDays: number;
  testCustomers: number;
  k: number;
  hitRate: number;
  precision: number;
  baselineHitRate: number;
  baselinePrecision: number;
  beatsBaseline: boolean;
  /** Weight w of the popularity prior in the shipped blend, chosen on the validation window. */
  popularityWeight: number;
  /** Hit rate and precision of each weight tried, on the validation window before the test. */
  validation: { weight: number; hitRate: number; precision: number; customers: number }[];
  /** The same test with item-item scores alone (w = 0), for comparison. */
  itemItemHitRate: number;
  itemItemPrecision: number;
  products: number;
  customers: number;
}

export interface ProductScoreDto {
  sku: string;
  name: string | null;
  category: string | null;
  score: number;
  /** Customers (similar products) or orders (bought together) the pair shares. */
  common: number | null;
  lift: number | null;
  /** For customer recommendations: neighbour-based, or a best seller filling up a short list. */
  source?: 'item-item' | 'popularity';
}

export interface ProductNeighborsDto {
  runId: number;
  sku: string;
  items: ProductScoreDto[];
}

export interface CustomerRecommendationsDto {
  runId: number;
  customerId: string;
  /** 'popularity' when no item came from the neighbour lists (e.g. a customer without history). */
  basis: 'item-item' | 'popularity';
  purchasedSkus: number;
  excludedOutOfStock: number;
  items: ProductScoreDto[];
}

// ---- basket rules -------------------------------------------------------------------
export interface RuleDto {
  antecedent: string[];
  consequent: string;
  antecedentNames: (string | null)[];
  consequentName: string | null;
  baskets: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface RulesPageDto {
  runId: number;
  transactions: number;
  /** Rules matching the filter, before limit/offset. */
  total: number;
  rules: RuleDto[];
}

// ---- CLV ----------------------------------------------------------------------------
export interface ParameterEstimateDto {
  name: string;
  estimate: number;
  /** Null when the Hessian was not invertible (a flat likelihood in that direction). */
  standardError: number | null;
}

export interface FitDto {
  parameters: ParameterEstimateDto[];
  logLikelihood: number;
  customers: number;
}

export interface ErrorFiguresDto {
  mae: number;
  rmse: number;
  predictedTotal: number;
  actualTotal: number;
  /** (predicted − actual) / actual over all customers. */
  aggregateError: number;
}

export interface ClvSummaryDto {
  runId: number;
  currency: string;
  timeUnit: 'days' | 'weeks';
  calibrationEnd: string;
  endDate: string;
  holdoutLength: number;
  horizon: number;
  annualDiscountRate: number;
  calibrationFit: FitDto;
  bgNbd: FitDto;
  gammaGamma: FitDto;
  holdout: { customers: number; model: ErrorFiguresDto; baseline: ErrorFiguresDto; baselineLabel: string };
  customers: number;
  historicalRevenue: number;
  predictedClv: number;
  meanPAlive: number;
  frequencyMonetaryCorrelation: number;
  topCustomers: CustomerClvDto[];
}

export interface CustomerClvDto {
  customerId: string;
  /** From dim_customer; null for a guest or a customer without a name. */
  name: string | null;
  frequency: number;
  recency: number;
  age: number;
  historicalRevenue: number;
  meanRepeatSpend: number | null;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  clv: number;
  holdoutPredicted: number | null;
  holdoutActual: number | null;
}

// ---- segments -----------------------------------------------------------------------
export interface SegmentDto {
  cluster: number;
  name: string;
  size: number;
  customerShare: number;
  revenueShare: number;
  meanRecencyDays: number;
  meanFrequency: number;
  meanMonetary: number;
  /** Centroid in standardised log-RFM space (z-scores): what the name was derived from. */
  centroid: { recency: number; frequency: number; monetary: number };
}

export interface SegmentsDto {
  runId: number;
  currency: string;
  referenceDate: string;
  k: number;
  silhouettes: { k: number; silhouette: number }[];
  segments: SegmentDto[];
}

// ---- forecasts ----------------------------------------------------------------------
export type ForecastGrain = 'day' | 'month';

export interface ForecastMethodScoreDto {
  method: string;
  label: string;
  mape: number | null;
  smape: number;
}

export interface ForecastDto {
  runId: number;
  grain: ForecastGrain;
  currency: string;
  chosenMethod: string;
  chosenLabel: string;
  backtest: { horizon: number; folds: number; scores: ForecastMethodScoreDto[] };
  beatsSeasonalNaive: boolean | null;
  /** Columnar, ready for an ECharts dataset: date, actual (history) or forecast with intervals. */
  series: { columns: ['date', 'actual', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95']; rows: (string | number | null)[][] };
}

const modelName = z.enum(MODEL_NAMES);
const sku = z.string().min(1);

export const modelsContract = {
  'models.latestRun': method<ModelRunDto | null>()(z.object({ model: modelName, variant: z.string().optional() }).strict()),
  'models.runs': method<ModelRunDto[]>()(z.object({ model: modelName.optional(), limit: z.number().int().min(1).max(200).default(20) }).strict()),
  'models.recommendForCustomer': method<CustomerRecommendationsDto>()(
    z.object({ customerId: z.string().min(1), k: z.number().int().min(1).max(100).default(10), excludeOutOfStock: z.boolean().default(true) }).strict(),
  ),
  'models.similarProducts': method<ProductNeighborsDto>()(z.object({ sku, k: z.number().int().min(1).max(100).default(10) }).strict()),
  'models.boughtTogether': method<ProductNeighborsDto>()(z.object({ sku, k: z.number().int().min(1).max(100).default(10) }).strict()),
  'models.recommendMetrics': method<(RecommendMetrics & { runId: number }) | null>()(z.object({}).strict()),
  'models.rules': method<RulesPageDto>()(
    z
      .object({
        minSupport: z.number().min(0).max(1).optional(),
        minConfidence: z.number().min(0).max(1).optional(),
        minLift: z.number().min(0).optional(),
        maxLength: z.number().int().min(2).optional(),
        /** Only rules that mention this SKU on either side. */
        sku: z.string().min(1).optional(),
        sortBy: z.enum(['lift', 'confidence', 'support']).default('lift'),
        limit: z.number().int().min(1).max(1000).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'models.clvSummary': method<ClvSummaryDto | null>()(z.object({}).strict()),
  'models.customerClv': method<CustomerClvDto | null>()(z.object({ customerId: z.string().min(1) }).strict()),
  'models.segments': method<SegmentsDto | null>()(z.object({}).strict()),
  'models.forecast': method<ForecastDto | null>()(z.object({ grain: z.enum(['day', 'month']).default('day') }).strict()),
};
