import type { Command } from 'commander';
import { listQuarantine, exportQuarantine, quarantineReasons, type QuarantineFilter } from '../backend/etl/queries/quarantine-queries';
import { printResult, stderrProgress, withBackend } from './cli-context';

interface FilterFlags {
  batch?: string;
  file?: string;
  reason?: string;
  all?: boolean;
}

function filterOf(flags: FilterFlags): QuarantineFilter {
  return {
    batchId: flags.batch === undefined ? undefined : Number(flags.batch),
    file: flags.file,
    reasonCode: flags.reason,
    status: flags.all ? 'all' : 'open',
  };
}

function withFilters(command: Command): Command {
  return command
    .option('--batch <id>', 'only rows of this import batch')
    .option('--file <text>', 'only rows of files whose name contains this')
    .option('--reason <code>', 'only this reason (missing_required, bad_number, bad_date, bad_enum, out_of_range, bad_text, unknown_parent, malformed_row)')
    .option('--all', 'include resolved and superseded rows, not only open ones');
}

export function registerQuarantine(program: Command): void {
  const quarantine = program.command('quarantine').description('list, export and retry rows that failed validation');
  withFilters(quarantine.command('list').description('list quarantined rows (newest filters first: --reason, --file, --batch)'))
    .option('--limit <n>', 'rows to show', '50')
    .action(
      withBackend((backend, options, flags: FilterFlags & { limit: string }) => {
        const filter = filterOf(flags);
        const page = listQuarantine(backend.db, filter, Math.max(1, Number(flags.limit) || 50), 0);
        const reasons = quarantineReasons(backend.db, { batchId: filter.batchId, status: filter.status });
        printResult(options, { ...page, reasons }, () =>
          [
            `${page.total} quarantined rows${page.total > page.rows.length ? ` (showing ${page.rows.length})` : ''}`,
            ...reasons.map((r) => `  ${r.reasonCode.padEnd(17)} ${String(r.rows).padStart(7)}  e.g. ${r.example}`),
            '',
            ...page.rows.map((r) => `${r.file}:${r.line}${r.column ? ` [${r.column}]` : ''} ${r.reason}\n    ${r.raw}`),
          ].join('\n'),
        );
      }),
    );
  withFilters(quarantine.command('export').description('write quarantined rows to a CSV file'))
    .argument('<out>', 'the CSV file to write')
    .action(
      withBackend((backend, options, out: string, flags: FilterFlags) => {
        const result = exportQuarantine(backend.db, out, filterOf(flags));
        printResult(options, result, () => `Wrote ${result.rows} quarantined rows to ${result.path}`);
      }),
    );
  quarantine
    .command('retry')
    .description('re-validate open quarantined rows (after their missing parents were imported)')
    .option('--batch <id>', 'only rows of this import batch')
    .option('--reason <code>', 'only this reason, e.g. unknown_parent')
    .action(
      withBackend(async (backend, options, flags: { batch?: string; reason?: string }) => {
        const outcome = await backend.jobs.run(
          'quarantine.retry',
          { batchId: flags.batch === undefined ? undefined : Number(flags.batch), reasonCode: flags.reason },
          stderrProgress('retry'),
        );
        const result = outcome.result as { attempted: number; loaded: number; duplicates: number; stillQuarantined: number };
        printResult(options, result, () =>
          `Retried ${result.attempted} rows: ${result.loaded} loaded, ${result.duplicates} duplicates, ${result.stillQuarantined} still quarantined.`,
        );
      }),
    );
}
