import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so peak RSS figures are not
 * polluted by the previous bench) and prints their figures. `npm run bench -- import` runs one.
 */
const filter = process.argv[2];
const benchDir = path.resolve('bench');
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !filter || file.includes(filter))
  .sort();

let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== ${file} (${new Date().toISOString()}) ===\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(benchDir, file)], { stdio: 'inherit' });
  process.stdout.write(`=== ${file}: ${result.status === 0 ? 'done' : `FAILED (${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
