import type { Command } from 'commander';
import { systemInfo } from '../backend/handlers/system';
import { printResult, stderrProgress, withBackend } from './cli-context';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('print versions, the warehouse path, the schema version and table row counts')
    .option('--selftest', 'also run a job through a worker thread and check it round-trips')
    .action(
      withBackend(async (backend, options, flags: { selftest?: boolean }) => {
        let selftest: { jobRows: number } | null = null;
        if (flags.selftest) {
          const outcome = await backend.jobs.run('diagnostics.write-scratch', { rows: 1000 }, stderrProgress('selftest'));
          selftest = { jobRows: (outcome.result as { rows: number }).rows };
        }
        const info = systemInfo(backend);
        printResult(options, { ...info, selftest }, () =>
          [
            `Storelens ${info.appVersion} (node ${info.nodeVersion}, SQLite ${info.sqliteVersion}, ${info.platform})`,
            `warehouse: ${info.warehousePath}`,
            `schema:    ${info.schemaVersion} (latest ${info.latestSchemaVersion})`,
            selftest ? `selftest:  ok, a worker job wrote ${selftest.jobRows} rows` : '',
            'tables:',
            ...info.tables.map((t) => `  ${t.table.padEnd(28)} ${t.rows.toLocaleString('en-US').padStart(12)}`),
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
}
