import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelRunDto, RecommendMetrics } from '../../../../shared/contract/models';
import type { StoreManifest } from '../../generate';
import { createTempBackend, type TempBackend } from '../../testing/temp-backend';

/**
 * The generator plants individual taste (favourite categories and brands, manifest `taste`), so
 * on the small demo store, generated and imported through the real pipeline (`demo.create`),
 * the item-item recommender must beat the popularity baseline on the 30-day time split.
 */
let temp: TempBackend;
let manifest: StoreManifest;

beforeAll(async () => {
  temp = createTempBackend('storelens-taste-');
  await temp.backend.jobs.run('demo.create', { preset: 'small', seed: 42 });
  manifest = JSON.parse(readFileSync(path.join(temp.dir, 'landing-demo', 'manifest.json'), 'utf8')) as StoreManifest;
}, 300_000);
afterAll(async () => {
  await temp.dispose();
});

describe('recommendations on a generated store with planted taste', () => {
  it('beat the popularity baseline on hit rate@10 and precision@10', async () => {
    // The store does carry taste: most lines come from the buyers' favourite categories.
    expect(manifest.taste.tasteLines / manifest.models.calibration.writtenLines).toBeGreaterThan(0.5);

    const outcome = await temp.backend.jobs.run('model.recommend', {});
    const run = outcome.result as ModelRunDto;
    expect(run.status).toBe('succeeded');
    const metrics = run.metrics as unknown as RecommendMetrics;
    expect(metrics.k).toBe(10);
    expect(metrics.testCustomers).toBeGreaterThan(100);
    expect(metrics.hitRate).toBeGreaterThan(metrics.baselineHitRate);
    expect(metrics.precision).toBeGreaterThan(metrics.baselinePrecision);
    expect(metrics.beatsBaseline).toBe(true);
    // Item-item alone (no popularity blend) learns the taste too.
    expect(metrics.itemItemHitRate).toBeGreaterThan(metrics.baselineHitRate);
  }, 300_000);
});
