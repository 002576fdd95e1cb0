import type { Command } from 'commander';
import { AppError } from '../../shared/result';
import type { GeneratedReport } from '../backend/reports/generate-report';
import { printResult, stderrProgress, withBackend } from './cli-context';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(flag: string, value: string | undefined): void {
  // Round-trip through Date so 2024-02-30 is refused rather than rolled over to March.
  const time = value === undefined ? 0 : Date.parse(`${value}T00:00:00Z`);
  if (value !== undefined && (!ISO_DATE.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)) {
    throw new AppError('VALIDATION', `${flag} must be a date YYYY-MM-DD, not "${value}".`);
  }
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a one-page HTML insights memo (charts inline) and the charts as PNG files')
    .requiredOption('--out <dir>', 'folder to write into (created if missing)')
    .option('--from <date>', 'first day YYYY-MM-DD (default: 30 days before --to)')
    .option('--to <date>', 'last day YYYY-MM-DD (default: the last day with orders)')
    .action(
      withBackend(async (backend, options, flags: { out: string; from?: string; to?: string }) => {
        checkDate('--from', flags.from);
        checkDate('--to', flags.to);
        if (flags.from && flags.to && flags.from > flags.to) throw new AppError('VALIDATION', `--from (${flags.from}) must be on or before --to (${flags.to}).`);
        const outcome = await backend.jobs.run('report.generate', { outDir: flags.out, from: flags.from, to: flags.to }, stderrProgress('report'));
        const report = outcome.result as GeneratedReport;
        printResult(options, report, () =>
          [
            `Report for ${report.range.from} to ${report.range.to} (data fingerprint ${report.fingerprint})`,
            `  ${report.htmlFile}`,
            ...report.pngFiles.map((f) => `  ${f}`),
            'Insights:',
            ...report.insights.map((i) => `  - ${i.text}`),
          ].join('\n'),
        );
      }),
    );
}
