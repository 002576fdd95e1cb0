import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/events';
import { dispatch } from '../dispatch';
import { JsonFileSettingsStore } from '../settings/json-file-settings-store';
import { inspectWarehouseFile } from './inspect';
import { defaultWarehousePath } from './locations';
import { WarehouseSession } from './warehouse-session';

let dir = '';
let session: WarehouseSession | null = null;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-session-'));
});
afterEach(async () => {
  await session?.close();
  session = null;
  rmSync(dir, { recursive: true, force: true });
});

function newSession(): WarehouseSession {
  session = new WarehouseSession({ settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')), appVersion: '0.0.0-test' });
  return session;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('WarehouseSession', () => {
  it('creates the default warehouse in the user-data folder and remembers it', async () => {
    const s = newSession();
    const file = defaultWarehousePath(path.join(dir, 'userData'));
    const backend = await s.open(file);
    expect(backend.warehousePath).toBe(file);
    expect(existsSync(file)).toBe(true);
    expect(inspectWarehouseFile(file).schemaVersion).toBeGreaterThan(0);
    const recent = await dispatch(backend, 'warehouse.recent', {});
    expect(recent).toEqual({ ok: true, value: [{ path: file, name: 'warehouse.sqlite', exists: true, isCurrent: true }] });
  });

  it('switches warehouses, keeps the recent list in order and forwards events from the new backend', async () => {
    const s = newSession();
    const first = path.join(dir, 'first.sqlite');
    const second = path.join(dir, 'second.sqlite');
    await s.open(first);
    const seen: AppEvent[] = [];
    s.subscribe((event) => seen.push(event));
    await s.create(second);
    expect(s.current.warehousePath).toBe(second);
    expect(s.current.settings.get().recentWarehouses).toEqual([second, first]);
    await s.current.jobs.run('diagnostics.write-scratch', { rows: 10 });
    expect(seen.some((e) => e.name === 'job.finished')).toBe(true);
    await s.open(first);
    expect(s.current.settings.get().recentWarehouses).toEqual([first, second]);
  });

  it('"New warehouse…" refuses to replace an existing file', async () => {
    const s = newSession();
    const existing = path.join(dir, 'keep.sqlite');
    writeFileSync(existing, 'precious');
    await expect(s.create(existing)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(existing, 'utf8')).toBe('precious');
  });

  it('refuses a non-SQLite file, never overwrites it, and keeps the current warehouse open', async () => {
    const s = newSession();
    const good = path.join(dir, 'good.sqlite');
    await s.open(good);
    const csv = path.join(dir, 'orders.csv');
    writeFileSync(csv, 'order_id,total\n1,10\n');
    await expect(s.open(csv)).rejects.toMatchObject({ code: 'NOT_A_WAREHOUSE', message: expect.stringMatching(/not a SQLite database/) });
    expect(readFileSync(csv, 'utf8')).toBe('order_id,total\n1,10\n');
    expect(s.current.warehousePath).toBe(good);
    expect((await dispatch(s.current, 'system.info', {})).ok).toBe(true);
  });

  it('refuses a damaged warehouse with a clear message and leaves it untouched', async () => {
    const s = newSession();
    const file = path.join(dir, 'damaged.sqlite');
    await s.open(file);
    await s.current.jobs.run('diagnostics.write-scratch', { rows: 20_000 });
    await s.create(path.join(dir, 'other.sqlite'));
    // Overwrite the middle of the file with garbage, keeping the valid header.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const hash = sha(file);
    await expect(s.open(file)).rejects.toMatchObject({ code: 'NOT_A_WAREHOUSE', message: expect.stringMatching(/damaged/) });
    expect(sha(file)).toBe(hash);
  });

  it("refuses another program's SQLite database", async () => {
    const s = newSession();
    const file = path.join(dir, 'photos.db');
    const other = new Database(file);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.pragma('user_version = 7');
    other.close();
    await expect(s.open(file)).rejects.toMatchObject({ code: 'NOT_A_WAREHOUSE', message: expect.stringMatching(/another program/) });
  });

  it('refuses a warehouse from a newer Storelens', async () => {
    const s = newSession();
    const file = path.join(dir, 'future.sqlite');
    await s.open(file);
    await s.close();
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    await expect(s.open(file)).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
  });
});

describe('warehouse contract methods', () => {
  it('"Back up now" writes a consistent copy with the same rows, and lists it', async () => {
    const s = newSession();
    const file = path.join(dir, 'shop.sqlite');
    const backend = await s.open(file);
    await backend.jobs.run('diagnostics.write-scratch', { rows: 1234 });
    const result = await dispatch(backend, 'warehouse.backup', {});
    if (!result.ok) throw new Error(result.error.message);
    const backup = result.value as { path: string; sizeBytes: number };
    expect(path.dirname(backup.path)).toBe(path.join(dir, 'backups'));
    expect(backup.path).toMatch(/shop-\d{8}-\d{6}\.sqlite$/);
    expect(backup.sizeBytes).toBe(statSync(backup.path).size);
    const copy = new Database(backup.path, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM diag_scratch').get() as { n: number }).n).toBe(1234);
    copy.close();
    const listed = await dispatch(backend, 'warehouse.backups', {});
    expect(listed.ok && (listed.value as { path: string }[]).map((b) => b.path)).toEqual([backup.path]);
  });

  it('a backup never overwrites a file and never targets the warehouse itself', async () => {
    const s = newSession();
    const file = path.join(dir, 'shop.sqlite');
    const backend = await s.open(file);
    const taken = path.join(dir, 'taken.sqlite');
    writeFileSync(taken, 'keep me');
    expect(await dispatch(backend, 'warehouse.backup', { destination: taken })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect(await dispatch(backend, 'warehouse.backup', { destination: file })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(backend, 'warehouse.backup', { destination: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('reports the current warehouse', async () => {
    const s = newSession();
    const file = path.join(dir, 'shop.sqlite');
    const backend = await s.open(file);
    const current = await dispatch(backend, 'warehouse.current', {});
    expect(current).toMatchObject({ ok: true, value: { path: file, backupsDir: path.join(dir, 'backups') } });
    expect(current.ok && (current.value as { sizeBytes: number }).sizeBytes).toBe(statSync(file).size);
  });
});
