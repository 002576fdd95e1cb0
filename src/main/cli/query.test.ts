import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../shared/contract/analytics';
import { breakdown, overview, rebuildAllAnalyticsAggregates } from '../backend/analytics';
import { seedWarehouse } from '../backend/analytics/testing/fixture';
import { sampleStore } from '../backend/analytics/testing/sample-store';
import { openWarehouse } from '../backend/db/open';
import { warehousePathFor } from '../backend/paths';

const bin = path.resolve('bin/storelens.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'storelens-query-'));
const db = openWarehouse(warehousePathFor(dataDir));
seedWarehouse(db, sampleStore());
rebuildAllAnalyticsAggregates(db);
afterAll(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (...args: string[]): unknown => JSON.parse(execFileSync(process.execPath, [bin, '--data-dir', dataDir, 'query', ...args, '--json'], { encoding: 'utf8' }));

describe('storelens query', () => {
  it('prints a view with filters, equal to the engine function', () => {
    const printed = run('overview', '--from', '2024-02-01', '--to', '2024-03-31', '--region', 'North,South', '--channel', 'web');
    const engine = overview(db, FiltersSchema.parse({ from: '2024-02-01', to: '2024-03-31', region: ['North', 'South'], channel: ['web'] }));
    expect(printed).toEqual(engine);
    expect(engine.kpis.length).toBeGreaterThan(0);
  });

  it('passes view parameters with --arg', () => {
    const printed = run('breakdown', '--arg', 'dimension=channel', '--compare', 'none');
    expect(printed).toEqual(breakdown(db, FiltersSchema.parse({ compare: 'none' }), 'channel'));
  });

  it('--list names every view and its parameters', () => {
    const views = run('--list') as { view: string; params: { name: string }[] }[];
    expect(views.map((v) => v.view)).toContain('cohort-retention');
    expect(views.find((v) => v.view === 'breakdown')?.params.map((p) => p.name)).toEqual(['filters', 'dimension']);
  });
});
