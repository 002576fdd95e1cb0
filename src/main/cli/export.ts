import type { Command } from 'commander';
import { AppError } from '../../shared/result';
import type { ExportResult } from '../backend/export/export-warehouse';
import { printResult, stderrProgress, withBackend } from './cli-context';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write every dim_* and fct_* table (and inventory_alerts) as CSV or Parquet, with a data dictionary')
    .requiredOption('--out <dir>', 'folder to write into (created if missing; files are overwritten)')
    .option('--format <format>', 'csv or parquet', 'parquet')
    .action(
      withBackend(async (backend, options, flags: { out: string; format: string }) => {
        if (flags.format !== 'csv' && flags.format !== 'parquet') {
          throw new AppError('VALIDATION', `--format must be csv or parquet, not "${flags.format}".`);
        }
        const outcome = await backend.jobs.run('export.warehouse', { outDir: flags.out, format: flags.format }, stderrProgress('export'));
        const result = outcome.result as ExportResult;
        printResult(options, result, () =>
          [
            `Exported ${result.totalRows.toLocaleString('en-US')} rows as ${result.format} to ${result.outDir}`,
            ...result.files.map((f) => `  ${f.table.padEnd(24)} ${f.rows.toLocaleString('en-US').padStart(10)} rows  ${(f.bytes / 1024).toFixed(1).padStart(9)} KiB`),
            `data dictionary: ${result.dictionaryFiles.join(', ')}`,
          ].join('\n'),
        );
      }),
    );
}
