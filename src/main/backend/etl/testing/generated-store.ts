import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateStore } from '../../generate';
import type { StoreManifest } from '../../generate';
import { openWarehouse, type Db } from '../../db/open';
import { runImport } from '../import-run';

export interface GeneratedStore {
  dir: string;
  landing: string;
  days: string[];
  manifest: StoreManifest;
}

/** A small generated store (a few thousand order lines over 60 days) in a fresh temp folder. */
export async function generateSmallStore(seed = 3, days = 60): Promise<GeneratedStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'storelens-etl-'));
  const landing = path.join(dir, 'landing');
  await generateStore({ outDir: landing, customers: 300, products: 60, days, seed, lines: 5000 });
  const manifest = JSON.parse(readFileSync(path.join(landing, 'manifest.json'), 'utf8')) as StoreManifest;
  const folders = readdirSync(landing).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort();
  return { dir, landing, days: folders, manifest };
}

/** The files of some day folders, as a run would load them. */
export function filesOfDays(store: GeneratedStore, days: readonly string[]): string[] {
  return days.flatMap((day) => readdirSync(path.join(store.landing, day)).map((name) => path.join(store.landing, day, name)));
}

export interface ImportedStore {
  store: GeneratedStore;
  db: Db;
  dispose(): void;
}

/**
 * A small generated store imported into a fresh warehouse in runs, as nightly drops would: one
 * run per slice of days, cut at each day index in `cuts` (none: one run for everything).
 */
export async function importGeneratedStore(seed: number, days: number, cuts: readonly number[] = []): Promise<ImportedStore> {
  const store = await generateSmallStore(seed, days);
  const db = openWarehouse(path.join(store.dir, 'warehouse.sqlite'));
  const bounds = [0, ...cuts, store.days.length];
  for (let i = 1; i < bounds.length; i += 1) {
    await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(bounds[i - 1], bounds[i])) });
  }
  return {
    store,
    db,
    dispose: () => {
      db.close();
      rmSync(store.dir, { recursive: true, force: true });
    },
  };
}
