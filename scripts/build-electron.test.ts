import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempBackend } from '../src/main/backend/testing/temp-backend';
import { customer, writeNativeFiles } from '../src/main/backend/etl/testing/csv-fixture';
import { fromWire, type FromReader, type ToReader, type WireEvent } from '../src/main/backend/etl/load/reader-protocol';
import { buildElectron, REPO_ROOT } from './desktop/build-electron';

let outDir = '';
beforeAll(async () => {
  // Inside the repo (dist/ is git-ignored) so the bundles resolve better-sqlite3 like the real ones.
  mkdirSync(path.join(REPO_ROOT, 'dist'), { recursive: true });
  outDir = mkdtempSync(path.join(REPO_ROOT, 'dist', 'electron-test-'));
  await buildElectron(outDir);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const read = (name: string) => readFileSync(path.join(outDir, name), 'utf8');

/** Every `require("x")` left in a bundle: what it needs at run time besides itself. */
function requiredModules(source: string): string[] {
  return [...new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1] ?? ''))].sort();
}

describe('Electron bundles (scripts/build-electron.mjs)', () => {
  it('writes main.cjs, preload.cjs, job-worker.js and reader-worker.js', () => {
    for (const name of ['main.cjs', 'preload.cjs', 'job-worker.js', 'reader-worker.js']) expect(existsSync(path.join(outDir, name)), name).toBe(true);
    expect(JSON.parse(read('package.json'))).toEqual({ type: 'commonjs' });
  });

  it('keeps better-sqlite3 out of main.cjs and the worker (it loads an ABI-specific binary)', () => {
    for (const name of ['main.cjs', 'job-worker.js']) {
      const source = read(name);
      expect(requiredModules(source)).toContain('better-sqlite3');
      // better-sqlite3's own source would bring its addon loader along.
      expect(source).not.toContain('DEFAULT_ADDON');
    }
  });

  it('lets the sandboxed preload require nothing but electron', () => {
    expect(requiredModules(read('preload.cjs'))).toEqual(['electron']);
    expect(read('preload.cjs')).toContain('exposeInMainWorld("storelens"');
  });

  it('leaves nothing unresolvable in main.cjs and the worker', () => {
    const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));
    for (const name of ['main.cjs', 'job-worker.js', 'reader-worker.js']) {
      const missing = requiredModules(read(name)).filter((id) => {
        if (isBuiltin(id)) return false;
        try {
          requireFromRepo.resolve(id);
          return false;
        } catch {
          return true;
        }
      });
      expect(missing, name).toEqual([]);
    }
  });

  it('runs a real job through the bundled worker under Node', async () => {
    const previous = process.env.STORELENS_JOB_WORKER;
    process.env.STORELENS_JOB_WORKER = path.join(outDir, 'job-worker.js');
    const temp = createTempBackend('storelens-bundled-worker-');
    try {
      const outcome = await temp.backend.jobs.run('diagnostics.write-scratch', { rows: 2500, batchSize: 500 });
      expect(outcome.result).toEqual({ rows: 2500 });
      const rows = temp.backend.db.prepare('SELECT count(*) AS n FROM diag_scratch').get() as { n: number };
      expect(rows.n).toBe(2500);
    } finally {
      await temp.dispose();
      if (previous === undefined) delete process.env.STORELENS_JOB_WORKER;
      else process.env.STORELENS_JOB_WORKER = previous;
    }
  });

  it('reads, validates and packs a CSV file in the bundled staging reader thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storelens-bundled-reader-'));
    const [file] = writeNativeFiles(dir, { customers: [customer('C1'), customer('C2', 'not a date')] });
    const worker = new Worker(path.join(outDir, 'reader-worker.js'));
    try {
      const events: WireEvent[] = [];
      const ended = new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (message: FromReader) => {
          if (message.type === 'failed') reject(new Error(message.error.message));
          if (message.type !== 'event') return;
          events.push(message.event);
          if (message.event.kind === 'end') resolve();
        });
      });
      worker.postMessage({ type: 'read', file: file as string, options: {}, retain: 4 } satisfies ToReader);
      worker.postMessage({ type: 'credit' } satisfies ToReader);
      await ended;
      const batches = events.flatMap((e) => (e.kind === 'batch' ? [fromWire(e)] : [])).flatMap((e) => (e.kind === 'batch' ? [e.batch] : []));
      expect(events[0]).toMatchObject({ kind: 'opened', entities: ['customers'] });
      expect(batches.map((b) => b.rowCount)).toEqual([1]);
      expect(batches[0]?.values[0]).toBe('C1');
      expect(batches[0]?.values).toContain('Customer C1');
      expect(batches[0]?.problems).toEqual([expect.objectContaining({ line: 3, column: 'updated_at' })]);
    } finally {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
