import { z } from 'zod';
import { allMetricDefinitions } from '../../../../shared/metrics';
import { latestVersion, loadMigrations, schemaVersion } from '../../db/migrations';
import { renderDocsPage } from '../docs-page';
import type { OpenApiDocument } from '../openapi';
import { defineRoute, type ApiRoute } from '../route-spec';
import { MetricDefinitionSchema } from '../schemas';

const HealthSchema = z.object({
  status: z.literal('ok'),
  appVersion: z.string(),
  schemaVersion: z.int(),
  latestSchemaVersion: z.int(),
  hasOrders: z.boolean().meta({ description: 'false while the warehouse holds no orders yet' }),
  startedAt: z.string().meta({ description: 'When this API server started, ISO-8601' }),
  isReadOnly: z.literal(true),
});

export function systemRoutes(getDocument: () => OpenApiDocument): ApiRoute[] {
  // Read once per server: the migration files do not change while the app runs.
  const latestSchemaVersion = latestVersion(loadMigrations());
  return [
    defineRoute({
      path: '/health',
      operationId: 'health',
      summary: 'Liveness, versions and whether the warehouse has data.',
      tag: 'system',
      response: HealthSchema,
      handle: ({ context }) => ({
        status: 'ok' as const,
        appVersion: context.appVersion,
        schemaVersion: schemaVersion(context.db),
        latestSchemaVersion,
        hasOrders: context.db.prepare('SELECT EXISTS (SELECT 1 FROM fct_orders) AS has').pluck().get() === 1,
        startedAt: context.startedAt,
        isReadOnly: true as const,
      }),
    }),
    defineRoute({
      path: '/metrics/definitions',
      operationId: 'metricDefinitions',
      summary: 'Every metric id with its label, unit, formula and business rule (the app’s metric registry).',
      tag: 'metrics',
      response: z.object({ metrics: z.array(MetricDefinitionSchema) }),
      handle: () => ({ metrics: allMetricDefinitions() }),
    }),
    defineRoute({
      path: '/openapi.json',
      operationId: 'openapi',
      summary: 'This API as an OpenAPI 3.1 document (no token needed).',
      tag: 'system',
      isPublic: true,
      response: z.record(z.string(), z.unknown()),
      handle: () => getDocument(),
    }),
    defineRoute({
      path: '/docs',
      operationId: 'docs',
      summary: 'A human-readable page of every endpoint (no token needed).',
      tag: 'system',
      isPublic: true,
      contentType: 'text/html; charset=utf-8',
      response: z.string(),
      handle: () => renderDocsPage(getDocument()),
    }),
  ];
}
