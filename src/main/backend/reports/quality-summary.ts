import type { Db } from '../db/open';

export interface QualitySummary {
  /** false when no data-quality run has been recorded (or the import tables do not exist). */
  hasRun: boolean;
  ranAt: string | null;
  checks: number;
  failed: number;
  isPassed: boolean | null;
  failures: { name: string; table: string; column: string | null; detail: string }[];
  openQuarantine: number;
}

const hasTable = (db: Db, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) === 1;

/** The latest data-quality run written by the import pipeline (quality_runs / quality_checks), and open quarantine. */
export function qualitySummary(db: Db, maxFailures = 5): QualitySummary {
  const openQuarantine = hasTable(db, 'quarantine')
    ? Number(db.prepare("SELECT count(*) FROM quarantine WHERE status = 'open'").pluck().get())
    : 0;
  const empty: QualitySummary = { hasRun: false, ranAt: null, checks: 0, failed: 0, isPassed: null, failures: [], openQuarantine };
  if (!hasTable(db, 'quality_runs') || !hasTable(db, 'quality_checks')) return empty;
  const run = db
    .prepare<[], { quality_run_id: number; ran_at: string; checks: number; failed: number; is_passed: number }>(
      'SELECT quality_run_id, ran_at, checks, failed, is_passed FROM quality_runs ORDER BY ran_at DESC, quality_run_id DESC LIMIT 1',
    )
    .get();
  if (!run) return empty;
  const failures = db
    .prepare<[number, number], { name: string; table_name: string; column_name: string | null; detail: string }>(
      'SELECT name, table_name, column_name, detail FROM quality_checks WHERE quality_run_id = ? AND is_passed = 0 ORDER BY check_no LIMIT ?',
    )
    .all(run.quality_run_id, maxFailures)
    .map((f) => ({ name: f.name, table: f.table_name, column: f.column_name, detail: f.detail }));
  return { hasRun: true, ranAt: run.ran_at, checks: run.checks, failed: run.failed, isPassed: run.is_passed === 1, failures, openQuarantine };
}
