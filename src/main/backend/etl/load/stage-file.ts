import { statSync } from 'node:fs';
import path from 'node:path';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import { AppError, toErrorInfo } from '../../../../shared/result';
import type { Db } from '../../db/open';
import type { RecordSource, SourceRecord } from '../source';
import { openRecordSource } from '../sources/open-record-source';
import { validateRow } from '../validate/validators';
import { deferIndexesIfEmpty } from './deferred-indexes';
import { DuplicateFinder } from './duplicate-finder';
import { sha256OfFile, streamingDigest } from './file-digest';
import type { ParentKeys } from './parent-keys';
import type { QuarantineWriter } from './quarantine-writer';
import { rowHash } from './row-hash';
import { StageWriter } from './stage-writer';

export interface StageFileContext {
  db: Db;
  runId: number;
  ingestedAt: string;
  parents: ParentKeys;
  quarantine: QuarantineWriter;
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
  parseMs: number;
  validateMs: number;
  stageMs: number;
  message: string | null;
  /** For a skipped file: the batch that loaded the same bytes before. */
  previousBatchId: number | null;
}

/** "2024-01-05/orders.csv": enough to find the row's file, short enough to repeat on every staged row. */
function shortName(file: string): string {
  return path.join(path.basename(path.dirname(path.resolve(file))), path.basename(file));
}

interface Counters {
  read: number;
  loaded: number;
  duplicate: number;
  quarantined: number;
  parseMs: number;
  validateMs: number;
  stageMs: number;
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
    rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsQuarantined: 0, parseMs: 0, validateMs: 0, stageMs: 0, message: null, previousBatchId: null,
  };
  // Only a file of a size already loaded can be a repeat: hash those up front, the rest while streaming.
  const sameSize = db.prepare("SELECT 1 FROM import_batches WHERE size_bytes = ? AND status = 'loaded' LIMIT 1").get(sizeBytes);
  if (sameSize !== undefined) {
    const sha256 = await sha256OfFile(file);
    const previous = db.prepare<[string], { batch_id: number }>("SELECT batch_id FROM import_batches WHERE sha256 = ? AND status = 'loaded' ORDER BY batch_id LIMIT 1").get(sha256);
    if (previous) return { ...base, status: 'skipped', sha256, previousBatchId: previous.batch_id, message: `already imported as batch ${previous.batch_id}` };
  }
  const digest = streamingDigest();
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO import_batches (run_id, path, file_name, size_bytes, sha256, format, status, rows_read, rows_loaded, rows_duplicate,
           rows_quarantined, parse_ms, validate_ms, stage_ms, ingested_at)
         VALUES (?, ?, ?, ?, '', 'unknown', 'loaded', 0, 0, 0, 0, 0, 0, 0, ?)`,
      )
      .run(ctx.runId, base.path, path.basename(file), sizeBytes, ctx.ingestedAt).lastInsertRowid,
  );
  const counters: Counters = { read: 0, loaded: 0, duplicate: 0, quarantined: 0, parseMs: 0, validateMs: 0, stageMs: 0 };
  let source: RecordSource | null = null;
  // No SAVEPOINT around the file: inside one, SQLite journals every page the load touches, which
  // grows with the run and made a 1M-line load superlinear. Staging is append-only, so a refused
  // file is undone by deleting the rows above the watermarks taken here, and its quarantine rows.
  const watermarks = new Map<NativeEntity, number>();
  let restoreIndexes: () => void = () => undefined;
  try {
    source = await openRecordSource(file, { mapping: ctx.mapping, onChunk: digest.update });
    for (const entity of source.entities) watermarks.set(entity, highestStagingId(db, entity));
    const [onlyEntity] = source.entities;
    restoreIndexes = source.entities.length === 1 && onlyEntity !== undefined ? deferIndexesIfEmpty(db, `stg_${onlyEntity}`) : () => undefined;
    await stageRecords(source, batchId, shortName(file), ctx, counters);
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
    db.prepare("UPDATE import_batches SET status = 'refused', message = ?, sha256 = ?, format = ? WHERE batch_id = ?").run(message, sha256, source?.format ?? 'unknown', batchId);
    return { ...base, status: 'refused', batchId, sha256, format: source?.format ?? 'unknown', message };
  }
  const sha256 = digest.hex();
  const entities = [...source.entities];
  db.prepare(
    `UPDATE import_batches SET sha256 = ?, format = ?, entity = ?, rows_read = ?, rows_loaded = ?, rows_duplicate = ?, rows_quarantined = ?,
       parse_ms = ?, validate_ms = ?, stage_ms = ? WHERE batch_id = ?`,
  ).run(sha256, source.format, entities.join(','), counters.read, counters.loaded, counters.duplicate, counters.quarantined,
    Math.round(counters.parseMs), Math.round(counters.validateMs), Math.round(counters.stageMs), batchId);
  return {
    ...base, batchId, sha256, format: source.format, entities,
    rowsRead: counters.read, rowsLoaded: counters.loaded, rowsDuplicate: counters.duplicate, rowsQuarantined: counters.quarantined,
    parseMs: counters.parseMs, validateMs: counters.validateMs, stageMs: counters.stageMs,
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

interface EntityState {
  writer: StageWriter;
  duplicates: DuplicateFinder;
}

async function stageRecords(source: RecordSource, batchId: number, sourceFile: string, ctx: StageFileContext, counters: Counters): Promise<void> {
  const { db, parents, quarantine } = ctx;
  const states = new Map<NativeEntity, EntityState>();
  const stateFor = (entity: NativeEntity): EntityState => {
    let state = states.get(entity);
    if (!state) {
      state = { writer: new StageWriter(db, entity, { batchId, sourceFile, ingestedAt: ctx.ingestedAt }), duplicates: new DuplicateFinder(db, entity) };
      states.set(entity, state);
    }
    return state;
  };
  const quarantineRecord = (record: SourceRecord, column: string | null, code: string, reason: string): void => {
    counters.quarantined += 1;
    quarantine.add({ batchId, file: sourceFile, entity: record.entity, line: record.line, column, code, reason, raw: record.raw, fields: record.fields });
  };
  const iterator = source.batches()[Symbol.asyncIterator]();
  for (;;) {
    let started = performance.now();
    const next = await iterator.next();
    counters.parseMs += performance.now() - started;
    if (next.done) break;
    ctx.throwIfCancelled();
    const { records, rejects } = next.value;
    counters.read += records.length + rejects.length;
    for (const reject of rejects) {
      counters.quarantined += 1;
      quarantine.add({ batchId, file: sourceFile, entity: reject.entity ?? null, line: reject.line, column: reject.column, code: reject.code ?? 'malformed_row', reason: reject.reason, raw: reject.raw, fields: null });
    }
    started = performance.now();
    let staging = 0;
    for (const record of records) {
      const checked = validateRow(record.entity, record.fields);
      if (!checked.isValid) {
        quarantineRecord(record, checked.column, checked.code, checked.reason);
        continue;
      }
      const missing = parents.missingParent(record.entity, checked.values);
      if (missing !== null) {
        quarantineRecord(record, missing.column, missing.code, missing.reason);
        continue;
      }
      const state = stateFor(record.entity);
      const hash = rowHash(record.fields);
      if (state.duplicates.isDuplicate(hash, checked.values)) {
        counters.duplicate += 1;
        continue;
      }
      const beforeInsert = performance.now();
      state.writer.add(record.line, hash, checked.values);
      staging += performance.now() - beforeInsert;
      parents.remember(record.entity, checked.values);
      counters.loaded += 1;
    }
    const spent = performance.now() - started;
    counters.stageMs += staging;
    counters.validateMs += spent - staging;
    ctx.onBytes(source.bytesRead());
  }
  const beforeFlush = performance.now();
  for (const state of states.values()) state.writer.flush();
  counters.stageMs += performance.now() - beforeFlush;
}
