import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { openWarehouse, type Db } from '../db/open';
import { HttpError, toHttpError } from './api-errors';
import { bearerToken, isLoopbackHost, tokensMatch } from './guards';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { normaliseQuery, parseInput } from './request-input';
import { fastifyPath, type ApiContext, type ApiRoute } from './route-spec';
import { apiRoutes } from './routes';

/** Never another interface: the API is for tools on this machine only. */
export const API_HOST = '127.0.0.1';

export interface ApiServerOptions {
  warehousePath: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Read on every request, so a regenerated token takes effect at once. */
  getToken: () => string;
  appVersion: string;
  routes?: readonly ApiRoute[];
}

export interface RunningApiServer {
  url: string;
  port: number;
  startedAt: string;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    isPublic?: boolean;
  }
}

function addGuards(app: FastifyInstance, options: ApiServerOptions, port: () => number): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    if (!isLoopbackHost(request.headers.host, port())) {
      throw new HttpError(403, 'FORBIDDEN', `Host "${request.headers.host ?? ''}" is not this machine's loopback address; requests must use 127.0.0.1:${port()} or localhost:${port()}.`);
    }
    if (request.method !== 'GET') {
      reply.header('allow', 'GET');
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `The Storelens API is read-only: ${request.method} is not allowed, use GET.`);
    }
    if (request.routeOptions.config.isPublic === true) return;
    if (!tokensMatch(options.getToken(), bearerToken(request.headers.authorization))) {
      reply.header('www-authenticate', 'Bearer realm="storelens"');
      throw new HttpError(401, 'UNAUTHORIZED', 'Missing or wrong token: send "Authorization: Bearer <token>" with the token shown in Storelens Settings.');
    }
  });
  app.setErrorHandler(async (error, _request, reply) => {
    // Fastify's own 4xx errors (a malformed URL, say) keep their status.
    const status = (error as { statusCode?: number }).statusCode;
    const http = !(error instanceof HttpError) && status && status >= 400 && status < 500
      ? new HttpError(status, 'VALIDATION', (error as Error).message)
      : toHttpError(error);
    return reply.code(http.status).type('application/json').send(http.toBody());
  });
  app.setNotFoundHandler(async (request) => {
    throw new HttpError(404, 'NOT_FOUND', `No endpoint at ${request.url.split('?')[0] ?? ''}; see /docs for the list.`);
  });
}

function addRoutes(app: FastifyInstance, routes: readonly ApiRoute[], context: ApiContext): void {
  for (const route of routes) {
    app.get(fastifyPath(route.path), { config: { isPublic: route.isPublic === true } }, async (request, reply) => {
      const params = parseInput(route.params, request.params, 'path');
      const query = parseInput(route.query, normaliseQuery(request.query, route.listParams), 'query');
      const result = await route.handle({ params, query, context });
      if (route.contentType) reply.type(route.contentType);
      return result;
    });
  }
}

/**
 * Starts the local read-only HTTP API on 127.0.0.1 with its own read-only SQLite connection, so
 * nothing a client sends can write to the warehouse or wait on the import writer.
 */
export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
  const db: Db = openWarehouse(options.warehousePath, { isReadonly: true });
  const app = Fastify({ logger: false, exposeHeadRoutes: false, forceCloseConnections: true });
  let port = options.port;
  const startedAt = new Date().toISOString();
  const context: ApiContext = { db, appVersion: options.appVersion, warehousePath: options.warehousePath, startedAt };
  const routes: readonly ApiRoute[] =
    options.routes ?? apiRoutes((): OpenApiDocument => buildOpenApiDocument(routes, { appVersion: options.appVersion, port }));
  addGuards(app, options, () => port);
  addRoutes(app, routes, context);
  try {
    await app.listen({ host: API_HOST, port: options.port });
  } catch (error) {
    db.close();
    throw error;
  }
  port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://${API_HOST}:${port}`,
    port,
    startedAt,
    async close() {
      await app.close();
      db.close();
    },
  };
}
