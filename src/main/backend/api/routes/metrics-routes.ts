import { z } from 'zod';
import { COMPARE_MODES } from '../../../../shared/contract/analytics';
import { METRICS, METRIC_UNITS, type MetricId } from '../../../../shared/metrics';
import { overview, OVERVIEW_METRICS } from '../../analytics/overview';
import { DAILY_METRICS, dailyMetrics } from '../daily-metrics';
import { defineRoute, type ApiRoute } from '../route-spec';
import { FILTER_LIST_PARAMS, filterQueryShape, MetricIdSchema, MetricIdsSchema, ResultMetaSchema, toFilters } from '../schemas';

const identity = <T extends string>(ids: readonly T[]): Record<T, T> => Object.fromEntries(ids.map((id) => [id, id])) as Record<T, T>;

const DayRowSchema = z
  .object({
    date: z.iso.date(),
    ...Object.fromEntries(
      DAILY_METRICS.map((id) => [id, z.number().nullable().meta({ description: `${METRICS[id].label}: ${METRICS[id].formula}` })]),
    ),
  })
  .meta({ id: 'DailyMetrics' });

const KpiSchema = z
  .object({
    metricId: MetricIdSchema,
    label: z.string(),
    unit: z.enum(METRIC_UNITS),
    value: z.number().nullable(),
    previous: z.number().nullable().meta({ description: 'The same figure for the previous period of equal length' }),
    change: z
      .number()
      .nullable()
      .meta({ description: 'Relative change (0.1 = +10 %) for amounts and counts; absolute difference for rates' }),
  })
  .meta({ id: 'Kpi' });

export function metricsRoutes(): ApiRoute[] {
  return [
    defineRoute({
      path: '/metrics/daily',
      operationId: 'metricsDaily',
      summary: 'Gross, discounts, refunds, taxes, net, orders, AOV, new and returning customers per day.',
      description:
        'Every calendar day of the range, days without sales as 0. Sales are dated by order date, refunds by return date. ' +
        'Each field is named by its metric id. At most 732 days per request.',
      tag: 'metrics',
      query: z.object(filterQueryShape).strict(),
      listParams: FILTER_LIST_PARAMS,
      metricIds: DAILY_METRICS,
      response: z.object({ meta: ResultMetaSchema, metricIds: MetricIdsSchema, days: z.array(DayRowSchema) }),
      handle: ({ query, context }) => ({ ...dailyMetrics(context.db, toFilters(query, 'none')), metricIds: identity(DAILY_METRICS) }),
    }),
    defineRoute({
      path: '/kpis',
      operationId: 'kpis',
      summary: 'The Overview KPIs for the range, with the previous period of equal length and the change.',
      tag: 'metrics',
      query: z
        .object({
          ...filterQueryShape,
          compare: z.enum(COMPARE_MODES).default('previous_period').meta({ description: 'Compare with the previous period of equal length, or not' }),
        })
        .strict(),
      listParams: FILTER_LIST_PARAMS,
      metricIds: OVERVIEW_METRICS,
      response: z.object({ meta: ResultMetaSchema, kpis: z.array(KpiSchema) }),
      handle: ({ query, context }) => {
        const result = overview(context.db, toFilters(query, query.compare));
        return {
          meta: result.meta,
          kpis: result.kpis.map((kpi) => {
            const definition = METRICS[kpi.metricId as MetricId];
            return { ...kpi, label: definition.label, unit: definition.unit };
          }),
        };
      },
    }),
  ];
}
