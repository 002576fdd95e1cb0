import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClvSummaryDto, ForecastDto, ModelRunDto, RulesPageDto } from '../../../../shared/contract/models';
import type { StoreManifest } from '../../generate';
import { clvSummary, forecast } from '../read/read-results';
import { readRules } from '../read/read-rules';
import { createTempBackend, type TempBackend } from '../../testing/temp-backend';

/**
 * The models against the generator's planted truth: a small demo store is generated and
 * imported through the real pipeline (`demo.create`), then each model job runs on it.
 */
let temp: TempBackend;
let manifest: StoreManifest;

beforeAll(async () => {
  temp = createTempBackend('storelens-planted-');
  await temp.backend.jobs.run('demo.create', { preset: 'small', seed: 42 });
  manifest = JSON.parse(readFileSync(path.join(temp.dir, 'landing-demo', 'manifest.json'), 'utf8')) as StoreManifest;
}, 300_000);
afterAll(async () => {
  await temp.dispose();
});

describe('models on a generated demo store', () => {
  it('finds every planted affinity set among the top rules', async () => {
    await temp.backend.jobs.run('model.rules', { minSupport: 0.002, minConfidence: 0.3, minLift: 1, maxLength: 3 });
    const sets = manifest.affinities.sets;
    expect(sets.length).toBeGreaterThan(0);
    const page: RulesPageDto = readRules(temp.backend.db, { sortBy: 'lift', limit: 1000, offset: 0 });
    // "Top" = the strongest 6 rules per planted set: a triple alone yields 3 rules at full length.
    const top = page.rules.slice(0, 6 * sets.length);
    for (const set of sets) {
      const found = top.some((rule) => [...rule.antecedent, rule.consequent].every((sku) => set.skus.includes(sku)));
      expect(found, `planted set ${set.skus.join('+')} among the top rules`).toBe(true);
    }
    // The rules' lifts are of the planted order of magnitude (intended lifts are 10–100).
    expect(top[0]!.lift).toBeGreaterThan(10);
  }, 120_000);

  it('forecasts daily revenue with a method that beats seasonal naive in the backtest', async () => {
    const outcome = await temp.backend.jobs.run('model.forecast', { grain: 'day' });
    expect((outcome.result as ModelRunDto).status).toBe('succeeded');
    const result = forecast(temp.backend.db, 'day') as ForecastDto;
    const naive = result.backtest.scores.find((s) => s.method === 'seasonal_naive')!;
    const chosen = result.backtest.scores.find((s) => s.method === result.chosenMethod)!;
    expect(chosen.smape).toBeLessThan(naive.smape);
    expect(result.beatsSeasonalNaive).toBe(true);
  }, 120_000);

  it('predicts holdout purchases better than the naive rate baseline', async () => {
    await temp.backend.jobs.run('model.clv', { timeUnit: 'days', calibrationEnd: '2024-09-30' });
    const summary = clvSummary(temp.backend.db) as ClvSummaryDto;
    expect(summary.holdout.model.mae).toBeLessThan(summary.holdout.baseline.mae);
    expect(summary.holdout.model.rmse).toBeLessThan(summary.holdout.baseline.rmse);
    expect(Math.abs(summary.holdout.model.aggregateError)).toBeLessThan(Math.abs(summary.holdout.baseline.aggregateError));
    expect(Math.abs(summary.holdout.model.aggregateError)).toBeLessThan(0.15);
    for (const p of summary.bgNbd.parameters) expect(p.standardError).not.toBeNull();
  }, 120_000);
});
