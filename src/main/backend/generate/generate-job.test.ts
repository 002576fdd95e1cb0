import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import type { GenerateSummary } from './generate-store';
import type { StoreManifest } from './manifest';

let temp: TempBackend | null = null;
afterEach(async () => {
  await temp?.dispose();
  temp = null;
});

describe('generate.store job', () => {
  it('runs in a worker, reports progress and returns the summary', async () => {
    temp = createTempBackend();
    const outDir = path.join(temp.dir, 'landing');
    const progress: number[] = [];
    const outcome = await temp.backend.jobs.run('generate.store', { outDir, customers: 200, products: 50, days: 20, seed: 4 }, (done) => progress.push(done));
    const summary = outcome.result as GenerateSummary;
    expect(summary.folders).toBe(20);
    expect(outcome.changedTables).toEqual([]);
    expect(progress.at(-1)).toBe(20);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as StoreManifest;
    expect(manifest.totals.orders.all).toBe(summary.orders);
    expect(existsSync(path.join(outDir, '2024-01-20', 'orders.csv'))).toBe(true);
  });

  it('rejects invalid options with a validation error', async () => {
    temp = createTempBackend();
    await expect(temp.backend.jobs.run('generate.store', { outDir: path.join(temp.dir, 'x'), customers: 3 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
