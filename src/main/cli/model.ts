import type { Command } from 'commander';
import type { ModelRunDto } from '../../shared/contract/models';
import { AppError } from '../../shared/result';
import type { Backend } from '../backend/backend';
import { boughtTogetherProducts, recommendForCustomer, recommendMetrics, similarProducts } from '../backend/ml/read/read-recommend';
import { clvSummary, forecast, segments } from '../backend/ml/read/read-results';
import { readRules } from '../backend/ml/read/read-rules';
import { printResult, stderrProgress, withBackend } from './cli-context';
import { formatClv, formatForecast, formatRecommend, formatRules, formatSegments } from './model-format';

/** A number option checked here, so a typo exits 2 with the option's name instead of NaN. */
function numberOption(name: string, value: string | undefined, check: (n: number) => boolean = Number.isFinite): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new AppError('VALIDATION', `--${name} must be a valid number, got "${value}".`, { option: name, value });
  return n;
}

async function train(backend: Backend, kind: string, params: Record<string, unknown>): Promise<ModelRunDto> {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const outcome = await backend.jobs.run(kind, clean, stderrProgress(kind));
  return outcome.result as ModelRunDto;
}

export function registerModel(program: Command): void {
  const model = program.command('model').description('train a model through the job runner and print its result (recommend, rules, clv, segments, forecast)');

  model
    .command('recommend')
    .description('item-item recommendations: evaluation vs popularity, and lookups for a customer or a product')
    .option('--customer <id>', 'top-N for this customer (without what they bought or what is out of stock)')
    .option('--product <sku>', 'similar products and products bought together with this SKU')
    .option('--k <n>', 'how many items to show', '10')
    .action(
      withBackend(async (backend, options, flags: { customer?: string; product?: string; k: string }) => {
        if (flags.customer && flags.product) throw new AppError('VALIDATION', 'Give either --customer or --product, not both.');
        const k = numberOption('k', flags.k, (n) => Number.isInteger(n) && n >= 1 && n <= 100)!;
        const run = await train(backend, 'model.recommend', {});
        const result = {
          run,
          metrics: recommendMetrics(backend.db),
          customer: flags.customer ? recommendForCustomer(backend.db, flags.customer, k, true) : null,
          similar: flags.product ? similarProducts(backend.db, flags.product, k) : null,
          boughtTogether: flags.product ? boughtTogetherProducts(backend.db, flags.product, k) : null,
        };
        printResult(options, result, () => formatRecommend(result));
      }),
    );

  model
    .command('rules')
    .description('market-basket rules by FP-growth (support as in R arules: count / baskets ≥ min support)')
    .option('--min-support <x>', 'minimum support, a share of baskets', '0.001')
    .option('--min-confidence <x>', 'minimum confidence', '0.8')
    .option('--min-lift <x>', 'minimum lift', '1')
    .option('--max-len <n>', 'largest itemset (antecedent + consequent)', '4')
    .option('--limit <n>', 'rules to print', '50')
    .action(
      withBackend(async (backend, options, flags: { minSupport: string; minConfidence: string; minLift: string; maxLen: string; limit: string }) => {
        const params = {
          minSupport: numberOption('min-support', flags.minSupport, (n) => n > 0 && n <= 1),
          minConfidence: numberOption('min-confidence', flags.minConfidence, (n) => n >= 0 && n <= 1),
          minLift: numberOption('min-lift', flags.minLift, (n) => n >= 0),
          maxLength: numberOption('max-len', flags.maxLen, (n) => Number.isInteger(n) && n >= 2 && n <= 10),
        };
        const limit = numberOption('limit', flags.limit, (n) => Number.isInteger(n) && n >= 1 && n <= 1000)!;
        const run = await train(backend, 'model.rules', params);
        const page = readRules(backend.db, { sortBy: 'lift', limit, offset: 0 });
        const result = { run, ruleCount: Number(run.metrics?.rules ?? page.total), ...page };
        printResult(options, result, () => formatRules(result));
      }),
    );

  model
    .command('clv')
    .description('historical and predictive CLV (BG/NBD + Gamma-Gamma) with a calibration/holdout check')
    .option('--calibration-end <date>', 'last day of the calibration period, YYYY-MM-DD (default: 26 weeks before the last order)')
    .option('--time-unit <unit>', 'days or weeks: the unit of recency, age, α, the holdout and the horizon', 'weeks')
    .option('--horizon <n>', 'prediction horizon in time units (default 52 weeks or 365 days)')
    .option('--discount-rate <x>', 'annual discount rate for CLV', '0.1')
    .action(
      withBackend(async (backend, options, flags: { calibrationEnd?: string; timeUnit: string; horizon?: string; discountRate: string }) => {
        if (flags.timeUnit !== 'days' && flags.timeUnit !== 'weeks') throw new AppError('VALIDATION', `--time-unit must be days or weeks, got "${flags.timeUnit}".`);
        const run = await train(backend, 'model.clv', {
          calibrationEnd: flags.calibrationEnd,
          timeUnit: flags.timeUnit,
          horizon: numberOption('horizon', flags.horizon, (n) => n > 0),
          annualDiscountRate: numberOption('discount-rate', flags.discountRate, (n) => n >= 0 && n <= 1),
        });
        const summary = clvSummary(backend.db, 10);
        printResult(options, { run, summary }, () => formatClv(summary));
      }),
    );

  model
    .command('segments')
    .description('RFM segments by k-means (k-means++, fixed seed); k chosen by silhouette unless given')
    .option('--k <n>', 'number of segments')
    .action(
      withBackend(async (backend, options, flags: { k?: string }) => {
        const run = await train(backend, 'model.segments', { k: numberOption('k', flags.k, (n) => Number.isInteger(n) && n >= 2 && n <= 12) });
        const result = segments(backend.db);
        printResult(options, { run, segments: result }, () => formatSegments(result));
      }),
    );

  model
    .command('forecast')
    .description('net revenue forecast: moving average, seasonal naive and Holt-Winters, best by rolling-origin backtest')
    .option('--grain <grain>', 'day or month', 'day')
    .option('--horizon <n>', 'steps ahead (default 30 days or 3 months)')
    .action(
      withBackend(async (backend, options, flags: { grain: string; horizon?: string }) => {
        if (flags.grain !== 'day' && flags.grain !== 'month') throw new AppError('VALIDATION', `--grain must be day or month, got "${flags.grain}".`);
        const run = await train(backend, 'model.forecast', { grain: flags.grain, horizon: numberOption('horizon', flags.horizon, (n) => Number.isInteger(n) && n >= 1 && n <= 366) });
        const result = forecast(backend.db, flags.grain);
        printResult(options, { run, forecast: result }, () => formatForecast(result));
      }),
    );
}
