import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../backend/testing/temp-backend';
import { startBridgeServer, type BridgeServer } from './bridge-server';

let temp: TempBackend;
let server: BridgeServer;

beforeEach(async () => {
  temp = createTempBackend();
  const staticDir = path.join(temp.dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Storelens</title>');
  server = await startBridgeServer({ backend: temp.backend, staticDir, uploadsDir: path.join(temp.dir, 'uploads') });
});

afterEach(async () => {
  await server.close();
  await temp.dispose();
});

/** Raw node:http so the test can forge the Host header, which fetch() does not allow. */
function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const invokeBody = JSON.stringify({ method: 'system.info', args: {} });

describe('browser-mode bridge server', () => {
  it('answers a contract call with the right token', async () => {
    const res = await send({ path: '/api/invoke', method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: invokeBody });
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.body) as { ok: boolean; value: { schemaVersion: number; warehousePath: string } };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(envelope.value.warehousePath).toBe(temp.backend.warehousePath);
  });

  it('rejects a missing or wrong token with 401', async () => {
    const missing = await send({ path: '/api/invoke', method: 'POST', body: invokeBody });
    expect(missing.status).toBe(401);
    const wrong = await send({ path: '/api/invoke', method: 'POST', headers: { authorization: 'Bearer not-the-token' }, body: invokeBody });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses a request addressed to a non-loopback host (DNS rebinding)', async () => {
    const res = await send({ path: '/api/invoke', method: 'POST', headers: { host: `evil.example:${server.port}`, authorization: `Bearer ${server.token}` }, body: invokeBody });
    expect(res.status).toBe(403);
    const page = await send({ path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a cross-origin call even with the token', async () => {
    const res = await send({ path: '/api/invoke', method: 'POST', headers: { origin: 'http://evil.example', authorization: `Bearer ${server.token}` }, body: invokeBody });
    expect(res.status).toBe(403);
  });

  it('validates arguments with the contract schema before the engine sees them', async () => {
    const res = await send({
      path: '/api/invoke',
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ method: 'jobs.list', args: { limit: 'lots' } }),
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await send({ path: '/api/invoke', method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: JSON.stringify({ method: 'db.dropAll' }) });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves the renderer with a CSP and stores uploads inside the data folder', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Storelens</title>');
    const upload = await send({ path: '/api/upload?name=../../orders.csv', method: 'POST', headers: { authorization: `Bearer ${server.token}` }, body: 'a,b\n1,2\n' });
    const picked = (JSON.parse(upload.body) as { value: { path: string; name: string; sizeBytes: number } }).value;
    expect(picked.name).toBe('orders.csv');
    expect(picked.sizeBytes).toBe(8);
    expect(picked.path.startsWith(path.join(temp.dir, 'uploads'))).toBe(true);
    expect(readFileSync(picked.path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it('streams backend events over SSE', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) temp.backend.events.emit('data.changed', { tables: ['fct_orders'] });
          if (text.includes('event: data.changed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"tables":["fct_orders"]}');
  });
});
