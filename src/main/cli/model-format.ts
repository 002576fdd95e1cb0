import type { ClvSummaryDto, ForecastDto, ProductNeighborsDto, RecommendMetrics, RulesPageDto, SegmentsDto, CustomerRecommendationsDto } from '../../shared/contract/models';

/** Human text for `storelens model …`; --json prints the same data as JSON instead. */
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function productList(title: string, list: ProductNeighborsDto | CustomerRecommendationsDto | null): string[] {
  if (!list) return [];
  return [title, ...(list.items.length === 0 ? ['  (none)'] : list.items.map((i, n) => `  ${String(n + 1).padStart(2)}. ${i.sku.padEnd(14)} ${(i.name ?? '').slice(0, 36).padEnd(36)} ${num(i.score, 3)}`))];
}

export function formatRecommend(r: {
  metrics: (RecommendMetrics & { runId: number }) | null;
  customer: CustomerRecommendationsDto | null;
  similar: ProductNeighborsDto | null;
  boughtTogether: ProductNeighborsDto | null;
}): string {
  const m = r.metrics;
  return [
    m
      ? `run ${m.runId}: ${m.products} products × ${m.customers} customers; test = after ${m.cutoffDate} (${m.testCustomers} customers)\n` +
        `hit rate@${m.k}:  model ${pct(m.hitRate)}  vs popularity ${pct(m.baselineHitRate)}\n` +
        `precision@${m.k}: model ${pct(m.precision)}  vs popularity ${pct(m.baselinePrecision)}  ${m.beatsBaseline ? '(beats the baseline)' : '(does NOT beat the baseline)'}`
      : '',
    ...productList(`recommended for ${r.customer?.customerId} (${r.customer?.basis}, ${r.customer?.excludedOutOfStock} out-of-stock SKUs left out):`, r.customer),
    ...productList(`similar to ${r.similar?.sku}:`, r.similar),
    ...productList(`bought together with ${r.boughtTogether?.sku}:`, r.boughtTogether),
  ]
    .filter(Boolean)
    .join('\n');
}

export function formatRules(r: RulesPageDto & { ruleCount: number }): string {
  return [
    `${r.ruleCount.toLocaleString('en-US')} rules from ${r.transactions.toLocaleString('en-US')} baskets (run ${r.runId})`,
    `${'rule'.padEnd(48)} ${'support'.padStart(8)} ${'conf.'.padStart(7)} ${'lift'.padStart(7)}`,
    ...r.rules.map((rule) => `${`{${rule.antecedent.join(', ')}} => {${rule.consequent}}`.padEnd(48)} ${num(rule.support, 4).padStart(8)} ${num(rule.confidence, 3).padStart(7)} ${num(rule.lift, 2).padStart(7)}`),
  ].join('\n');
}

export function formatClv(s: ClvSummaryDto | null): string {
  if (!s) return 'no CLV run';
  const params = (fit: ClvSummaryDto['bgNbd']) => fit.parameters.map((p) => `  ${p.name.padEnd(6)} ${num(p.estimate, 4).padStart(12)}  (SE ${p.standardError === null ? 'n/a' : num(p.standardError, 4)})`);
  const errors = (label: string, e: ClvSummaryDto['holdout']['model']) =>
    `  ${label.padEnd(10)} MAE ${num(e.mae, 3)}  RMSE ${num(e.rmse, 3)}  predicted ${num(e.predictedTotal, 0)} vs actual ${num(e.actualTotal, 0)} (${pct(e.aggregateError)})`;
  return [
    `run ${s.runId}, ${s.currency}, time unit ${s.timeUnit}; calibration to ${s.calibrationEnd}, holdout ${num(s.holdoutLength, 1)} ${s.timeUnit} to ${s.endDate}`,
    `BG/NBD on the calibration period (${s.calibrationFit.customers} customers), log-likelihood ${num(s.calibrationFit.logLikelihood, 2)}:`,
    ...params(s.calibrationFit),
    `BG/NBD on all data (${s.bgNbd.customers} customers), log-likelihood ${num(s.bgNbd.logLikelihood, 2)}:`,
    ...params(s.bgNbd),
    `Gamma-Gamma (${s.gammaGamma.customers} repeat customers), log-likelihood ${num(s.gammaGamma.logLikelihood, 2)}; corr(frequency, spend) ${num(s.frequencyMonetaryCorrelation, 3)}:`,
    ...params(s.gammaGamma),
    `holdout purchases per customer (${s.holdout.customers} customers):`,
    errors('BG/NBD', s.holdout.model),
    errors('naive', s.holdout.baseline),
    `historical revenue ${num(s.historicalRevenue)}; predicted CLV over ${s.horizon} ${s.timeUnit} ${num(s.predictedClv)} (discount ${pct(s.annualDiscountRate)}/yr); mean P(alive) ${pct(s.meanPAlive)}`,
  ].join('\n');
}

export function formatSegments(s: SegmentsDto | null): string {
  if (!s) return 'no segments run';
  return [
    `run ${s.runId}: k = ${s.k}; silhouette ${s.silhouettes.map((x) => `k=${x.k}: ${num(x.silhouette, 3)}`).join(', ')}`,
    `${'segment'.padEnd(18)} ${'size'.padStart(7)} ${'revenue'.padStart(8)} ${'recency d'.padStart(10)} ${'orders'.padStart(7)} ${`spend ${s.currency}`.padStart(12)}`,
    ...s.segments.map((g) => `${g.name.padEnd(18)} ${String(g.size).padStart(7)} ${pct(g.revenueShare).padStart(8)} ${num(g.meanRecencyDays, 0).padStart(10)} ${num(g.meanFrequency, 1).padStart(7)} ${num(g.meanMonetary).padStart(12)}`),
  ].join('\n');
}

export function formatForecast(f: ForecastDto | null): string {
  if (!f) return 'no forecast run';
  const future = f.series.rows.filter((r) => r[1] === null);
  return [
    `run ${f.runId}: ${f.grain} net revenue in ${f.currency}; backtest ${f.backtest.folds} origins × ${f.backtest.horizon} ${f.grain}s`,
    ...f.backtest.scores.map((s) => `  ${s.label.padEnd(44)} MAPE ${s.mape === null ? 'n/a' : `${num(s.mape, 1)}%`}  sMAPE ${num(s.smape, 1)}%${s.method === f.chosenMethod ? '  ← chosen' : ''}`),
    `chosen: ${f.chosenLabel}${f.beatsSeasonalNaive === null ? '' : f.beatsSeasonalNaive ? ' (beats seasonal naive)' : ' (does not beat seasonal naive)'}`,
    `${'date'.padEnd(12)} ${'forecast'.padStart(12)} ${'80% interval'.padStart(26)} ${'95% interval'.padStart(26)}`,
    ...future.map((r) => `${String(r[0]).padEnd(12)} ${num(Number(r[2])).padStart(12)} ${`${num(Number(r[3]))} – ${num(Number(r[4]))}`.padStart(26)} ${`${num(Number(r[5]))} – ${num(Number(r[6]))}`.padStart(26)}`),
  ].join('\n');
}
