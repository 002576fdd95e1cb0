import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { generateStore, generateOptionsSchema, type GenerateSummary } from '../backend/generate/index';
import { AppError, toErrorInfo } from '../../shared/result';
import { globalOptions, printResult, reportCliError, stderrProgress } from './cli-context';

interface GenerateFlags {
  out: string;
  customers?: number;
  products?: number;
  days?: number;
  start?: string;
  seed?: number;
  noise?: number;
  lines?: number;
  preset?: 'small' | 'medium' | 'large';
}

function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number such as 0.02.');
  return n;
}

function humanSummary(summary: GenerateSummary): string {
  const mb = (summary.bytes / 1e6).toFixed(1);
  return [
    `Generated a demo store in ${summary.outDir}`,
    `  ${summary.folders} day folders, ${summary.files} files, ${mb} MB in ${summary.seconds.toFixed(1)} s`,
    `  ${summary.orders.toLocaleString('en-US')} orders, ${summary.lines.toLocaleString('en-US')} order lines`,
    '  valid rows per entity:',
    ...Object.entries(summary.rows).map(([entity, rows]) => `    ${entity.padEnd(22)} ${rows.toLocaleString('en-US').padStart(12)}`),
    `  injected: ${summary.invalidRows.toLocaleString('en-US')} invalid rows, ${summary.duplicateOrderRows.toLocaleString('en-US')} re-sent order rows`,
    `  ground truth: ${summary.manifestPath}`,
  ].join('\n');
}

/** `storelens generate`: writes files only, so it needs no warehouse. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic store as daily landing folders of native CSV files, with manifest.json (the planted truth)')
    .requiredOption('--out <dir>', 'the landing folder to write (must be empty or hold an earlier generated store)')
    .option('--preset <size>', 'small (≈50k order lines), medium (≈300k) or large (≈1M)')
    .option('--customers <n>', 'number of customers (default 20000)', integer)
    .option('--products <n>', 'number of products (default 800)', integer)
    .option('--days <n>', 'days of history, one folder each (default 730)', integer)
    .option('--start <date>', 'first day, YYYY-MM-DD (default 2024-01-01)')
    .option('--seed <n>', 'random seed: the same seed and options give byte-identical files (default 42)', integer)
    .option('--noise <rate>', 'share of extra invalid rows (default 0.02)', fraction)
    .option('--lines <n>', 'target number of order lines (the purchase rate is calibrated to it)', integer)
    .action(async (flags: GenerateFlags, command: Command) => {
      const options = globalOptions(command);
      try {
        const { out, ...sizes } = flags;
        const parsed = generateOptionsSchema.safeParse({ ...sizes, outDir: path.resolve(out) });
        if (!parsed.success) {
          throw new AppError('VALIDATION', toErrorInfo(parsed.error).message, { issues: parsed.error.issues });
        }
        const progress = stderrProgress('generate');
        const summary = await generateStore(parsed.data, { progress, throwIfCancelled: () => undefined });
        printResult(options, summary, () => humanSummary(summary));
      } catch (error) {
        reportCliError(options, error);
      }
    });
}
