import type { Command } from 'commander';
import { AppError } from '../../shared/result';
import { ANALYTICS_VIEWS, findView } from '../backend/analytics/view-registry';
import { printResult, withBackend } from './cli-context';

interface QueryFlags {
  list?: boolean;
  from?: string;
  to?: string;
  region?: string[];
  category?: string[];
  channel?: string[];
  segment?: string[];
  currency?: string;
  compare?: string;
  arg?: string[];
}

/** "a,b" and repeated flags both give a list. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** --arg name=value: JSON when it parses (numbers, booleans, arrays), otherwise the text. */
function parseArgs(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new AppError('VALIDATION', `--arg "${pair}" must look like name=value.`, { arg: pair });
    const raw = pair.slice(at + 1);
    try {
      out[pair.slice(0, at)] = JSON.parse(raw) as unknown;
    } catch {
      out[pair.slice(0, at)] = raw;
    }
  }
  return out;
}

function listText(): string {
  return ANALYTICS_VIEWS.map((v) => [`${v.view.padEnd(24)} ${v.description}`, ...v.params.map((p) => `${''.padEnd(26)}${p.name}: ${p.description}`)].join('\n')).join('\n');
}

export function registerQuery(program: Command): void {
  program
    .command('query [view]')
    .description('print an analytics view, computed by the same engine function the app uses (see --list)')
    .option('--list', 'name the views and their parameters')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--region <names>', 'region filter (comma-separated or repeated)', collect)
    .option('--category <names>', 'category filter', collect)
    .option('--channel <codes>', 'channel filter', collect)
    .option('--segment <names>', 'customer segment filter', collect)
    .option('--currency <code>', 'report in this currency (default: the dominant one)')
    .option('--compare <mode>', 'previous_period | none')
    .option('--arg <name=value>', 'a view parameter, e.g. --arg dimension=category --arg limit=10', collect)
    .action(
      withBackend((backend, options, view: string | undefined, flags: QueryFlags) => {
        if (flags.list || !view) {
          const views = ANALYTICS_VIEWS.map(({ view: name, method, description, params, metricIds }) => ({ view: name, method, description, params, metricIds }));
          printResult(options, views, listText);
          return;
        }
        const spec = findView(view);
        if (!spec) throw new AppError('VALIDATION', `Unknown view "${view}". Run storelens query --list to see the views.`, { view });
        const filters = {
          ...(flags.from ? { from: flags.from } : {}),
          ...(flags.to ? { to: flags.to } : {}),
          ...(flags.compare ? { compare: flags.compare } : {}),
          ...(flags.currency ? { currency: flags.currency } : {}),
          region: flags.region ?? [],
          category: flags.category ?? [],
          channel: flags.channel ?? [],
          segment: flags.segment ?? [],
        };
        const hasFilters = spec.params.some((p) => p.name === 'filters');
        const result = spec.run(backend.db, { ...(hasFilters ? { filters } : {}), ...parseArgs(flags.arg ?? []) });
        printResult(options, result, () => JSON.stringify(result, null, 2));
      }),
    );
}
