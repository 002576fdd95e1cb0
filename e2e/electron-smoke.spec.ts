import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

/**
 * The thin Electron smoke suite: launch, window, bridge round trip, isolation. It runs only where
 * the Electron runtime was downloaded; elsewhere it reports "skipped: no Electron runtime".
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = path.join(REPO_ROOT, 'node_modules', 'electron');

/** Read from path.txt and dist/: `require('electron')` would try to download the runtime. */
function electronExecutable(): string | null {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const executable = electronExecutable();
if (!executable) console.log('skipped: no Electron runtime');

test.describe('Electron smoke', () => {
  test.skip(!executable, 'skipped: no Electron runtime');

  let app: ElectronApplication;
  let userData = '';

  test.beforeAll(async () => {
    const abi = readFileSync(path.join(ELECTRON_DIR, 'abi_version'), 'utf8').trim();
    const binding = path.join(REPO_ROOT, 'native', `electron-${abi}`, 'better_sqlite3.node');
    if (!existsSync(binding)) {
      throw new Error(`Run \`npm start\` once first: it builds ${binding} (better-sqlite3 for Electron's ABI).`);
    }
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
    expect(build.status).toBe(0);
    expect(existsSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'))).toBe(true);
    userData = mkdtempSync(path.join(tmpdir(), 'storelens-electron-smoke-'));
    app = await electron.launch({
      executablePath: executable ?? undefined,
      args: [REPO_ROOT],
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        STORELENS_USER_DATA_DIR: userData,
        STORELENS_SQLITE_BINDING: binding,
        STORELENS_JOB_WORKER: path.join(REPO_ROOT, 'dist', 'electron', 'job-worker.js'),
      },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the window on our own page', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^storelens:\/\/app\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('round-trips system.info through the preload bridge', async () => {
    const page = await app.firstWindow();
    const envelope = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { storelens: { invoke(m: string, a: unknown): Promise<unknown> } }).storelens;
      return bridge.invoke('system.info', {});
    });
    expect(envelope).toMatchObject({ ok: true, value: { warehousePath: path.join(userData, 'warehouse.sqlite') } });
    expect((envelope as { value: { electronVersion: string | null } }).value.electronVersion).not.toBeNull();
  });

  test('gives the page no Node and only the bridge', async () => {
    const page = await app.firstWindow();
    const exposed = await page.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      bridgeKeys: Object.keys((globalThis as unknown as { storelens: object }).storelens).sort(),
    }));
    expect(exposed).toEqual({ hasRequire: false, hasProcess: false, bridgeKeys: ['acceptDroppedFiles', 'invoke', 'pickFiles', 'subscribe', 'transport'] });
  });
});
