import type { Command } from 'commander';
import type { DailyImportSummary, QualityReport } from '../../shared/contract/imports';
import { dailySummary } from '../backend/etl/queries/import-history';
import { qualityReport } from '../backend/etl/queries/quality-report';
import { printResult, withBackend } from './cli-context';

export function describeQuality(report: QualityReport | null): string {
  if (report === null) return 'No quality run yet: import some data first.';
  const lines = [`Quality run ${report.qualityRunId} (${report.ranAt}): ${report.checks - report.failed}/${report.checks} checks passed${report.isPassed ? '' : ` — ${report.failed} FAILED`}`];
  for (const c of report.results) {
    if (c.category === 'nulls' && c.isPassed && c.value === 0) continue;
    lines.push(`  ${c.isPassed ? 'pass' : 'FAIL'}  ${c.category.padEnd(14)} ${c.name}: ${c.category === 'nulls' ? `${c.value} % ` : ''}${c.detail}`);
  }
  return lines.join('\n');
}

export function describeDaily(days: DailyImportSummary[]): string {
  if (days.length === 0) return 'No imports yet.';
  const lines = ['date        runs files      MB   rows read     loaded  dupes  quarantined  stage s  facts s  quality s'];
  for (const d of days) {
    lines.push(
      `${d.date}  ${String(d.runs).padStart(4)} ${String(d.files).padStart(5)} ${(d.bytes / 1e6).toFixed(1).padStart(7)} ${String(d.rowsRead).padStart(11)} ${String(d.rowsLoaded).padStart(10)} ${String(d.rowsDuplicate).padStart(6)} ${String(d.rowsQuarantined).padStart(12)} ${(d.stageMs / 1000).toFixed(2).padStart(8)} ${(d.transformMs / 1000).toFixed(2).padStart(8)} ${(d.qualityMs / 1000).toFixed(2).padStart(10)}`,
    );
    const reasons = Object.entries(d.quarantinedByReason).map(([code, n]) => `${code} ${n}`).join(', ');
    if (reasons) lines.push(`            quarantined by reason: ${reasons}`);
    lines.push(`            rows by entity: ${Object.entries(d.rowsByEntity).map(([e, n]) => `${e} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}

export function registerQuality(program: Command): void {
  program
    .command('quality')
    .description('print the latest data-quality report, or a daily import summary with --daily')
    .option('--daily', 'volumes, durations, rows per stage and quarantined rows by reason, per day')
    .option('--from <date>', 'first day of the daily summary (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the daily summary (YYYY-MM-DD)')
    .action(
      withBackend((backend, options, flags: { daily?: boolean; from?: string; to?: string }) => {
        if (flags.daily) {
          const days = dailySummary(backend.db, flags.from, flags.to);
          printResult(options, days, () => describeDaily(days));
          return;
        }
        const report = qualityReport(backend.db);
        printResult(options, report, () => describeQuality(report));
        if (report !== null && !report.isPassed) process.exitCode = 1;
      }),
    );
}
