import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateStore } from './generate-store';

const root = mkdtempSync(path.join(tmpdir(), 'storelens-gen-det-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name !== 'manifest.json') hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

const small = { customers: 300, products: 60, days: 60, start: '2024-01-01' };

describe('generateStore determinism', () => {
  it('writes byte-identical files for the same seed and options, and different ones for another seed', async () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    const c = path.join(root, 'c');
    await generateStore({ ...small, outDir: a, seed: 11 });
    await generateStore({ ...small, outDir: b, seed: 11 });
    await generateStore({ ...small, outDir: c, seed: 12 });
    expect(hashTree(a)).toBe(hashTree(b));
    expect(hashTree(a)).not.toBe(hashTree(c));
    // The manifest differs only by outDir.
    const manifestOf = (dir: string): string => readFileSync(path.join(dir, 'manifest.json'), 'utf8').replaceAll(dir, '<out>');
    expect(manifestOf(a)).toBe(manifestOf(b));
  });

  it('reports progress per day and stops with the cancel error between days', async () => {
    const progress: number[] = [];
    const out = path.join(root, 'progress');
    const summary = await generateStore({ ...small, outDir: out, seed: 3 }, { progress: (done) => progress.push(done), throwIfCancelled: () => undefined });
    expect(progress.at(-1)).toBe(60);
    expect(summary.folders).toBe(60);
    let calls = 0;
    const cancelled = generateStore({ ...small, outDir: path.join(root, 'cancelled'), seed: 3 }, {
      progress: () => undefined,
      throwIfCancelled: () => {
        calls += 1;
        if (calls > 5) throw new Error('cancelled on purpose');
      },
    });
    await expect(cancelled).rejects.toThrow('cancelled on purpose');
  });

  it('refuses an output folder holding files it did not write', async () => {
    const out = path.join(root, 'foreign');
    await generateStore({ ...small, days: 14, outDir: out, seed: 1 });
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    await expect(generateStore({ ...small, days: 14, outDir: out, seed: 1 })).rejects.toThrow(/did not write/);
  });
});
