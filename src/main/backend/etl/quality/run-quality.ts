import type { Db } from '../../db/open';
import type { StagingWatermarks } from '../transform/scope';
import { nullChecks, rangeChecks, reconciliationChecks, referentialChecks, uniqueChecks, type QualityCheck } from './checks';

export interface QualityOutcome {
  qualityRunId: number;
  checks: number;
  failed: number;
  isPassed: boolean;
}

/** Runs every data-quality check after an import and stores pass/fail with the measured figures. */
export function runQualityChecks(db: Db, runId: number | null, watermarks: StagingWatermarks): QualityOutcome {
  const checks: QualityCheck[] = [
    ...nullChecks(db, watermarks),
    ...uniqueChecks(db),
    ...referentialChecks(db),
    ...rangeChecks(db),
    ...(runId === null ? [] : reconciliationChecks(db, runId)),
  ];
  const failed = checks.filter((c) => !c.isPassed).length;
  const qualityRunId = Number(
    db.prepare('INSERT INTO quality_runs (run_id, ran_at, checks, failed, is_passed) VALUES (?, ?, ?, ?, ?)')
      .run(runId, new Date().toISOString(), checks.length, failed, failed === 0 ? 1 : 0).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO quality_checks (quality_run_id, check_no, category, name, table_name, column_name, is_passed, value, threshold, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  checks.forEach((c, i) => insert.run(qualityRunId, i + 1, c.category, c.name, c.tableName, c.columnName, c.isPassed ? 1 : 0, c.value, c.threshold, c.detail));
  return { qualityRunId, checks: checks.length, failed, isPassed: failed === 0 };
}
