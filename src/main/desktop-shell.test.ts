import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../shared/events';
import { JobFeedback, jobLabel, LONG_JOB_MS, PROGRESS_INDETERMINATE, PROGRESS_NONE } from './job-feedback';
import { aboutText, buildMenuTemplate, PAGES, type MenuCommand } from './menu';
import { runtimeEnvironment, unpackedPath } from './runtime-env';
import { dataFilesFromArgv, PendingFiles } from './single-instance';
import { DEFAULT_WINDOW_STATE, fitToDisplays } from './window-state';

const dir = mkdtempSync(path.join(tmpdir(), 'storelens-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('menu', () => {
  type Item = { label?: string; accelerator?: string; role?: string; submenu?: Item[]; click?: () => void; enabled?: boolean };
  const sent: { command: MenuCommand; paths?: string[] }[] = [];
  const opened: (string | undefined)[] = [];
  const template = buildMenuTemplate({
    platform: 'linux',
    appName: 'Storelens',
    recent: [
      { path: '/w/current.sqlite', name: 'current.sqlite', exists: true, isCurrent: true },
      { path: '/w/old.sqlite', name: 'old.sqlite', exists: true, isCurrent: false },
      { path: '/w/gone.sqlite', name: 'gone.sqlite', exists: false, isCurrent: false },
    ],
    actions: {
      send: (command, paths) => sent.push(paths ? { command, paths } : { command }),
      openWarehouse: (file) => opened.push(file),
      newWarehouse: () => undefined,
      backUpNow: () => undefined,
      showAbout: () => undefined,
    },
  }) as Item[];
  const flat = (items: Item[]): Item[] => items.flatMap((item) => [item, ...flat(item.submenu ?? [])]);
  const byLabel = (label: string) => flat(template).find((item) => item.label === label);

  it('has the File menu of the brief with Ctrl/Cmd+O for import', () => {
    const file = template.find((item) => item.label === 'File');
    expect(file?.submenu?.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Import CSV Files…',
      'Generate Demo Store…',
      'Open Warehouse',
      'New Warehouse…',
      'Back Up Now',
      'Export Report…',
      'Quit',
    ]);
    expect(byLabel('Import CSV Files…')?.accelerator).toBe('CmdOrCtrl+O');
    byLabel('Import CSV Files…')?.click?.();
    expect(sent.at(-1)).toEqual({ command: 'import.csv' });
  });

  it('lists recent warehouses that exist, except the open one', () => {
    const submenu = byLabel('Open Warehouse')?.submenu ?? [];
    expect(submenu.filter((i) => i.label).map((i) => i.label)).toEqual(['Open Warehouse…', 'old.sqlite']);
    submenu.find((i) => i.label === 'old.sqlite')?.click?.();
    expect(opened.at(-1)).toBe('/w/old.sqlite');
  });

  it('binds Ctrl/Cmd+1…7 to the seven pages and Ctrl/Cmd+K to search', () => {
    PAGES.forEach((page, index) => {
      const item = flat(template).find((i) => i.accelerator === `CmdOrCtrl+${index + 1}`);
      item?.click?.();
      expect(sent.at(-1)).toEqual({ command: `navigate.${page}` });
    });
    byLabel('Search…')?.click?.();
    expect(sent.at(-1)).toEqual({ command: 'search.open' });
    expect(byLabel('Search…')?.accelerator).toBe('CmdOrCtrl+K');
  });

  it('puts About with versions under Help', () => {
    expect(template.at(-1)?.submenu?.[0]?.label).toBe('About Storelens');
    expect(aboutText({ app: '1.2.3', electron: '45.4.1', chrome: '140.0', node: '22.1.0', sqlite: '3.50.1' })).toBe(
      'Storelens 1.2.3\n\nElectron 45.4.1\nChromium 140.0\nNode.js 22.1.0\nSQLite 3.50.1',
    );
  });
});

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  it('reuses a saved position that is on a screen', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 1400, height: 900, isMaximized: true }, [screen])).toEqual({
      x: 100,
      y: 50,
      width: 1400,
      height: 900,
      isMaximized: true,
    });
  });
  it('drops a position on an unplugged monitor and shrinks to the largest screen', () => {
    expect(fitToDisplays({ x: 2500, y: 100, width: 2400, height: 1400, isMaximized: false }, [screen])).toEqual({
      width: 1920,
      height: 1040,
      isMaximized: false,
    });
  });
  it('falls back to the default for a damaged saved state', () => {
    expect(fitToDisplays({ width: 'wide' }, [screen])).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('job feedback (taskbar progress and notifications)', () => {
  const progress = (jobId: string, done: number, total: number): AppEvent => ({
    name: 'job.progress',
    payload: { jobId, kind: 'import.shopify-orders', done, total, phase: 'rows' },
  });
  const finished = (jobId: string): AppEvent => ({ name: 'job.finished', payload: { jobId, kind: 'import.shopify-orders', result: null } });

  it('shows the combined fraction of running jobs and clears the bar at the end', () => {
    let now = 0;
    const feedback = new JobFeedback(() => now);
    expect(feedback.onEvent(progress('a', 25, 100), true).progress).toBe(0.25);
    expect(feedback.onEvent(progress('b', 50, 300), true).progress).toBe(75 / 400);
    expect(feedback.onEvent(progress('c', 1, 0), true).progress).toBe(PROGRESS_INDETERMINATE);
    now = 100;
    feedback.onEvent(finished('c'), true);
    feedback.onEvent(finished('b'), true);
    expect(feedback.onEvent(finished('a'), true).progress).toBe(PROGRESS_NONE);
    expect(feedback.onEvent({ name: 'data.changed', payload: { tables: [] } }, true).progress).toBeNull();
  });

  it('notifies only for a long job finishing while the window is not focused', () => {
    let now = 0;
    const feedback = new JobFeedback(() => now);
    feedback.onEvent(progress('long', 1, 10), false);
    feedback.onEvent(progress('short', 1, 10), false);
    feedback.onEvent(progress('seen', 1, 10), true);
    now = LONG_JOB_MS;
    expect(feedback.onEvent(finished('long'), false).notice).toEqual({ title: 'Import shopify orders finished', body: 'Storelens has updated your data.' });
    expect(feedback.onEvent(finished('seen'), true).notice).toBeNull();
    const fresh = new JobFeedback(() => now);
    fresh.onEvent(progress('short', 1, 10), false);
    now += LONG_JOB_MS - 1;
    expect(fresh.onEvent(finished('short'), false).notice).toBeNull();
  });

  it('reports failures but not cancellations, using the job store start time when no progress was seen', () => {
    const feedback = new JobFeedback(() => 10_000, () => 0);
    const failed = (isCancelled: boolean): AppEvent => ({
      name: 'job.failed',
      payload: { jobId: 'x', kind: 'generate.demo', error: { code: 'JOB_FAILED', message: 'Disk full' }, isCancelled },
    });
    expect(feedback.onEvent(failed(false), false).notice).toEqual({ title: 'Generate demo failed', body: 'Disk full' });
    expect(feedback.onEvent(failed(true), false).notice).toBeNull();
    expect(jobLabel('models.train_churn')).toBe('Models train churn');
  });
});

describe('single instance: files from the command line', () => {
  const csv = path.join(dir, 'orders.csv');
  const tsv = path.join(dir, 'Stock.TSV');
  writeFileSync(csv, 'a\n1\n');
  writeFileSync(tsv, 'a\n1\n');
  mkdirSync(path.join(dir, 'folder.csv'));

  it('keeps existing data files, resolved against the launching folder, once each', () => {
    const argv = ['/usr/bin/storelens', '--no-sandbox', '.', 'orders.csv', tsv, 'missing.csv', 'folder.csv', 'notes.pdf', './orders.csv'];
    expect(dataFilesFromArgv(argv, dir)).toEqual([csv, tsv]);
  });

  it('holds files until the page is ready, then delivers them once', () => {
    const pending = new PendingFiles();
    const delivered: string[][] = [];
    pending.add([csv]);
    pending.add([csv, tsv]);
    pending.attach((files) => delivered.push(files));
    expect(delivered).toEqual([[csv, tsv]]);
    pending.add([tsv]);
    expect(delivered).toEqual([[csv, tsv], [tsv]]);
    pending.detach();
    pending.add([csv]);
    expect(delivered).toHaveLength(2);
  });
});

describe('runtime environment', () => {
  it('points a packaged app at its unpacked worker, native binary and resources', () => {
    const resources = path.join(path.sep, 'opt', 'Storelens', 'resources');
    const env = runtimeEnvironment({
      isPackaged: true,
      resourcesPath: resources,
      mainDir: path.join(resources, 'app.asar', 'dist', 'electron'),
      abi: '140',
      env: {},
    });
    expect(env).toEqual({
      STORELENS_RESOURCES_DIR: resources,
      STORELENS_JOB_WORKER: path.join(resources, 'app.asar.unpacked', 'dist', 'electron', 'job-worker.js'),
      STORELENS_SQLITE_BINDING: path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    });
  });

  it('in development finds native/electron-<abi> and keeps values the launcher set', () => {
    const repo = mkdtempSync(path.join(dir, 'repo-'));
    const binding = path.join(repo, 'native', 'electron-140', 'better_sqlite3.node');
    mkdirSync(path.dirname(binding), { recursive: true });
    const input = { isPackaged: false, resourcesPath: '/unused', mainDir: path.join(repo, 'dist', 'electron'), abi: '140' };
    expect(runtimeEnvironment({ ...input, env: {} })).toEqual({ STORELENS_JOB_WORKER: path.join(repo, 'dist', 'electron', 'job-worker.js') });
    writeFileSync(binding, '');
    expect(runtimeEnvironment({ ...input, env: {} }).STORELENS_SQLITE_BINDING).toBe(binding);
    expect(runtimeEnvironment({ ...input, env: { STORELENS_SQLITE_BINDING: '/custom.node' } }).STORELENS_SQLITE_BINDING).toBe('/custom.node');
    expect(unpackedPath(path.join('/x', 'app.asar', 'a.js'))).toBe(path.join('/x', 'app.asar.unpacked', 'a.js'));
  });
});
