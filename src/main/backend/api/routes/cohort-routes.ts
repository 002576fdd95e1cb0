import { z } from 'zod';
import { cohortLtv } from '../../analytics/cohorts';
import { rowsOf } from '../columnar';
import { defineRoute, type ApiRoute } from '../route-spec';
import { filterQueryShape, MetricIdsSchema, money, ResultMetaSchema, toFilters } from '../schemas';

const LTV_WINDOWS = ['7', '30', '90'] as const;

const CohortSchema = z
  .object({
    cohortMonth: z.string().meta({ description: 'First-purchase month, YYYY-MM' }),
    windowDays: z.union([z.literal(7), z.literal(30), z.literal(90)]),
    customers: z.int(),
    retainedCustomers: z.int().meta({ description: 'Ordered again within the window' }),
    retentionRate: z.number().nullable().meta({ description: 'retainedCustomers / customers (0–1)' }),
    revenue: money('Net revenue within the window of each first purchase'),
    ltv: money('revenue / customers'),
    isComplete: z.boolean().meta({ description: "false while some customer's window extends past the data: the figure can still grow" }),
  })
  .meta({ id: 'CohortLtv' });

export function cohortRoutes(): ApiRoute[] {
  return [
    defineRoute({
      path: '/ltv/{days}',
      operationId: 'cohortLtv',
      summary: 'Cohort LTV and retention within 7, 30 or 90 days of each first purchase, per first-purchase month.',
      description: 'Cohorts whose window runs past the last day of data have isComplete = false.',
      tag: 'customers',
      params: z.object({ days: z.enum(LTV_WINDOWS).meta({ description: 'The LTV window: 7, 30 or 90 days' }) }).strict(),
      query: z.object({ from: filterQueryShape.from, to: filterQueryShape.to, currency: filterQueryShape.currency }).strict(),
      metricIds: ['cohort_ltv', 'cohort_window_retention'],
      response: z.object({
        meta: ResultMetaSchema,
        windowDays: z.int(),
        metricIds: MetricIdsSchema,
        incompleteCohorts: z.int().meta({ description: 'How many cohorts are still open' }),
        cohorts: z.array(CohortSchema),
      }),
      handle: ({ params, query, context }) => {
        const windowDays = Number(params.days) as 7 | 30 | 90;
        const result = cohortLtv(context.db, toFilters(query), { windowDays });
        const cohorts = rowsOf(result.series);
        return {
          meta: result.meta,
          windowDays,
          metricIds: { ltv: 'cohort_ltv', retentionRate: 'cohort_window_retention' },
          incompleteCohorts: cohorts.filter((c) => c.isComplete === false).length,
          cohorts,
        };
      },
    }),
  ];
}
