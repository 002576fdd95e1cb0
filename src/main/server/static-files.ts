import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The same CSP as the desktop window: the renderer needs nothing from outside this origin. */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Serves the built renderer; unknown paths fall back to index.html. Never leaves staticDir. */
export function serveStatic(staticDir: string, urlPath: string, response: ServerResponse): void {
  const root = path.resolve(staticDir);
  const decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  let file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    file = path.join(root, 'index.html');
  }
  if (!existsSync(file)) {
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The renderer is not built. Run `npm run build:renderer` (npm run web does it for you).');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(response);
}
