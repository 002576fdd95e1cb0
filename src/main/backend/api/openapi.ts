import { z } from 'zod';
import { ApiErrorSchema } from './api-errors';
import type { ApiRoute } from './route-spec';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, { get: JsonSchema }>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** `$defs` (named by `.meta({ id })`) move into components.schemas, so shared shapes appear once. */
function toComponentSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$schema;
  delete json.$defs;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) =>
          key === '$ref' && typeof inner === 'string' ? [key, inner.replace('#/$defs/', '#/components/schemas/')] : [key, rewrite(inner)],
        ),
      );
    }
    return value;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def) as JsonSchema;
  // A top-level schema with an id comes back as a bare $ref to itself plus its $defs entry.
  return rewrite(json) as JsonSchema;
}

function parametersOf(route: ApiRoute): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (shape: z.ZodRawShape | undefined, where: 'path' | 'query') => {
    for (const [name, field] of Object.entries(shape ?? {})) {
      const schema = z.toJSONSchema(field as z.ZodType, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
      delete schema.$schema;
      const description = typeof schema.description === 'string' ? schema.description : undefined;
      delete schema.description;
      const isRequired = where === 'path' || !(field as z.ZodType).safeParse(undefined).success;
      const isList = route.listParams?.includes(name) === true;
      list.push({
        name,
        in: where,
        required: isRequired,
        ...(description ? { description: isList ? `${description} Repeat the parameter or separate values with commas.` : description } : {}),
        schema,
        ...(isList ? { style: 'form', explode: true } : {}),
      });
    }
  };
  add(route.params?.shape, 'path');
  add(route.query?.shape, 'query');
  return list;
}

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Bad input; `error.parameter` names the parameter at fault',
  '401': 'Missing or wrong bearer token',
  '403': 'Host header is not this machine’s loopback address (DNS-rebinding guard)',
  '404': 'Unknown id or endpoint',
  '405': 'Any method but GET',
  '409': 'The data this needs is not there yet (e.g. a model not trained); `error.message` says what to do',
  '500': 'An unexpected failure; the message says what failed',
};

/** OpenAPI 3.1 from the same zod schemas that validate requests: the document cannot drift. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], options: { appVersion: string; port: number }): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  const errorRef = toComponentSchema(ApiErrorSchema, 'output', schemas);
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const contentType = route.contentType ?? 'application/json';
    const errors = Object.fromEntries(
      Object.entries(ERROR_RESPONSES)
        .filter(([status]) => !route.isPublic || status === '403' || status === '405')
        .map(([status, description]) => [status, { description, content: { 'application/json': { schema: errorRef } } }]),
    );
    paths[route.path] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [route.tag],
        parameters: parametersOf(route),
        security: route.isPublic ? [] : [{ bearerAuth: [] }],
        ...(route.metricIds ? { 'x-metric-ids': [...route.metricIds] } : {}),
        responses: {
          '200': { description: 'OK', content: { [contentType]: { schema: toComponentSchema(route.response, 'output', schemas) } } },
          ...errors,
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Storelens local API',
      version: options.appVersion,
      description:
        'Read-only access to the Storelens warehouse, computed by the same engine functions and metric definitions as the app. ' +
        'Listens on 127.0.0.1 only. Money is in currency units of the one currency named in `meta.currency`; currencies are never added together.',
    },
    servers: [{ url: `http://127.0.0.1:${options.port}` }],
    paths,
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token shown in Storelens Settings (or printed by `storelens serve`).' } },
    },
  };
}
