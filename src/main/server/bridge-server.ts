import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Backend } from '../backend/backend';
import { dispatch } from '../backend/dispatch';
import { fail } from '../../shared/result';
import { AppError } from '../../shared/result';
import { isAllowedOrigin, isLoopbackHost, requestToken, tokensMatch } from './request-guards';
import { serveStatic } from './static-files';
import { receiveUpload } from './uploads';

export interface BridgeServerOptions {
  backend: Backend;
  staticDir: string;
  uploadsDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface BridgeServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

const MAX_INVOKE_BODY_BYTES = 1_000_000;

/**
 * Browser mode: the same handler map as the Electron IPC, served over HTTP + SSE on 127.0.0.1
 * only, behind a random per-run token. The renderer reads the token from the URL fragment,
 * which browsers never send to a server or put in logs.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => sendJson(response, 500, fail(error)));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) {
      sendJson(response, 403, fail(new AppError('UNAUTHORIZED', 'This server only answers requests addressed to 127.0.0.1.')));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, fail(new AppError('VALIDATION', 'Method not allowed.')));
      serveStatic(options.staticDir, url.pathname, response);
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      return sendJson(response, 403, fail(new AppError('UNAUTHORIZED', 'Cross-origin requests are refused.')));
    }
    if (!tokensMatch(token, requestToken(request, url))) {
      return sendJson(response, 401, fail(new AppError('UNAUTHORIZED', 'Missing or wrong session token. Open the URL printed by `npm run web`.')));
    }
    if (url.pathname === '/api/invoke' && request.method === 'POST') {
      const body = (await readJson(request)) as { method?: unknown; args?: unknown };
      return sendJson(response, 200, await dispatch(options.backend, body.method, body.args));
    }
    if (url.pathname === '/api/upload' && request.method === 'POST') {
      return sendJson(response, 200, { ok: true, value: await receiveUpload(request, options.uploadsDir, url.searchParams.get('name')) });
    }
    if (url.pathname === '/api/events' && request.method === 'GET') return streamEvents(request, response);
    sendJson(response, 404, fail(new AppError('NOT_FOUND', `No route ${request.method} ${url.pathname}.`)));
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    const unsubscribe = options.backend.events.subscribe((event) => {
      response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    // Proxies and browsers drop idle streams; a comment line every 15 s keeps it open.
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INVOKE_BODY_BYTES) throw new AppError('VALIDATION', 'Request body too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'The request body is not JSON.');
  }
}

export const uploadsDirFor = (dataDir: string): string => path.join(dataDir, 'uploads');
