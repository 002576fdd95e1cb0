// Test-only child process: imports the files named on the command line and prints progress,
// so the parent can kill it (SIGKILL) in the middle of the run.
import { openWarehouse } from '../../db/open';
import { runImport } from '../import-run';

const [warehouse, ...files] = process.argv.slice(2);
if (warehouse === undefined) throw new Error('usage: crash-child <warehouse> <files…>');
const db = openWarehouse(warehouse);
await runImport(db, {
  kind: 'files',
  source: 'crash test',
  files,
  progress: (done, total, phase) => {
    if (done > 0) process.stdout.write(`progress ${done} ${total} ${phase}\n`);
  },
});
process.stdout.write('finished\n');
