import { statSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_LOAD_ORDER } from '../../../shared/data-contract/native-format';
import type { Db } from '../db/open';
import { withPragmas } from '../db/connection-pragmas';
import { AUTO_CHECKPOINT_OFF } from '../db/wal-checkpoint';
import { refreshAggregatesAfterTransform } from './aggregates-hook';
import { createFileReader, type ReaderThread } from './load/file-reader';
import { ParentKeys } from './load/parent-keys';
import { QuarantineWriter } from './load/quarantine-writer';
import { stageFile, type StagedFile } from './load/stage-file';
import { runQualityChecks, type QualityOutcome } from './quality/run-quality';
import { entityFromFileName } from './sources/native-header';
import { readWatermarks } from './transform/scope';
import { transformStaged, WAREHOUSE_TABLES, type TransformOutcome } from './transform/transform';

export interface ImportRunOptions {
  kind: 'files' | 'landing';
  /** For people: the folder or the list of paths. */
  source: string;
  landingDay?: string | null;
  files: readonly string[];
  mapping?: unknown;
  /** Landing day folders this run covers, recorded so they are not picked up again. */
  landing?: { root: string; days: readonly string[] };
  progress?: (done: number, total: number, phase: string) => void;
  throwIfCancelled?: () => void;
  /** Where files are parsed and validated: on this thread, in a worker beside it, or by size ('auto', the default). */
  readerThread?: ReaderThread;
}

export interface ImportRunResult {
  runId: number | null;
  status: 'succeeded' | 'partial' | 'refused' | 'skipped';
  files: StagedFile[];
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsQuarantined: number;
  stageMs: number;
  transformMs: number;
  qualityMs: number;
  transform: TransformOutcome | null;
  quality: QualityOutcome | null;
  changedTables: string[];
}

/**
 * Page caches of the import (negative: KiB). SQLite mallocs its cache page by page and malloc
 * keeps what it once held, so the analytics connection's 64 MiB cache and the 16 MB default temp
 * cache, filled by the staging and fact writes, stayed resident (~130 MiB of malloc heap) under
 * the aggregate refresh's JS heap, which sets the run's peak RSS. 32 MiB leaves the fact steps as
 * fast as 64 (16 MiB and less slowed the order facts by ~40 %); the temp tables don't need more
 * than 4. The main size also caps each sorter's in-memory run before it spills to a temp file.
 */
const IMPORT_CACHE_KIB = -32768;
const IMPORT_TEMP_CACHE_KIB = -4096;

export const IMPORT_TABLES = ['import_runs', 'import_batches', 'quarantine', 'quality_runs', 'quality_checks'];

/** Parents before children; files not named after an entity (Shopify, UCI…) first, since they bring their own parents. */
export function orderFilesForLoad(files: readonly string[]): string[] {
  const rank = (file: string): number => {
    const entity = entityFromFileName(file);
    return entity === null ? -1 : NATIVE_LOAD_ORDER.indexOf(entity);
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function sizeOf(files: readonly StagedFile[], pick: (f: StagedFile) => number): number {
  return files.reduce((sum, f) => sum + pick(f), 0);
}

/**
 * One import run: every file staged, validated and quarantined, the touched facts rebuilt, the
 * analytics aggregates refreshed and the quality checks stored — all in ONE transaction, so a
 * crash or a cancel leaves the warehouse exactly as it was. Files already imported (same sha256)
 * are skipped; if every file was, nothing at all is written.
 */
export async function runImport(db: Db, options: ImportRunOptions): Promise<ImportRunResult> {
  // A million-line run sorts and indexes millions of rows in temp b-trees and statement journals:
  // in memory (the connection's default) they pushed peak RSS far past 500 MB; temp files sit in
  // the OS page cache instead. Scratch only, so a crash loses nothing of the warehouse.
  // The connection is shared with the analytics read path: everything changed here is put back.
  const settings = { temp_store: 'FILE', cache_size: IMPORT_CACHE_KIB, 'temp.cache_size': IMPORT_TEMP_CACHE_KIB, ...AUTO_CHECKPOINT_OFF };
  return withPragmas(db, settings, () => runImportInTransaction(db, options));
}

async function runImportInTransaction(db: Db, options: ImportRunOptions): Promise<ImportRunResult> {
  const progress = options.progress ?? (() => undefined);
  const throwIfCancelled = options.throwIfCancelled ?? (() => undefined);
  const files = orderFilesForLoad(options.files);
  const totalBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const startedAt = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    const runId = Number(
      db.prepare(
        `INSERT INTO import_runs (kind, source, landing_day, status, started_at, finished_at, files, rows_read, rows_loaded, rows_duplicate,
           rows_quarantined, stage_ms, transform_ms, quality_ms)
         VALUES (?, ?, ?, 'succeeded', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`,
      ).run(options.kind, options.source, options.landingDay ?? null, startedAt, startedAt, files.length).lastInsertRowid,
    );
    const watermarks = readWatermarks(db);
    const stageStarted = performance.now();
    const staged = await stageFiles(db, files, runId, startedAt, totalBytes, options);
    const stageMs = Math.round(performance.now() - stageStarted);
    const touched = staged.filter((f) => f.status !== 'skipped');
    if (touched.length === 0) {
      db.exec('ROLLBACK');
      return emptyResult('skipped', staged, stageMs);
    }
    throwIfCancelled();
    const transformStarted = performance.now();
    const transform = transformStaged(db, watermarks, (step, index, total) => {
      throwIfCancelled();
      progress(index, total, `building facts: ${step}`);
    });
    refreshAggregatesAfterTransform(db, transform, () => progress(0, 1, 'refreshing aggregates'));
    const transformMs = Math.round(performance.now() - transformStarted);
    throwIfCancelled();
    progress(0, 1, 'checking data quality');
    const qualityStarted = performance.now();
    const loaded = staged.filter((f) => f.status === 'loaded');
    const rows = {
      read: sizeOf(staged, (f) => f.rowsRead), loaded: sizeOf(staged, (f) => f.rowsLoaded),
      duplicate: sizeOf(staged, (f) => f.rowsDuplicate), quarantined: sizeOf(staged, (f) => f.rowsQuarantined),
    };
    const status: ImportRunResult['status'] = loaded.length === 0 ? 'refused' : loaded.length < touched.length ? 'partial' : 'succeeded';
    db.prepare(
      `UPDATE import_runs SET status = ?, finished_at = ?, rows_read = ?, rows_loaded = ?, rows_duplicate = ?, rows_quarantined = ?,
         stage_ms = ?, transform_ms = ?, touched_from = ?, touched_to = ?, log_json = ? WHERE run_id = ?`,
    ).run(status, new Date().toISOString(), rows.read, rows.loaded, rows.duplicate, rows.quarantined, stageMs, transformMs,
      transform.touchedFrom, transform.touchedTo, JSON.stringify(runLog(staged, transform)), runId);
    if (options.landing) {
      const mark = db.prepare('INSERT OR IGNORE INTO import_landing_days (landing_root, day, run_id) VALUES (?, ?, ?)');
      for (const day of options.landing.days) mark.run(path.resolve(options.landing.root), day, runId);
    }
    const quality = runQualityChecks(db, runId, watermarks);
    const qualityMs = Math.round(performance.now() - qualityStarted);
    db.prepare('UPDATE import_runs SET quality_ms = ?, finished_at = ? WHERE run_id = ?').run(qualityMs, new Date().toISOString(), runId);
    db.exec('COMMIT');
    return {
      runId, status, files: staged, rowsRead: rows.read, rowsLoaded: rows.loaded, rowsDuplicate: rows.duplicate, rowsQuarantined: rows.quarantined,
      stageMs, transformMs, qualityMs, transform, quality, changedTables: [...WAREHOUSE_TABLES, ...IMPORT_TABLES, ...stagingTables()],
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Every file of the run into staging. The parent-key sets live only here: at a million orders
 * they are tens of MB that the facts and aggregates that follow should not have to share.
 */
async function stageFiles(db: Db, files: readonly string[], runId: number, ingestedAt: string, totalBytes: number, options: ImportRunOptions): Promise<StagedFile[]> {
  const progress = options.progress ?? (() => undefined);
  const throwIfCancelled = options.throwIfCancelled ?? (() => undefined);
  const parents = new ParentKeys(db);
  const quarantine = new QuarantineWriter(db);
  const staged: StagedFile[] = [];
  const reader = createFileReader(options.readerThread, files);
  let bytesBefore = 0;
  try {
    for (const file of files) {
      throwIfCancelled();
      const phase = `staging ${path.basename(file)}`;
      progress(bytesBefore, totalBytes, phase);
      staged.push(
        await stageFile(file, {
          db, runId, ingestedAt, parents, quarantine, reader, mapping: options.mapping, throwIfCancelled,
          onBytes: (bytes) => progress(bytesBefore + bytes, totalBytes, phase),
        }),
      );
      bytesBefore += statSync(file).size;
    }
  } finally {
    await reader.close();
  }
  return staged;
}

function stagingTables(): string[] {
  return NATIVE_LOAD_ORDER.map((e) => `stg_${e}`);
}

function emptyResult(status: ImportRunResult['status'], files: StagedFile[], stageMs: number): ImportRunResult {
  return {
    runId: null, status, files, rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsQuarantined: 0,
    stageMs, transformMs: 0, qualityMs: 0, transform: null, quality: null, changedTables: [],
  };
}

interface LogLine {
  level: 'info' | 'warn';
  message: string;
}

function runLog(files: readonly StagedFile[], transform: TransformOutcome): LogLine[] {
  const lines: LogLine[] = files.map((f) => {
    const name = path.basename(f.path);
    if (f.status === 'skipped') return { level: 'info', message: `${name}: skipped, ${f.message ?? 'already imported'}` };
    if (f.status === 'refused') return { level: 'warn', message: f.message ?? `${name}: refused` };
    return {
      level: f.rowsQuarantined > 0 ? 'warn' : 'info',
      message: `${name}: ${f.rowsRead} rows read, ${f.rowsLoaded} loaded, ${f.rowsDuplicate} duplicates, ${f.rowsQuarantined} quarantined (${f.format}, ${f.entities.join(', ')})`,
    };
  });
  lines.push({
    level: 'info',
    message: `facts rebuilt for ${transform.scope.orders} orders, ${transform.scope.customers} customers, ${transform.scope.skus} SKUs; days ${transform.touchedFrom ?? '–'} … ${transform.touchedTo ?? '–'}`,
  });
  return lines;
}
