import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/events';
import { dispatch } from '../dispatch';
import { seedAnalyticsWarehouse } from '../api/testing/seed-star';
import type { StarFixture } from '../api/testing/star-fixture';
import type { GeneratedReport } from '../reports/generate-report';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import type { ExportResult } from './export-warehouse';

let temp: TempBackend;
let fixture: StarFixture;

beforeAll(() => {
  temp = createTempBackend('storelens-export-jobs-');
  fixture = seedAnalyticsWarehouse(temp.backend.db);
});
afterAll(async () => temp.dispose());

/** Starts a job through the contract (as the app's buttons do) and waits for its finished event. */
async function runThroughContract(method: string, args: unknown): Promise<unknown> {
  const finished = new Promise<unknown>((resolve, reject) => {
    const off = temp.backend.events.subscribe((event: AppEvent) => {
      if (event.name === 'job.finished') {
        off();
        resolve(event.payload.result);
      } else if (event.name === 'job.failed') {
        off();
        reject(new Error(event.payload.error.message));
      }
    });
  });
  const envelope = await dispatch(temp.backend, method, args);
  if (!envelope.ok) throw new Error(envelope.error.message);
  expect((envelope.value as { jobId: string }).jobId).toMatch(/.+/);
  return finished;
}

describe('export and report jobs in a worker', () => {
  it('exports.warehouse writes Parquet from the worker', async () => {
    const outDir = path.join(temp.dir, 'job-export');
    const result = (await runThroughContract('exports.warehouse', { outDir, format: 'parquet' })) as ExportResult;
    expect(result.files.find((f) => f.table === 'fct_orders')?.rows).toBe(fixture.orders.length);
    expect(existsSync(path.join(outDir, 'data-dictionary.md'))).toBe(true);
  });

  it('reports.export writes the memo for the requested period from the worker', async () => {
    const outDir = path.join(temp.dir, 'job-report');
    const report = (await runThroughContract('reports.export', { outDir, from: '2024-03-01', to: '2024-03-31' })) as GeneratedReport;
    expect(report.range).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(existsSync(report.htmlFile)).toBe(true);
    expect(report.pngFiles).toHaveLength(4);
  });

  it('refuses a report period that ends before it starts, naming from', async () => {
    const envelope = await dispatch(temp.backend, 'reports.export', { outDir: temp.dir, from: '2024-03-31', to: '2024-03-01' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.message).toMatch(/from/);
  });
});
