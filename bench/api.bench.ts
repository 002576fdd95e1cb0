/**
 * Local API, report and export bench: times every API endpoint over real HTTP (p50/p95), one
 * report generation, and a CSV and a Parquet export of the whole warehouse.
 * Run: npx tsx bench/api.bench.ts [--warehouse file.sqlite] [--runs 20] [--skip-export]
 * Default warehouse: the analytics bench's 1M-line file when present, else the small test fixture.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApiServer } from '../src/main/backend/api/server';
import { seedAnalyticsWarehouse } from '../src/main/backend/api/testing/seed-star';
import { openWarehouse } from '../src/main/backend/db/open';
import { exportWarehouse } from '../src/main/backend/export/export-warehouse';
import { generateReport } from '../src/main/backend/reports/generate-report';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const BIG = path.join(tmpdir(), 'storelens-analytics-bench-1000000.sqlite');
const RUNS = Number(option('--runs', '20'));
const scratch = mkdtempSync(path.join(tmpdir(), 'storelens-api-bench-'));
let file = option('--warehouse', existsSync(BIG) ? BIG : '');
if (!file) {
  file = path.join(scratch, 'fixture.sqlite');
  const db = openWarehouse(file);
  seedAnalyticsWarehouse(db);
  db.close();
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

const db = openWarehouse(file, { isReadonly: true });
const range = db.prepare('SELECT min(order_date) AS lo, max(order_date) AS hi FROM fct_orders WHERE is_counted = 1').get() as { lo: string; hi: string };
const orderLines = Number(db.prepare('SELECT count(*) FROM fct_order_items').pluck().get());
const customerId = String(db.prepare('SELECT customer_id FROM dim_customer LIMIT 1').pluck().get());
process.stdout.write(`warehouse ${file}: ${orderLines.toLocaleString('en-US')} order lines, ${range.lo} … ${range.hi}\n`);
const monthStart = `${range.hi.slice(0, 7)}-01`;

const server = await startApiServer({ warehousePath: file, port: 0, getToken: () => 'bench', appVersion: 'bench' });
const endpoints = [
  '/health',
  `/kpis?from=${monthStart}&to=${range.hi}`,
  `/metrics/daily?from=${monthStart}&to=${range.hi}`,
  '/ltv/30',
  '/inventory/alerts?status=all',
  `/customers/top?limit=20&from=${monthStart}&to=${range.hi}`,
  `/customers/${encodeURIComponent(customerId)}`,
];
process.stdout.write(`\nAPI over HTTP, ${RUNS} warm runs each (ms)\n${'endpoint'.padEnd(58)} p50     p95\n`);
for (const endpoint of endpoints) {
  const times: number[] = [];
  for (let run = 0; run < RUNS + 2; run += 1) {
    const started = performance.now();
    const response = await fetch(`${server.url}${endpoint}`, { headers: { authorization: 'Bearer bench' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${endpoint}: HTTP ${response.status}`);
    if (run >= 2) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`${endpoint.slice(0, 56).padEnd(58)} ${percentile(times, 0.5).toFixed(1).padStart(6)}  ${percentile(times, 0.95).toFixed(1).padStart(6)}\n`);
}
await server.close();

let started = performance.now();
const report = generateReport(db, { outDir: path.join(scratch, 'report'), appVersion: 'bench' });
process.stdout.write(`\nreport ${report.range.from} … ${report.range.to}: ${(performance.now() - started).toFixed(0)} ms (4 charts, 4 PNGs)\n`);

if (!argv.includes('--skip-export')) {
  for (const format of ['parquet', 'csv'] as const) {
    started = performance.now();
    const result = await exportWarehouse(db, { format, outDir: path.join(scratch, format), appVersion: 'bench' });
    const seconds = (performance.now() - started) / 1000;
    const megabytes = result.files.reduce((s, f) => s + f.bytes, 0) / 1e6;
    process.stdout.write(
      `export ${format.padEnd(7)} ${result.totalRows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.totalRows / seconds).toLocaleString('en-US')} rows/s), ${megabytes.toFixed(1)} MB, peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`,
    );
  }
}
db.close();
rmSync(scratch, { recursive: true, force: true });
