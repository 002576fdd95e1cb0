import type {
  DailyImportSummary,
  ImportBatchSummary,
  ImportRunDetail,
  ImportRunSummary,
  RunLogLine,
} from '../../../../shared/contract/imports';
import { AppError } from '../../../../shared/result';
import type { Db } from '../../db/open';
import { qualityReport } from './quality-report';
import { quarantineReasons } from './quarantine-queries';

interface RunRow {
  run_id: number; kind: ImportRunSummary['kind']; source: string; landing_day: string | null; status: ImportRunSummary['status'];
  started_at: string; finished_at: string; files: number; rows_read: number; rows_loaded: number; rows_duplicate: number;
  rows_quarantined: number; stage_ms: number; transform_ms: number; quality_ms: number; touched_from: string | null; touched_to: string | null;
  log_json: string;
}

interface BatchRow {
  batch_id: number; run_id: number; path: string; file_name: string; size_bytes: number; sha256: string; format: string; entity: string | null;
  status: ImportBatchSummary['status']; message: string | null; rows_read: number; rows_loaded: number; rows_duplicate: number;
  rows_quarantined: number; parse_ms: number; validate_ms: number; stage_ms: number; ingested_at: string;
}

function toRun(r: RunRow): ImportRunSummary {
  return {
    runId: r.run_id, kind: r.kind, source: r.source, landingDay: r.landing_day, status: r.status, startedAt: r.started_at, finishedAt: r.finished_at,
    files: r.files, rowsRead: r.rows_read, rowsLoaded: r.rows_loaded, rowsDuplicate: r.rows_duplicate, rowsQuarantined: r.rows_quarantined,
    stageMs: r.stage_ms, transformMs: r.transform_ms, qualityMs: r.quality_ms, touchedFrom: r.touched_from, touchedTo: r.touched_to,
  };
}

function toBatch(b: BatchRow): ImportBatchSummary {
  return {
    batchId: b.batch_id, runId: b.run_id, path: b.path, fileName: b.file_name, sizeBytes: b.size_bytes, sha256: b.sha256, format: b.format,
    entity: b.entity, status: b.status, message: b.message, rowsRead: b.rows_read, rowsLoaded: b.rows_loaded, rowsDuplicate: b.rows_duplicate,
    rowsQuarantined: b.rows_quarantined, parseMs: b.parse_ms, validateMs: b.validate_ms, stageMs: b.stage_ms, ingestedAt: b.ingested_at,
  };
}

export function listRuns(db: Db, limit: number, offset: number): { total: number; runs: ImportRunSummary[] } {
  const total = Number(db.prepare('SELECT count(*) FROM import_runs').pluck().get());
  const runs = db.prepare<[number, number], RunRow>('SELECT * FROM import_runs ORDER BY run_id DESC LIMIT ? OFFSET ?').all(limit, offset).map(toRun);
  return { total, runs };
}

export function listBatches(db: Db, limit: number, offset: number, runId?: number): { total: number; batches: ImportBatchSummary[] } {
  const where = runId === undefined ? '' : 'WHERE run_id = ?';
  const params = runId === undefined ? [] : [runId];
  const total = Number(db.prepare(`SELECT count(*) FROM import_batches ${where}`).pluck().get(...params));
  const batches = db
    .prepare<unknown[], BatchRow>(`SELECT * FROM import_batches ${where} ORDER BY batch_id DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset)
    .map(toBatch);
  return { total, batches };
}

export function getRun(db: Db, runId: number): ImportRunDetail {
  const row = db.prepare<[number], RunRow>('SELECT * FROM import_runs WHERE run_id = ?').get(runId);
  if (!row) throw new AppError('NOT_FOUND', `There is no import run ${runId}.`, { runId });
  const batches = db.prepare<[number], BatchRow>('SELECT * FROM import_batches WHERE run_id = ? ORDER BY batch_id').all(runId).map(toBatch);
  const qualityRunId = db.prepare('SELECT max(quality_run_id) FROM quality_runs WHERE run_id = ?').pluck().get(runId);
  const quarantineByReason = db
    .prepare<[number], { reasonCode: string; rows: number; example: string }>(
      `SELECT q.reason_code AS reasonCode, count(*) AS rows, min(q.reason) AS example
       FROM quarantine q JOIN import_batches b ON b.batch_id = q.batch_id WHERE b.run_id = ? GROUP BY q.reason_code ORDER BY rows DESC`,
    )
    .all(runId);
  return {
    run: toRun(row),
    batches,
    log: JSON.parse(row.log_json) as RunLogLine[],
    quality: typeof qualityRunId === 'number' ? qualityReport(db, qualityRunId) : null,
    quarantineByReason,
  };
}

/** Per day: volumes, durations, rows per stage, quarantined rows by reason and rows by entity. */
export function dailySummary(db: Db, fromDate?: string, toDate?: string): DailyImportSummary[] {
  const from = fromDate ?? '0000-01-01';
  const to = toDate ?? '9999-12-31';
  const days = db
    .prepare<[string, string], Omit<DailyImportSummary, 'quarantinedByReason' | 'rowsByEntity' | 'bytes'>>(
      `SELECT substr(started_at, 1, 10) AS date, count(*) AS runs, sum(files) AS files, sum(rows_read) AS rowsRead, sum(rows_loaded) AS rowsLoaded,
         sum(rows_duplicate) AS rowsDuplicate, sum(rows_quarantined) AS rowsQuarantined, sum(stage_ms) AS stageMs,
         sum(transform_ms) AS transformMs, sum(quality_ms) AS qualityMs
       FROM import_runs WHERE substr(started_at, 1, 10) BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
    )
    .all(from, to);
  const reasons = db.prepare<[string, string], { date: string; code: string; n: number }>(
    `SELECT substr(r.started_at, 1, 10) AS date, q.reason_code AS code, count(*) AS n
     FROM quarantine q JOIN import_batches b ON b.batch_id = q.batch_id JOIN import_runs r ON r.run_id = b.run_id
     WHERE substr(r.started_at, 1, 10) BETWEEN ? AND ? GROUP BY 1, 2`,
  ).all(from, to);
  const entities = db.prepare<[string, string], { date: string; entity: string | null; n: number; bytes: number }>(
    `SELECT substr(r.started_at, 1, 10) AS date, b.entity, sum(b.rows_read) AS n, sum(b.size_bytes) AS bytes
     FROM import_batches b JOIN import_runs r ON r.run_id = b.run_id
     WHERE substr(r.started_at, 1, 10) BETWEEN ? AND ? GROUP BY 1, 2`,
  ).all(from, to);
  return days.map((day) => ({
    ...day,
    bytes: entities.filter((e) => e.date === day.date).reduce((sum, e) => sum + e.bytes, 0),
    quarantinedByReason: Object.fromEntries(reasons.filter((r) => r.date === day.date).map((r) => [r.code, r.n])),
    rowsByEntity: Object.fromEntries(entities.filter((e) => e.date === day.date).map((e) => [e.entity ?? 'unknown', e.n])),
  }));
}

export { quarantineReasons };
