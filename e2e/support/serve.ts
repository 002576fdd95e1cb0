import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { BENCH_DATA_DIR, E2E_DATA_DIR, E2E_PORT, E2E_TOKEN } from './constants';
import { seedE2eWarehouse } from './seed';

/**
 * Starts browser mode on a fresh warehouse for the e2e run, seeded with what the specs need,
 * or on the bench's existing store as it is.
 */
if (!BENCH_DATA_DIR) {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  await seedE2eWarehouse(E2E_DATA_DIR);
}
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/main/server/main.ts', '--data-dir', E2E_DATA_DIR, '--port', String(E2E_PORT), '--token', E2E_TOKEN],
  { stdio: 'inherit' },
);
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
