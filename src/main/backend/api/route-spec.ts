import type { z } from 'zod';
import type { MetricId } from '../../../shared/metrics';
import type { Db } from '../db/open';

/** What a handler can read: the API's own read-only connection and a few facts about the run. */
export interface ApiContext {
  db: Db;
  appVersion: string;
  warehousePath: string;
  startedAt: string;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One endpoint, declared once: the zod schemas validate the request, document it in OpenAPI
 * and describe the response; the server, the OpenAPI document and the docs page all read this.
 */
export interface ApiRoute<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, R extends z.ZodType = z.ZodType> {
  /** OpenAPI style, e.g. `/ltv/{days}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  /** Query parameters that take several values: repeated (`?region=a&region=b`) or comma-separated. */
  listParams?: readonly string[];
  response: R;
  /** Metric ids (src/shared/metrics.ts) the response's figures follow; look them up at /metrics/definitions. */
  metricIds?: readonly MetricId[];
  /** No token needed: only for routes that reveal no data (the docs and the OpenAPI document). */
  isPublic?: boolean;
  /** The response is not JSON (the docs page). */
  contentType?: string;
  handle(input: { params: z.output<P>; query: z.output<Q>; context: ApiContext }): unknown;
}

export function defineRoute<P extends AnyObject, Q extends AnyObject, R extends z.ZodType>(route: ApiRoute<P, Q, R>): ApiRoute {
  return route as unknown as ApiRoute;
}

/** `/ltv/{days}` → `/ltv/:days` for Fastify's router. */
export function fastifyPath(openApiPath: string): string {
  return openApiPath.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}
