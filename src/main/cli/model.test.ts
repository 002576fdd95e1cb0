import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../backend/db/open';
import { insertFixture, simulateFixture, type Fixture } from '../backend/ml/testing/star-fixture';

const bin = path.resolve('bin/storelens.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'storelens-cli-model-'));
let fixture: Fixture;

beforeAll(() => {
  fixture = simulateFixture({ customers: 600, seed: 5 });
  const db = openWarehouse(path.join(dataDir, 'warehouse.sqlite'));
  insertFixture(db, fixture);
  db.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function storelens(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('storelens model', () => {
  it('rules --json prints the rule count and rules that pass the thresholds', () => {
    const out = storelens('model', 'rules', '--min-support', '0.005', '--min-confidence', '0.5', '--max-len', '2', '--json');
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as { ruleCount: number; total: number; rules: { antecedent: string[]; consequent: string; confidence: number; support: number }[]; run: { status: string; parameters: Record<string, unknown> } };
    expect(result.run.status).toBe('succeeded');
    expect(result.run.parameters).toMatchObject({ minSupport: 0.005, minConfidence: 0.5, maxLength: 2 });
    expect(result.ruleCount).toBe(result.total);
    expect(result.rules.some((r) => r.antecedent.join() === 'P000' && r.consequent === 'P001')).toBe(true);
    expect(result.rules.every((r) => r.confidence >= 0.5 && r.support >= 0.005 && r.antecedent.length === 1)).toBe(true);
    const human = storelens('model', 'rules', '--min-support', '0.005', '--min-confidence', '0.5');
    expect(human.stdout).toMatch(/^[\d,]+ rules from [\d,]+ baskets/);
  });

  it('clv prints parameters with standard errors, the log-likelihood and holdout errors', () => {
    const out = storelens('model', 'clv', '--calibration-end', '2024-06-30', '--time-unit', 'weeks', '--horizon', '26');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/log-likelihood -\d/);
    expect(out.stdout).toMatch(/alpha\s+[\d.]+\s+\(SE [\d.]+\)/);
    expect(out.stdout).toMatch(/BG\/NBD\s+MAE [\d.]+\s+RMSE [\d.]+/);
    expect(out.stdout).toMatch(/naive\s+MAE/);
  });

  it('recommend, segments and forecast run and print JSON', () => {
    const rec = JSON.parse(storelens('model', 'recommend', '--customer', 'C3', '--k', '5', '--json').stdout) as { customer: { items: unknown[] }; metrics: { k: number } };
    expect(rec.customer.items).toHaveLength(5);
    expect(rec.metrics.k).toBe(10);
    const seg = JSON.parse(storelens('model', 'segments', '--k', '4', '--json').stdout) as { segments: { k: number; segments: unknown[] } };
    expect(seg.segments.k).toBe(4);
    expect(seg.segments.segments).toHaveLength(4);
    const fc = JSON.parse(storelens('model', 'forecast', '--grain', 'month', '--horizon', '2', '--json').stdout) as { forecast: { grain: string; series: { rows: unknown[][] } } };
    expect(fc.forecast.grain).toBe('month');
    expect(fc.forecast.series.rows.filter((r) => r[1] === null)).toHaveLength(2);
  });

  it('exits 2 with a one-line message on a bad option', () => {
    const out = storelens('model', 'rules', '--min-support', 'lots');
    expect(out.status).toBe(2);
    expect(out.stderr.trim()).toBe('storelens: --min-support must be a valid number, got "lots".');
  });
});
