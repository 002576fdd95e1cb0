/**
 * Generator benchmark: a 1,000,000-line store with all other entities into a temp folder.
 * Target on the 2-core dev machine: ≤ 10 s and ≤ 400 MB peak RSS. Run: npx tsx bench/generate.bench.ts [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { generateStore, GENERATOR_PRESETS } from '../src/main/backend/generate/index';

const loadBefore = loadavg();
const outDir = mkdtempSync(path.join(tmpdir(), 'storelens-bench-generate-'));
let peakRss = process.memoryUsage().rss;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
// The generator yields to the event loop every few days, so the timer samples too; progress samples every day.
const timer = setInterval(sample, 25);
let calls = 0;
const cpuBefore = process.cpuUsage();
const startedAt = performance.now();
const summary = await generateStore(
  { outDir, ...GENERATOR_PRESETS.large, lines: 1_000_000, seed: 42 },
  {
    progress: () => {
      calls += 1;
      if (calls % 4 === 0) sample();
    },
    throwIfCancelled: () => undefined,
  },
);
const seconds = (performance.now() - startedAt) / 1000;
clearInterval(timer);
sample();
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const mb = summary.bytes / 1e6;
const figures = {
  bench: 'generate',
  lines: summary.lines,
  orders: summary.orders,
  rows: summary.rows,
  files: summary.files,
  megabytes: Number(mb.toFixed(1)),
  seconds: Number(seconds.toFixed(2)),
  /** The machine is shared: CPU seconds show the work when wall time includes waiting for a core. */
  cpuSeconds: Number(cpuSeconds.toFixed(2)),
  linesPerSecond: Math.round(summary.lines / seconds),
  megabytesPerSecond: Number((mb / seconds).toFixed(1)),
  peakRssMb: Math.round(peakRss / 1e6),
  targets: { seconds: 10, peakRssMb: 400 },
  /** 1/5/15-minute load averages before and after: on a shared 2-core machine wall time depends on them. */
  loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
};
console.log(JSON.stringify(figures, null, 2));
console.log(
  `generate: ${summary.lines.toLocaleString('en-US')} lines in ${seconds.toFixed(2)} s = ${figures.linesPerSecond.toLocaleString('en-US')} lines/s, ` +
    `${figures.megabytesPerSecond} MB/s (${mb.toFixed(0)} MB), ${cpuSeconds.toFixed(1)} CPU s, peak RSS ${figures.peakRssMb} MB, load ${figures.loadAverage.before[0]} → ${figures.loadAverage.after[0]} ` +
    `[target ≤ 10 s: ${seconds <= 10 ? 'met' : 'MISSED'}; ≤ 400 MB: ${figures.peakRssMb <= 400 ? 'met' : 'MISSED'}]`,
);
if (process.argv.includes('--keep')) console.log(`kept ${outDir}`);
else rmSync(outDir, { recursive: true, force: true });
