import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileSettingsStore } from './backend/settings/json-file-settings-store';
import { WarehouseSession } from './backend/warehouse-files/warehouse-session';
import { createInvokeHandler, createPickFilesHandler, dialogFiltersFor, registerIpc, type SenderEvent } from './ipc';
import { IPC_CHANNELS } from './ipc-channels';
import { APP_ENTRY_URL } from './security';

let dir = '';
let session: WarehouseSession;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-ipc-'));
  session = new WarehouseSession({ settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')), appVersion: '9.9.9-test' });
  await session.open(path.join(dir, 'warehouse.sqlite'));
});
afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const fromOurPage: SenderEvent = { senderFrame: { url: APP_ENTRY_URL, parent: null } };

describe('the invoke channel', () => {
  it('answers our page with the real backend (system.info round trip)', async () => {
    const envelope = await createInvokeHandler(session)(fromOurPage, 'system.info', {});
    expect(envelope).toMatchObject({ ok: true, value: { appVersion: '9.9.9-test', warehousePath: path.join(dir, 'warehouse.sqlite') } });
  });

  it('refuses a foreign page, an iframe and a destroyed frame before touching the engine', async () => {
    const handler = createInvokeHandler(session);
    const senders: SenderEvent[] = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: APP_ENTRY_URL, parent: {} } },
      { senderFrame: null },
    ];
    for (const event of senders) {
      expect(await handler(event, 'settings.update', { theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(session.current.settings.get().theme).toBe('system');
  });

  it('validates every argument with the contract schema', async () => {
    const handler = createInvokeHandler(session);
    expect(await handler(fromOurPage, 'settings.update', { theme: 'purple' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await handler(fromOurPage, 'settings.update', { theme: 'dark', extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await handler(fromOurPage, 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await handler(fromOurPage, 'settings.update', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});

describe('the file picker channel', () => {
  it('returns path, name and size of the chosen files', async () => {
    const file = path.join(dir, 'orders.csv');
    writeFileSync(file, 'order_id\n1\n');
    let asked: unknown;
    const handler = createPickFilesHandler(async (options) => {
      asked = options;
      return [file];
    });
    expect(await handler(fromOurPage, { accept: ['.csv'], isMultiple: true })).toEqual({
      ok: true,
      value: [{ path: file, name: 'orders.csv', sizeBytes: 11 }],
    });
    expect(asked).toEqual({ accept: ['.csv'], isMultiple: true });
  });

  it('refuses bad options and foreign senders without opening a dialog', async () => {
    let opened = 0;
    const handler = createPickFilesHandler(async () => {
      opened += 1;
      return [];
    });
    expect(await handler(fromOurPage, { accept: 'csv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(opened).toBe(0);
  });

  it('turns accept lists into dialog filters', () => {
    expect(dialogFiltersFor(['.csv', 'text/csv', 'TSV', '.csv'])).toEqual([
      { name: 'CSV, TSV files', extensions: ['csv', 'tsv'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(dialogFiltersFor(undefined)).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});

describe('registerIpc', () => {
  it('registers exactly the two invoke channels and removes them again', async () => {
    const handlers = new Map<string, (...args: never[]) => unknown>();
    const ipcMain = {
      handle: (channel: string, listener: (...args: never[]) => unknown) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    };
    const unregister = registerIpc(ipcMain, session, async () => []);
    expect([...handlers.keys()].sort()).toEqual([IPC_CHANNELS.invoke, IPC_CHANNELS.pickFiles].sort());
    const invoke = handlers.get(IPC_CHANNELS.invoke) as unknown as (event: SenderEvent, method: string, args: unknown) => Promise<unknown>;
    expect(await invoke(fromOurPage, 'system.info', {})).toMatchObject({ ok: true });
    unregister();
    expect(handlers.size).toBe(0);
  });
});
