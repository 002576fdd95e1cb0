/**
 * UI timing bench: the renderer in Chromium against browser mode on a big store (the 1M-line
 * warehouse of the analytics bench), through e2e/store-timing.spec.ts. Prints per page switch
 * the ms and charts drawn (first visit and revisit), filter-change redraws, and the top-customers
 * table's scroll frames with its row count and the rows in the DOM.
 * Targets (issue 8, at 1M lines): page switch ≤ 500 ms, filter change ≤ 300 ms, 100k rows scroll smoothly.
 *
 * Run: npm run bench:ui [-- --data-dir <folder with warehouse.sqlite>] [--warehouse <file.sqlite>] [--fresh-copy] [--no-build]
 * Default store: a copy (in /tmp/storelens-ui-bench) of the analytics bench's 1M-line warehouse
 * in /tmp/storelens-analytics-bench; the original is never opened for writing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { warehousePathFor } from '../src/main/backend/paths';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ANALYTICS_BENCH_DIR = path.join(os.tmpdir(), 'storelens-analytics-bench');
const COPY_DIR = path.join(os.tmpdir(), 'storelens-ui-bench');

/** The analytics bench's newest 1M-line warehouse, if it has built one. */
function analyticsBenchWarehouse(): string | null {
  if (!existsSync(ANALYTICS_BENCH_DIR)) return null;
  const candidates = readdirSync(ANALYTICS_BENCH_DIR)
    .filter((f) => /^work-.*\.sqlite$/.test(f))
    .map((f) => path.join(ANALYTICS_BENCH_DIR, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0] ?? null;
}

/** A consistent copy through SQLite's backup API (safe while another process has the file open). */
async function copyWarehouse(source: string, dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const target = warehousePathFor(dataDir);
  for (const suffix of ['', '-wal', '-shm', '.jobs', '.jobs-wal', '.jobs-shm']) rmSync(`${target}${suffix}`, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}

async function resolveDataDir(): Promise<string | null> {
  const given = option('--data-dir');
  if (given) return path.resolve(given);
  const source = option('--warehouse') ?? analyticsBenchWarehouse();
  if (!source) return null;
  if (argv.includes('--fresh-copy') || option('--warehouse') || !existsSync(warehousePathFor(COPY_DIR))) {
    console.log(`copying ${source} → ${warehousePathFor(COPY_DIR)}`);
    await copyWarehouse(source, COPY_DIR);
  }
  return COPY_DIR;
}

const dataDir = await resolveDataDir();
if (!dataDir || !existsSync(warehousePathFor(dataDir))) {
  console.log(`ui bench skipped: no store. Build the 1M-line warehouse with bench/analytics.bench.ts, or pass --data-dir / --warehouse.`);
  process.exit(0);
}
console.log(`ui bench — store ${warehousePathFor(dataDir)}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (!argv.includes('--no-build')) run('npm', ['run', 'build:renderer']);
run('npx', ['playwright', 'test', 'e2e/store-timing.spec.ts'], { ...process.env, STORELENS_UI_BENCH_DATA_DIR: dataDir });
