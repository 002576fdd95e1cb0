import type { APIRequestContext } from '@playwright/test';
import { expect } from '@playwright/test';
import { E2E_DATA_DIR } from './constants';
import { invokeFromRequest } from './engine';

interface SystemInfo {
  isEmpty: boolean;
  jobKinds: string[];
  warehousePath: string;
}

interface JobRecord {
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  error: { message: string } | null;
}

/**
 * Makes sure the e2e warehouse holds a store before the page specs run. The shell spec runs
 * first (files run in name order) and needs the warehouse empty for onboarding.
 *
 * The real path is the app's own `demo.create` job (small preset), awaited through jobs.get.
 * Until that job kind is registered, the star-schema fixture of the API tests is written
 * straight into the warehouse file (WAL lets the server keep its read connection open).
 */
export async function ensureDemoStore(request: APIRequestContext): Promise<'existing' | 'demo.create' | 'star-fixture'> {
  const info = await invokeFromRequest<SystemInfo>(request, 'system.info', {});
  if (info.jobKinds.includes('demo.create')) {
    // Other specs import small files (the Shopify sample) first, so "not empty" is not "has the demo".
    const { runs } = await invokeFromRequest<{ runs: { source: string; status: string }[] }>(request, 'imports.listRuns', { limit: 1000 });
    if (runs.some((r) => r.source.includes('landing-demo') && r.status !== 'refused')) return 'existing';
    const { jobId } = await invokeFromRequest<{ jobId: string }>(request, 'jobs.start', { kind: 'demo.create', params: { preset: 'small', seed: 7 } });
    await expect
      .poll(async () => (await invokeFromRequest<JobRecord>(request, 'jobs.get', { jobId })).status, { timeout: 240_000, intervals: [500, 1000, 2000] })
      .toMatch(/succeeded|failed|cancelled/);
    const job = await invokeFromRequest<JobRecord>(request, 'jobs.get', { jobId });
    if (job.status !== 'succeeded') throw new Error(`demo.create ${job.status}: ${job.error?.message ?? ''}`);
    return 'demo.create';
  }
  if (!info.isEmpty) return 'existing';
  await seedStarFixture(info.warehousePath);
  return 'star-fixture';
}

async function seedStarFixture(warehousePath: string): Promise<void> {
  const [{ openWarehouse }, { seedStarFixture: seed }, { rebuildAllAnalyticsAggregates }] = await Promise.all([
    import('../../src/main/backend/db/open'),
    import('../../src/main/backend/api/testing/seed-star'),
    import('../../src/main/backend/analytics/aggregates/refresh'),
  ]);
  const db = openWarehouse(warehousePath);
  try {
    seed(db);
    rebuildAllAnalyticsAggregates(db);
  } finally {
    db.close();
  }
}

export { E2E_DATA_DIR };
