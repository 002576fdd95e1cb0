import type { QualityCheckResult, QualityReport } from '../../../../shared/contract/imports';
import type { Db } from '../../db/open';

interface CheckRow {
  check_no: number; category: QualityCheckResult['category']; name: string; table_name: string; column_name: string | null;
  is_passed: number; value: number; threshold: number | null; detail: string;
}

/** A stored quality run with its checks; the latest one when no id is given, null before the first import. */
export function qualityReport(db: Db, qualityRunId?: number): QualityReport | null {
  const run = db
    .prepare<[], { quality_run_id: number; run_id: number | null; ran_at: string; checks: number; failed: number; is_passed: number }>(
      qualityRunId === undefined
        ? 'SELECT * FROM quality_runs ORDER BY quality_run_id DESC LIMIT 1'
        : `SELECT * FROM quality_runs WHERE quality_run_id = ${Number(qualityRunId)}`,
    )
    .get();
  if (!run) return null;
  const results = db
    .prepare<[number], CheckRow>('SELECT * FROM quality_checks WHERE quality_run_id = ? ORDER BY check_no')
    .all(run.quality_run_id)
    .map((c) => ({
      checkNo: c.check_no, category: c.category, name: c.name, tableName: c.table_name, columnName: c.column_name,
      isPassed: c.is_passed === 1, value: c.value, threshold: c.threshold, detail: c.detail,
    }));
  return { qualityRunId: run.quality_run_id, runId: run.run_id, ranAt: run.ran_at, checks: run.checks, failed: run.failed, isPassed: run.is_passed === 1, results };
}
