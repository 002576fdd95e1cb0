import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../shared/result';
import { printResult, stderrProgress, withBackend } from './cli-context';

interface ImportRunOutput {
  runId: number | null;
  status: string;
  days?: string[];
  rowsRead?: number;
  rowsLoaded?: number;
  rowsDuplicate?: number;
  rowsQuarantined?: number;
  stageMs?: number;
  transformMs?: number;
  qualityMs?: number;
  qualityFailed?: number | null;
  files?: { path: string; status: string; rowsRead: number; rowsLoaded: number; rowsDuplicate: number; rowsQuarantined: number; message: string | null }[];
}

export function describeImport(result: ImportRunOutput): string {
  const lines: string[] = [];
  if (result.days !== undefined) lines.push(result.days.length === 0 ? 'No new landing day folders.' : `Landing days: ${result.days[0] ?? ''} … ${result.days.at(-1) ?? ''} (${result.days.length})`);
  if (result.status === 'skipped') {
    lines.push('Nothing imported: every file was imported before (same sha256), so nothing changed.');
    return lines.join('\n');
  }
  for (const f of result.files ?? []) {
    const figures = f.status === 'loaded' ? `${f.rowsRead} read, ${f.rowsLoaded} loaded, ${f.rowsDuplicate} duplicates, ${f.rowsQuarantined} quarantined` : (f.message ?? '');
    lines.push(`  ${f.status.padEnd(8)} ${f.path}: ${figures}`);
  }
  lines.push(
    `Run ${result.runId ?? '–'} ${result.status}: ${result.rowsRead ?? 0} rows read, ${result.rowsLoaded ?? 0} loaded, ${result.rowsDuplicate ?? 0} duplicates, ${result.rowsQuarantined ?? 0} quarantined.`,
    `Stages: staging ${((result.stageMs ?? 0) / 1000).toFixed(2)} s, facts ${((result.transformMs ?? 0) / 1000).toFixed(2)} s, quality ${((result.qualityMs ?? 0) / 1000).toFixed(2)} s; quality checks failed: ${result.qualityFailed ?? 0}.`,
  );
  if ((result.rowsQuarantined ?? 0) > 0) lines.push('See the quarantined rows with: storelens quarantine list');
  return lines.join('\n');
}

function readMapping(file: string | undefined): unknown {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AppError('VALIDATION', `The mapping file ${file} is not readable JSON: ${(error as Error).message}`, { file });
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import files or folders (native CSV/NDJSON, Shopify, Online Retail, or mapped CSV) into the warehouse')
    .argument('[paths...]', 'files or folders to import as one all-or-nothing run')
    .option('--landing <folder>', 'import every landing/YYYY-MM-DD/ folder not imported yet, oldest first')
    .option('--mapping <file>', 'a column mapping (JSON) for CSVs in no known format')
    .action(
      withBackend(async (backend, options, paths: string[], flags: { landing?: string; mapping?: string }) => {
        if (flags.landing === undefined && paths.length === 0) throw new AppError('VALIDATION', 'Give files or folders to import, or --landing <folder>.');
        const outcome = flags.landing !== undefined
          ? await backend.jobs.run('import.landing', { folder: flags.landing }, stderrProgress('import'))
          : await backend.jobs.run('import.files', { paths, mapping: readMapping(flags.mapping) }, stderrProgress('import'));
        const result = outcome.result as ImportRunOutput;
        printResult(options, result, () => describeImport(result));
        // A refused file is bad input even when the others loaded: a nightly script must notice.
        if (result.status === 'refused' || result.status === 'partial') process.exitCode = 2;
      }),
    );
  program
    .command('rebuild')
    .description('rebuild every dimension and fact from staging (gives the same tables the imports built)')
    .action(
      withBackend(async (backend, options) => {
        const outcome = await backend.jobs.run('warehouse.rebuild', {}, stderrProgress('rebuild'));
        const result = outcome.result as { runId: number; orders: number; lines: number; productVersions: number; transformMs: number; qualityFailed: number };
        printResult(options, result, () =>
          `Rebuilt from staging: ${result.orders} orders, ${result.lines} lines, ${result.productVersions} product versions in ${(result.transformMs / 1000).toFixed(2)} s; quality checks failed: ${result.qualityFailed}.`,
        );
      }),
    );
}
