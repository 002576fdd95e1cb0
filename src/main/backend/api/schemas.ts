import { z } from 'zod';
import { FiltersSchema, type ParsedFilters } from '../../../shared/contract/analytics';
import { METRIC_IDS, METRIC_UNITS, type MetricId } from '../../../shared/metrics';
import { HttpError } from './api-errors';

const list = (what: string) =>
  z
    .array(z.string().min(1).max(200))
    .max(200)
    .optional()
    .meta({ description: `Only ${what} with these values.` });

/** The query parameters every analytics endpoint shares; they map onto the app's Filters. */
export const filterQueryShape = {
  from: z.iso.date().optional().meta({ description: 'First day, YYYY-MM-DD. Default: the first day with orders.' }),
  to: z.iso.date().optional().meta({ description: 'Last day (inclusive), YYYY-MM-DD. Default: the last day with orders.' }),
  region: list('customers in regions'),
  category: list('products in categories'),
  channel: list('orders from channel codes'),
  segment: list('customers in segments'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .meta({ description: 'ISO-4217 code. Default: the currency with the most orders. Currencies are never added together.' }),
};
export const FILTER_LIST_PARAMS = ['region', 'category', 'channel', 'segment'] as const;

export type FilterQuery = z.output<z.ZodObject<typeof filterQueryShape>>;

/** Maps query parameters onto the engine's Filters; from > to is a 400 naming `from`. */
export function toFilters(query: FilterQuery, compare: 'previous_period' | 'none' = 'previous_period'): ParsedFilters {
  const parsed = FiltersSchema.safeParse({
    from: query.from,
    to: query.to,
    compare,
    region: query.region ?? [],
    category: query.category ?? [],
    channel: query.channel ?? [],
    segment: query.segment ?? [],
    currency: query.currency,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const parameter = issue ? String(issue.path[0] ?? 'query') : 'query';
  throw new HttpError(400, 'VALIDATION', `Invalid parameter "${parameter}": ${issue?.message ?? 'invalid'}.`, parameter);
}

const DateRangeSchema = z.object({ from: z.string(), to: z.string() }).meta({ id: 'DateRange' });

export const ResultMetaSchema = z
  .object({
    currency: z.string().nullable().meta({ description: 'The one currency every amount is in' }),
    availableCurrencies: z.array(z.string()),
    range: DateRangeSchema.nullable(),
    previousRange: DateRangeSchema.nullable(),
    emptyReason: z.string().nullable().meta({ description: 'null when there is data; otherwise why the result is empty' }),
  })
  .meta({ id: 'ResultMeta' });

export const MetricIdSchema = z.enum(METRIC_IDS as [MetricId, ...MetricId[]]).meta({ id: 'MetricId' });

/** Field name → metric id, so a client can look each figure's definition up at /metrics/definitions. */
export const MetricIdsSchema = z
  .record(z.string(), MetricIdSchema)
  .meta({ description: 'Which metric definition each numeric field follows (see /metrics/definitions)' });

export const MetricDefinitionSchema = z
  .object({
    id: MetricIdSchema,
    label: z.string(),
    unit: z.enum(METRIC_UNITS),
    formula: z.string(),
    rule: z.string(),
    source: z.string(),
    isHigherBetter: z.boolean(),
  })
  .meta({ id: 'MetricDefinition' });

export const money = (description: string) => z.number().meta({ description: `${description}, in currency units of meta.currency` });
export const nullableMoney = (description: string) =>
  z.number().nullable().meta({ description: `${description}, in currency units of meta.currency` });
