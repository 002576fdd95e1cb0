import { createServer, type Server } from 'node:net';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import { defineRoute } from './route-spec';
import { startApiServer } from './server';
import { httpRequest } from './testing/http-client';
import { seedAnalyticsWarehouse } from './testing/seed-star';

let temp: TempBackend;

beforeAll(() => {
  temp = createTempBackend('storelens-api-service-');
  seedAnalyticsWarehouse(temp.backend.db);
});
afterAll(async () => {
  await dispatch(temp.backend, 'api.disable', {});
  await temp.dispose();
});

function occupiedPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, server });
    });
  });
}

async function freePort(): Promise<number> {
  const { port, server } = await occupiedPort();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function call<T>(method: string, args: unknown): Promise<T> {
  const envelope = await dispatch(temp.backend, method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

interface Status {
  isEnabled: boolean;
  isRunning: boolean;
  url: string | null;
  port: number;
  token: string | null;
}

describe('api.* contract methods', () => {
  it('is off with no token until first enabled', async () => {
    const status = await call<Status>('api.status', {});
    expect(status).toMatchObject({ isEnabled: false, isRunning: false, url: null, token: null, port: 8765 });
  });

  it('enable generates a token, listens on 127.0.0.1, and regenerate locks the old token out', async () => {
    const port = await freePort();
    const status = await call<Status>('api.enable', { port });
    expect(status).toMatchObject({ isEnabled: true, isRunning: true, url: `http://127.0.0.1:${port}`, port });
    expect(status.token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    expect(temp.backend.settings.get()).toMatchObject({ apiEnabled: true, apiPort: port, apiToken: status.token });
    expect((await httpRequest(`${status.url}/health`, { token: status.token })).status).toBe(200);

    const renewed = await call<Status>('api.regenerateToken', {});
    expect(renewed.token).not.toBe(status.token);
    expect((await httpRequest(`${status.url}/health`, { token: status.token })).status).toBe(401);
    expect((await httpRequest(`${status.url}/health`, { token: renewed.token })).status).toBe(200);

    const again = await call<Status>('api.enable', {});
    expect(again.token).toBe(renewed.token);

    const off = await call<Status>('api.disable', {});
    expect(off).toMatchObject({ isEnabled: false, isRunning: false, url: null });
    await expect(httpRequest(`${status.url}/health`, { token: renewed.token })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a taken port is a CONFLICT that Settings can show', async () => {
    const { port, server } = await occupiedPort();
    try {
      const envelope = await dispatch(temp.backend, 'api.enable', { port });
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('CONFLICT');
        expect(envelope.error.message).toContain(String(port));
      }
      const status = await call<Status & { lastError: string | null }>('api.status', {});
      expect(status.isRunning).toBe(false);
      expect(status.lastError).toContain(String(port));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects a port below 1024 naming the argument', async () => {
    const envelope = await dispatch(temp.backend, 'api.enable', { port: 80 });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.message).toContain('port');
  });
});

describe('the server connection', () => {
  it('is read-only: a handler cannot write to the warehouse', async () => {
    const probe = defineRoute({
      path: '/probe',
      operationId: 'probe',
      summary: 'test',
      tag: 'test',
      response: z.object({}),
      handle: ({ context }) => {
        let writeError = '';
        try {
          context.db.prepare("INSERT INTO dim_channel (channel_code, label) VALUES ('x', 'x')").run();
        } catch (error) {
          writeError = (error as Error).message;
        }
        return { isReadonly: context.db.readonly, writeError };
      },
    });
    const server = await startApiServer({ warehousePath: temp.backend.warehousePath, port: 0, getToken: () => 't', appVersion: 'x', routes: [probe] });
    try {
      const response = await httpRequest(`${server.url}/probe`, { token: 't' });
      expect(response.json).toMatchObject({ isReadonly: true, writeError: expect.stringMatching(/readonly/i) });
    } finally {
      await server.close();
    }
  });
});
