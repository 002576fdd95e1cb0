import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openWarehouse, type Db } from '../../db/open';
import { runImport } from '../../etl/import-run';
import { generateStore, GENERATOR_PRESETS, type GeneratorPreset } from '../../generate';
import { sqlDir } from '../../paths';

/**
 * The bench warehouse, built the way a user gets one: the REAL generator writes a landing folder
 * and the REAL import pipeline loads it. Both steps are slow at 1M lines, so the imported
 * warehouse is cached ("facts" file) and each schema of the analytics aggregates gets its own
 * working copy, filled from the facts file (the migration runner never re-applies an edited
 * migration to an existing file, so a working copy is made fresh whenever a migration is added or changed).
 */
export interface BenchWarehouseOptions {
  cacheDir: string;
  preset: GeneratorPreset;
  seed: number;
  /** Use this warehouse file's facts instead of generating and importing (e.g. a synthetic one). */
  factsFile?: string | undefined;
  log: (line: string) => void;
}

/** Warehouse tables copied from the imported file; aggregates are rebuilt from them. */
const FACT_TABLES = [
  'dim_date', 'dim_channel', 'dim_customer', 'dim_product', 'fct_orders', 'fct_order_items', 'fct_returns',
  'fct_reviews', 'fct_inventory_daily', 'inventory_alerts', 'fct_revenue_daily', 'fct_cohort_ltv',
];

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function buildFactsFile(options: BenchWarehouseOptions, file: string): Promise<void> {
  const landing = path.join(options.cacheDir, `landing-${options.preset}-${options.seed}`);
  if (!existsSync(path.join(landing, 'manifest.json'))) {
    const started = performance.now();
    rmSync(landing, { recursive: true, force: true });
    await generateStore({ outDir: landing, preset: options.preset, seed: options.seed }, { progress: () => undefined, throwIfCancelled: () => undefined });
    options.log(`generated ${options.preset} store (seed ${options.seed}) in ${seconds(started)}: ${landing}`);
  }
  const days = readdirSync(landing).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort();
  const files = days.flatMap((day) => readdirSync(path.join(landing, day)).map((name) => path.join(landing, day, name)));
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = openWarehouse(partial);
  try {
    const started = performance.now();
    const result = await runImport(db, { kind: 'landing', source: landing, files, landing: { root: landing, days } });
    options.log(`imported ${result.rowsLoaded.toLocaleString('en-US')} rows (${result.status}) through the import pipeline in ${seconds(started)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  renameSync(partial, file);
}

/** Every migration: a new or changed one (any owner's) needs a fresh working copy. */
function schemaHash(): string {
  const dir = path.join(sqlDir(), 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((name) => /^\d{4}_.*\.sql$/.test(name)).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

/** Opens (building when missing) the working warehouse for the current aggregate schema. */
export async function openBenchWarehouse(options: BenchWarehouseOptions): Promise<{ db: Db; file: string; isNew: boolean }> {
  mkdirSync(options.cacheDir, { recursive: true });
  const facts = options.factsFile ?? path.join(options.cacheDir, `facts-${options.preset}-${options.seed}.sqlite`);
  if (!existsSync(facts)) await buildFactsFile(options, facts);
  const name = options.factsFile ? path.basename(options.factsFile, '.sqlite') : `${options.preset}-${options.seed}`;
  const file = path.join(options.cacheDir, `work-${name}-${schemaHash()}.sqlite`);
  if (existsSync(file)) return { db: openWarehouse(file), file, isNew: false };
  for (const old of readdirSync(options.cacheDir).filter((n) => n.startsWith(`work-${name}-`))) {
    rmSync(path.join(options.cacheDir, old), { force: true });
  }
  const started = performance.now();
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = openWarehouse(partial);
  db.prepare('ATTACH DATABASE ? AS facts').run(facts);
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const table of FACT_TABLES) db.exec(`INSERT INTO main.${table} SELECT * FROM facts.${table}`);
  })();
  db.exec('DETACH DATABASE facts');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, file);
  options.log(`copied the facts into a working warehouse for this aggregate schema in ${seconds(started)}`);
  return { db: openWarehouse(file), file, isNew: true };
}

export { GENERATOR_PRESETS };
