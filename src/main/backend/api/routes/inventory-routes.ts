import { z } from 'zod';
import { inventoryAlerts } from '../../analytics/inventory';
import { inventoryRisk } from '../../analytics/inventory-risk';
import { rowsOf } from '../columnar';
import { defineRoute, type ApiRoute } from '../route-spec';
import { FILTER_LIST_PARAMS, filterQueryShape, ResultMetaSchema, toFilters } from '../schemas';

const AlertSchema = z
  .object({
    alertId: z.int(),
    sku: z.string(),
    name: z.string().nullable(),
    raisedDate: z.iso.date().meta({ description: 'The day on hand − allocated fell below the reorder point' }),
    onHand: z.int(),
    allocated: z.int(),
    reorderPoint: z.int(),
    status: z.enum(['open', 'resolved']),
    resolvedDate: z.iso.date().nullable(),
    daysOpen: z.int().meta({ description: 'Days from raised to resolved, or to the last inventory day while open' }),
  })
  .meta({ id: 'InventoryAlert' });

const RiskDaySchema = z
  .object({
    date: z.iso.date(),
    atRiskSkus: z.int().meta({ description: 'SKUs with on hand − allocated < reorder point that day' }),
    alertsRaised: z.int().meta({ description: 'Alerts raised that day (a SKU went at risk)' }),
    alertsResolved: z.int().meta({ description: 'Alerts resolved that day (a SKU left risk)' }),
  })
  .meta({ id: 'InventoryRiskDay' });

export function inventoryRoutes(): ApiRoute[] {
  return [
    defineRoute({
      path: '/inventory/risk',
      operationId: 'inventoryRisk',
      summary: 'SKUs at risk on each day, with the alerts raised and resolved that day.',
      description:
        'Every day with stock rows in the range (default: all of them). Category keeps SKUs by their current category; ' +
        'region, channel and segment keep the SKUs sold under them in the range.',
      tag: 'inventory',
      query: z.object(filterQueryShape).strict(),
      listParams: FILTER_LIST_PARAMS,
      response: z.object({ meta: ResultMetaSchema, days: z.array(RiskDaySchema) }),
      handle: ({ query, context }) => {
        const result = inventoryRisk(context.db, toFilters(query, 'none'));
        return { meta: result.meta, days: rowsOf(result.series) };
      },
    }),
    defineRoute({
      path: '/inventory/alerts',
      operationId: 'inventoryAlerts',
      summary: 'Stock alerts: a SKU is at risk when on hand − allocated < reorder point. Newest first.',
      tag: 'inventory',
      query: z
        .object({
          status: z.enum(['open', 'all']).default('open').meta({ description: 'open (default) or all, including resolved' }),
          category: z.array(z.string().min(1).max(200)).max(200).optional().meta({ description: 'Only SKUs in these categories.' }),
          limit: z.coerce.number().int().min(1).max(10_000).default(500).meta({ description: 'At most this many alerts (1–10000)' }),
        })
        .strict(),
      listParams: ['category'],
      response: z.object({ meta: ResultMetaSchema, openCount: z.int().meta({ description: 'Open alerts among those matched (before limit)' }), alerts: z.array(AlertSchema) }),
      handle: ({ query, context }) => {
        const result = inventoryAlerts(context.db, toFilters({ category: query.category }), { status: query.status, limit: query.limit });
        return { meta: result.meta, openCount: result.openCount, alerts: rowsOf(result.alerts) };
      },
    }),
  ];
}
