import type { Command } from 'commander';
import { pendingLandingDays } from '../backend/etl/landing';
import { printResult, stderrProgress, withBackend } from './cli-context';
import { describeImport } from './import';

/** Resolves after `ms`, or at once when Ctrl-C was pressed. */
function pause(ms: number, isStopped: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (isStopped() || Date.now() - started >= ms) {
        clearInterval(tick);
        resolve();
      }
    }, 100);
  });
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('keep importing new landing/YYYY-MM-DD/ folders as they appear, until Ctrl-C')
    .argument('<folder>', 'the landing folder')
    .option('--interval <seconds>', 'how often to look for new day folders', '30')
    .action(
      withBackend(async (backend, options, folder: string, flags: { interval: string }) => {
        let isStopped = false;
        const stop = (): void => {
          isStopped = true;
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const intervalMs = Math.max(1, Number(flags.interval) || 30) * 1000;
        process.stderr.write(`watching ${folder} every ${intervalMs / 1000} s; Ctrl-C stops\n`);
        try {
          while (!isStopped) {
            const pending = pendingLandingDays(backend.db, folder);
            if (pending.length > 0) {
              const outcome = await backend.jobs.run('import.landing', { folder }, stderrProgress('import'));
              const result = outcome.result as Parameters<typeof describeImport>[0];
              printResult(options, result, () => describeImport(result));
            }
            await pause(intervalMs, () => isStopped);
          }
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      }),
    );
}
