import { rebuildAllAnalyticsAggregates } from '../analytics/aggregates/refresh';
import type { Db } from '../db/open';
import { withoutAutoCheckpoint } from '../db/wal-checkpoint';
import { runQualityChecks, type QualityOutcome } from './quality/run-quality';
import { clearWarehouse, transformStaged, WAREHOUSE_TABLES, type TransformOutcome } from './transform/transform';
import { ZERO_WATERMARKS } from './transform/scope';

export interface RebuildResult {
  runId: number;
  transform: TransformOutcome;
  quality: QualityOutcome;
  transformMs: number;
  changedTables: string[];
}

/**
 * Rebuilds every dimension and fact from staging alone, in one transaction. Because keys come
 * from staging ids and every "latest wins" is by staging order, the result is identical to what
 * the imports built incrementally (rebuild.test.ts compares checksums).
 */
export function rebuildFromStaging(db: Db, onStep: (step: string, index: number, total: number) => void = () => undefined, throwIfCancelled: () => void = () => undefined): RebuildResult {
  // Rewrites the whole warehouse: the log is copied into the file afterwards, off the user's path.
  return withoutAutoCheckpoint(db, () => rebuildInTransaction(db, onStep, throwIfCancelled));
}

function rebuildInTransaction(db: Db, onStep: (step: string, index: number, total: number) => void, throwIfCancelled: () => void): RebuildResult {
  const startedAt = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    const started = performance.now();
    clearWarehouse(db);
    const transform = transformStaged(db, ZERO_WATERMARKS, (step, index, total) => {
      throwIfCancelled();
      onStep(step, index, total);
    });
    rebuildAllAnalyticsAggregates(db);
    const transformMs = Math.round(performance.now() - started);
    const runId = Number(
      db.prepare(
        `INSERT INTO import_runs (kind, source, status, started_at, finished_at, files, rows_read, rows_loaded, rows_duplicate, rows_quarantined,
           stage_ms, transform_ms, quality_ms, touched_from, touched_to, log_json)
         VALUES ('rebuild', 'staging', 'succeeded', ?, ?, 0, 0, 0, 0, 0, 0, ?, 0, ?, ?, ?)`,
      ).run(startedAt, new Date().toISOString(), transformMs, transform.touchedFrom, transform.touchedTo,
        JSON.stringify([{ level: 'info', message: `rebuilt ${transform.orders} orders, ${transform.lines} lines, ${transform.productVersions} product versions from staging` }])).lastInsertRowid,
    );
    const quality = runQualityChecks(db, runId, ZERO_WATERMARKS);
    db.exec('COMMIT');
    return { runId, transform, quality, transformMs, changedTables: [...WAREHOUSE_TABLES, 'import_runs', 'quality_runs', 'quality_checks'] };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
