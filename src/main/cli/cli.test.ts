import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
