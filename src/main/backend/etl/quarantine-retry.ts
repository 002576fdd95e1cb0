import { NATIVE_LOAD_ORDER, type NativeEntity } from '../../../shared/data-contract/native-format';
import type { Db } from '../db/open';
import { refreshAggregatesAfterTransform } from './aggregates-hook';
import { DuplicateFinder } from './load/duplicate-finder';
import { ParentKeys } from './load/parent-keys';
import { QuarantineWriter } from './load/quarantine-writer';
import { rowHash } from './load/row-hash';
import { StageWriter } from './load/stage-writer';
import { runQualityChecks } from './quality/run-quality';
import { readWatermarks } from './transform/scope';
import { transformStaged, WAREHOUSE_TABLES } from './transform/transform';
import { validateRow } from './validate/validators';

export interface RetryResult {
  runId: number | null;
  attempted: number;
  loaded: number;
  duplicates: number;
  stillQuarantined: number;
  changedTables: string[];
}

interface OpenRow {
  quarantine_id: number;
  file: string;
  entity: NativeEntity;
  line: number;
  raw: string;
  fields_json: string;
}

/**
 * Re-validates open quarantined rows (parents first), e.g. after the missing parents arrived.
 * Rows that now pass are staged under a new 'retry' batch and marked resolved; rows that fail
 * again are re-quarantined under that batch (the old entry is marked superseded), so the retry
 * batch keeps rows read = loaded + duplicates + quarantined. One transaction.
 */
export function retryQuarantine(db: Db, filter: { batchId?: number; reasonCode?: string }, throwIfCancelled: () => void = () => undefined): RetryResult {
  const clauses = ["status = 'open'", 'fields_json IS NOT NULL', 'entity IS NOT NULL'];
  const params: unknown[] = [];
  if (filter.batchId !== undefined) {
    clauses.push('batch_id = ?');
    params.push(filter.batchId);
  }
  if (filter.reasonCode !== undefined) {
    clauses.push('reason_code = ?');
    params.push(filter.reasonCode);
  }
  const rows = db.prepare<unknown[], OpenRow>(`SELECT quarantine_id, file, entity, line, raw, fields_json FROM quarantine WHERE ${clauses.join(' AND ')} ORDER BY quarantine_id`).all(...params);
  if (rows.length === 0) return { runId: null, attempted: 0, loaded: 0, duplicates: 0, stillQuarantined: 0, changedTables: [] };
  rows.sort((a, b) => NATIVE_LOAD_ORDER.indexOf(a.entity) - NATIVE_LOAD_ORDER.indexOf(b.entity) || a.quarantine_id - b.quarantine_id);
  const now = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    const runId = Number(
      db.prepare(
        `INSERT INTO import_runs (kind, source, status, started_at, finished_at, files, rows_read, rows_loaded, rows_duplicate, rows_quarantined, stage_ms, transform_ms, quality_ms)
         VALUES ('retry', 'quarantine', 'succeeded', ?, ?, 1, 0, 0, 0, 0, 0, 0, 0)`,
      ).run(now, now).lastInsertRowid,
    );
    const batchId = Number(
      db.prepare(
        `INSERT INTO import_batches (run_id, path, file_name, size_bytes, sha256, format, entity, status, rows_read, rows_loaded, rows_duplicate,
           rows_quarantined, parse_ms, validate_ms, stage_ms, ingested_at)
         VALUES (?, 'quarantine', 'quarantine retry', 0, '', 'quarantine', ?, 'retry', 0, 0, 0, 0, 0, 0, 0, ?)`,
      ).run(runId, [...new Set(rows.map((r) => r.entity))].join(','), now).lastInsertRowid,
    );
    const watermarks = readWatermarks(db);
    const parents = new ParentKeys(db);
    const quarantine = new QuarantineWriter(db);
    const writers = new Map<NativeEntity, { writer: StageWriter; duplicates: DuplicateFinder }>();
    const resolve = db.prepare("UPDATE quarantine SET status = ?, resolved_batch_id = ? WHERE quarantine_id = ?");
    const counts = { loaded: 0, duplicates: 0, quarantined: 0 };
    for (const row of rows) {
      throwIfCancelled();
      const fields = JSON.parse(row.fields_json) as string[];
      const checked = validateRow(row.entity, fields);
      const problem = checked.isValid ? parents.missingParent(row.entity, checked.values) : checked;
      if (!checked.isValid || problem !== null) {
        const failure = problem ?? { column: null, code: 'malformed_row', reason: 'invalid' };
        quarantine.add({ batchId, file: row.file, entity: row.entity, line: row.line, column: failure.column, code: failure.code, reason: failure.reason, raw: row.raw, fields });
        resolve.run('superseded', batchId, row.quarantine_id);
        counts.quarantined += 1;
        continue;
      }
      let state = writers.get(row.entity);
      if (!state) {
        state = { writer: new StageWriter(db, row.entity, { batchId, sourceFile: row.file, ingestedAt: now }), duplicates: new DuplicateFinder(db, row.entity) };
        writers.set(row.entity, state);
      }
      const hash = rowHash(fields);
      resolve.run('resolved', batchId, row.quarantine_id);
      if (state.duplicates.isDuplicate(hash, checked.values, 0, null)) {
        counts.duplicates += 1;
        continue;
      }
      state.writer.add(row.line, hash, checked.values);
      // Later rows of this retry may be children of this one: flush so the lookups see it.
      state.writer.flush();
      parents.remember(row.entity, checked.values);
      counts.loaded += 1;
    }
    db.prepare('UPDATE import_batches SET rows_read = ?, rows_loaded = ?, rows_duplicate = ?, rows_quarantined = ? WHERE batch_id = ?')
      .run(rows.length, counts.loaded, counts.duplicates, counts.quarantined, batchId);
    const started = performance.now();
    const transform = transformStaged(db, watermarks);
    refreshAggregatesAfterTransform(db, transform);
    db.prepare(
      `UPDATE import_runs SET rows_read = ?, rows_loaded = ?, rows_duplicate = ?, rows_quarantined = ?, transform_ms = ?, finished_at = ?,
         touched_from = ?, touched_to = ?, log_json = ?, status = ? WHERE run_id = ?`,
    ).run(rows.length, counts.loaded, counts.duplicates, counts.quarantined, Math.round(performance.now() - started), new Date().toISOString(),
      transform.touchedFrom, transform.touchedTo,
      JSON.stringify([{ level: 'info', message: `retried ${rows.length} quarantined rows: ${counts.loaded} loaded, ${counts.duplicates} duplicates, ${counts.quarantined} still failing` }]),
      counts.loaded > 0 || counts.duplicates > 0 ? 'succeeded' : 'refused', runId);
    runQualityChecks(db, runId, watermarks);
    db.exec('COMMIT');
    return {
      runId, attempted: rows.length, loaded: counts.loaded, duplicates: counts.duplicates, stillQuarantined: counts.quarantined,
      changedTables: [...WAREHOUSE_TABLES, 'quarantine', 'import_runs', 'import_batches', 'quality_runs', 'quality_checks'],
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
