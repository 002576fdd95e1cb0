import { statSync } from 'node:fs';
import path from 'node:path';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { DetectedFormat } from '../source';
import { AppError, toErrorInfo } from '../../../../shared/result';
import type { Db } from '../../db/open';
import { deferIndexesIfEmpty } from '../../db/deferred-indexes';
import { sha256OfFile } from './file-digest';
import type { FileReader } from './file-reader';
import type { ParentKeys } from './parent-keys';
import type { QuarantineWriter } from './quarantine-writer';
import { stageBatches, type WriterCounters } from './stage-batches';

export interface StageFileContext {
  db: Db;
  runId: number;
  ingestedAt: string;
  parents: ParentKeys;
  quarantine: QuarantineWriter;
  /** Parses and validates files, in a worker thread or inline. */
  reader: FileReader;
  mapping?: unknown;
  /** Bytes of this file consumed so far. */
  onBytes(bytes: number): void;
  throwIfCancelled(): void;
}

export interface StagedFile {
  status: 'loaded' | 'refused' | 'skipped';
  batchId: number | null;
  path: string;
  sha256: string;
  sizeBytes: number;
  format: string;
  entities: NativeEntity[];
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsQuarantined: number;
  /** Reader (worker or inline): read + decode + CSV scan, then validation and hashing. */
  parseMs: number;
  validateMs: number;
  /** Writer: parent and duplicate checks, inserts, quarantine, re-indexing. */
  stageMs: number;
  /** Wall clock of the file's staging; below parse + validate + stage when reader and writer overlap. */
  loadMs: number;
  /** Where the file was parsed and validated. */
  readerThread: 'worker' | 'inline';
  message: string | null;
  /** For a skipped file: the batch that loaded the same bytes before. */
  previousBatchId: number | null;
}

/** "2024-01-05/orders.csv": enough to find the row's file, short enough to repeat on every staged row. */
function shortName(file: string): string {
  return path.join(path.basename(path.dirname(path.resolve(file))), path.basename(file));
}


/**
 * Stages one file inside the run's open transaction, within a savepoint: a file that turns out to
 * be unreadable part-way (a quote never closed at the end) is rolled back whole and recorded as
 * refused; the run's other files still load. The same bytes loaded before are skipped untouched.
 */
export async function stageFile(file: string, ctx: StageFileContext): Promise<StagedFile> {
  const { db } = ctx;
  const sizeBytes = statSync(file).size;
  const base: StagedFile = {
    status: 'loaded', batchId: null, path: path.resolve(file), sha256: '', sizeBytes, format: 'unknown', entities: [],
    rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsQuarantined: 0, parseMs: 0, validateMs: 0, stageMs: 0, loadMs: 0, readerThread: 'inline', message: null, previousBatchId: null,
  };
  // Only a file of a size already loaded can be a repeat: hash those up front, the rest while streaming.
  const sameSize = db.prepare("SELECT 1 FROM import_batches WHERE size_bytes = ? AND status = 'loaded' LIMIT 1").get(sizeBytes);
  if (sameSize !== undefined) {
    const sha256 = await sha256OfFile(file);
    const previous = db.prepare<[string], { batch_id: number }>("SELECT batch_id FROM import_batches WHERE sha256 = ? AND status = 'loaded' ORDER BY batch_id LIMIT 1").get(sha256);
    if (previous) return { ...base, status: 'skipped', sha256, previousBatchId: previous.batch_id, message: `already imported as batch ${previous.batch_id}` };
  }
  const startedAt = performance.now();
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batches (run_id, path, file_name, size_bytes, sha256, format, status, rows_read, rows_loaded, rows_duplicate,
           rows_quarantined, parse_ms, validate_ms, stage_ms, ingested_at)
         VALUES (?, ?, ?, ?, '', 'unknown', 'loaded', 0, 0, 0, 0, 0, 0, 0, ?)`,
      )
      .run(ctx.runId, base.path, path.basename(file), sizeBytes, ctx.ingestedAt).lastInsertRowid,
  );
  const counters: WriterCounters = { read: 0, loaded: 0, duplicate: 0, quarantined: 0, stageMs: 0, waitMs: 0 };
  const read = ctx.reader.open(file, { mapping: ctx.mapping });
  let opened: { format: DetectedFormat; entities: NativeEntity[] } | null = null;
  // No SAVEPOINT around the file: inside one, SQLite journals every page the load touches, which
  // grows with the run and made a 1M-line load superlinear. Staging is append-only, so a refused
  // file is undone by deleting the rows above the watermarks taken here, and its quarantine rows.
  const watermarks = new Map<NativeEntity, number>();
  let restoreIndexes: () => void = () => undefined;
  let totals: { sha256: string; parseMs: number; validateMs: number };
  try {
    const first = await read.events.next();
    if (first.done || first.value.kind !== 'opened') throw new Error(`${path.basename(file)}: the reader did not open the file`);
    opened = first.value;
    for (const entity of opened.entities) watermarks.set(entity, highestStagingId(db, entity));
    const [onlyEntity] = opened.entities;
    restoreIndexes = opened.entities.length === 1 && onlyEntity !== undefined ? deferIndexesIfEmpty(db, `stg_${onlyEntity}`) : () => undefined;
    totals = await stageBatches(read, opened.entities, {
      db, batchId, sourceFile: shortName(file), ingestedAt: ctx.ingestedAt, parents: ctx.parents, quarantine: ctx.quarantine,
      onBytes: ctx.onBytes, throwIfCancelled: ctx.throwIfCancelled,
    }, counters);
    const indexing = performance.now();
    const restore = restoreIndexes;
    restoreIndexes = () => undefined;
    restore();
    counters.stageMs += performance.now() - indexing;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'IMPORT_REFUSED') throw error;
    undoPartialFile(db, batchId, watermarks, ctx.parents);
    restoreIndexes();
    const message = toErrorInfo(error).message;
    const sha256 = await sha256OfFile(file);
    const format = opened?.format ?? 'unknown';
    db.prepare("UPDATE import_batches SET status = 'refused', message = ?, sha256 = ?, format = ? WHERE batch_id = ?").run(message, sha256, format, batchId);
    return { ...base, status: 'refused', batchId, sha256, format, message };
  } finally {
    // Stops a reader left mid-file by an error or a cancel (a worker is terminated).
    await read.events.return(undefined);
  }
  const entities = [...opened.entities];
  db.prepare(
    `UPDATE import_batches SET sha256 = ?, format = ?, entity = ?, rows_read = ?, rows_loaded = ?, rows_duplicate = ?, rows_quarantined = ?,
       parse_ms = ?, validate_ms = ?, stage_ms = ? WHERE batch_id = ?`,
  ).run(totals.sha256, opened.format, entities.join(','), counters.read, counters.loaded, counters.duplicate, counters.quarantined,
    Math.round(totals.parseMs), Math.round(totals.validateMs), Math.round(counters.stageMs), batchId);
  return {
    ...base, batchId, sha256: totals.sha256, format: opened.format, entities,
    rowsRead: counters.read, rowsLoaded: counters.loaded, rowsDuplicate: counters.duplicate, rowsQuarantined: counters.quarantined,
    parseMs: totals.parseMs, validateMs: totals.validateMs, stageMs: counters.stageMs, loadMs: performance.now() - startedAt, readerThread: read.thread,
  };
}

function highestStagingId(db: Db, entity: NativeEntity): number {
  return Number(db.prepare(`SELECT coalesce(max(stg_id), 0) FROM stg_${entity}`).pluck().get());
}

/** Removes what a file refused part-way had staged and quarantined; the parent-key cache may hold its keys, so it is emptied. */
function undoPartialFile(db: Db, batchId: number, watermarks: ReadonlyMap<NativeEntity, number>, parents: ParentKeys): void {
  for (const [entity, watermark] of watermarks) db.prepare(`DELETE FROM stg_${entity} WHERE stg_id > ?`).run(watermark);
  db.prepare('DELETE FROM quarantine WHERE batch_id = ?').run(batchId);
  parents.forgetCached();
}
