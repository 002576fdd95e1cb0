import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve('bin/storelens.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'storelens-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('storelens CLI', () => {
  it('lists its subcommands in --help', () => {
    const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help).toContain('doctor');
    expect(help).toContain('--data-dir');
  });

  it('doctor --json reports the schema version and row counts of a fresh warehouse', () => {
    const out = execFileSync(process.execPath, [bin, 'doctor', '--json', '--data-dir', dataDir], { encoding: 'utf8' });
    const report = JSON.parse(out) as { schemaVersion: number; latestSchemaVersion: number; warehousePath: string; tables: { table: string; rows: number }[] };
    expect(report.schemaVersion).toBe(report.latestSchemaVersion);
    expect(report.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(report.warehousePath).toBe(path.join(dataDir, 'warehouse.sqlite'));
    expect(report.tables.find((t) => t.table === 'fct_orders')).toEqual({ table: 'fct_orders', rows: 0 });
  });

  it('exits non-zero with a one-line error when the warehouse is not SQLite', () => {
    const badDir = path.join(dataDir, 'bad');
    execFileSync('mkdir', ['-p', badDir]);
    execFileSync('sh', ['-c', `echo 'not a database at all, just text that is long enough' > ${path.join(badDir, 'warehouse.sqlite')}`]);
    const result = spawnSync(process.execPath, [bin, 'doctor', '--data-dir', badDir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^storelens: .*not a SQLite database/);
  });
});

describe('storelens import exit codes', () => {
  const importDir = mkdtempSync(path.join(tmpdir(), 'storelens-cli-import-'));
  afterAll(() => rmSync(importDir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, 'import', '--data-dir', path.join(importDir, 'wh'), ...args], { encoding: 'utf8' });

  it('exits 2 and names the file and the missing column when a file is refused', () => {
    const file = path.join(importDir, 'orders.csv');
    writeFileSync(file, 'order_id,customer_id,channel,created_at,paid_at,fulfilled_at,delivered_at,cancelled_at,currency,subtotal,discount,tax,shipping,total,updated_at\n');
    const result = run(file);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/refused .*orders\.csv: .*line 1: the header lacks required orders column status/);
  });

  it('exits 2 when one file of several is refused, though the others load', () => {
    const good = path.join(importDir, 'customers.csv');
    writeFileSync(good, 'customer_id,email,name,region,country,city,signup_date,segment,acquisition_channel,updated_at\nC-1,a@example.com,Ann,us-east,US,Boston,2024-01-01,consumer,web,2024-01-01T00:00:00Z\n');
    const bad = path.join(importDir, 'empty.csv');
    writeFileSync(bad, '');
    const result = run(good, bad);
    expect(result.stdout).toMatch(/Run \d+ partial: 1 rows read, 1 loaded/);
    expect(result.status).toBe(2);
  });

  it('exits 0 when everything loads', () => {
    const file = path.join(importDir, 'more-customers.csv');
    writeFileSync(file, 'customer_id,email,name,region,country,city,signup_date,segment,acquisition_channel,updated_at\nC-2,b@example.com,Bo,us-west,US,Reno,2024-01-02,consumer,web,2024-01-02T00:00:00Z\n');
    const result = run(file);
    expect(result.stdout).toMatch(/Run \d+ succeeded: 1 rows read, 1 loaded/);
    expect(result.status).toBe(0);
  });
});
