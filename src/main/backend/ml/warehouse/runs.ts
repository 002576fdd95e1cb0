import type { ModelName, ModelRunDto, ModelRunStatus } from '../../../../shared/contract/models';
import type { ErrorInfo } from '../../../../shared/result';
import type { Db } from '../../db/open';

interface RunRow {
  run_id: number;
  model: ModelName;
  variant: string;
  parameters: string;
  data_fingerprint: string;
  created_at: string;
  finished_at: string | null;
  app_version: string;
  status: ModelRunStatus;
  metrics: string | null;
  summary: string | null;
  error: string | null;
}

export interface NewRun {
  model: ModelName;
  variant: string;
  parameters: Record<string, unknown>;
  dataFingerprint: string;
  appVersion: string;
  jobId: string | null;
}

/** Records the start of a run in its own transaction, so a failed run still leaves a trace. */
export function beginRun(db: Db, run: NewRun): number {
  const info = db
    .prepare(
      `INSERT INTO model_runs (model, variant, parameters, data_fingerprint, created_at, app_version, status, job_id)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?)`,
    )
    .run(run.model, run.variant, JSON.stringify(run.parameters), run.dataFingerprint, new Date().toISOString(), run.appVersion, run.jobId);
  return Number(info.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, metrics: unknown, summary: unknown): void {
  db.prepare("UPDATE model_runs SET status = 'succeeded', finished_at = ?, metrics = ?, summary = ? WHERE run_id = ?").run(
    new Date().toISOString(),
    JSON.stringify(metrics),
    JSON.stringify(summary),
    runId,
  );
}

export function failRun(db: Db, runId: number, error: ErrorInfo): void {
  const status: ModelRunStatus = error.code === 'JOB_CANCELLED' ? 'cancelled' : 'failed';
  db.prepare('UPDATE model_runs SET status = ?, finished_at = ?, error = ? WHERE run_id = ?').run(
    status,
    new Date().toISOString(),
    JSON.stringify({ code: error.code, message: error.message }),
    runId,
  );
}

const RESULT_TABLES = ['model_item_neighbors', 'model_rules', 'model_clv_customers', 'model_segment_members'] as const;

/**
 * Result rows of all but the newest `keep` successful runs of a model are deleted (their run
 * records stay): a warehouse retrained daily would otherwise grow by a CLV table a day.
 */
export function pruneOldResults(db: Db, model: ModelName, variant: string, keep: number): void {
  const old = db
    .prepare<[string, string, number], { run_id: number }>(
      "SELECT run_id FROM model_runs WHERE model = ? AND variant = ? AND status = 'succeeded' ORDER BY run_id DESC LIMIT -1 OFFSET ?",
    )
    .all(model, variant, keep);
  for (const { run_id } of old) {
    for (const table of RESULT_TABLES) db.prepare(`DELETE FROM ${table} WHERE run_id = ?`).run(run_id);
  }
}

export interface StoredRun<S = unknown> {
  dto: ModelRunDto;
  summary: S | null;
}

function toDto(row: RunRow, currentFingerprint: string | null): ModelRunDto {
  const error = row.error ? (JSON.parse(row.error) as { code: string; message: string }) : null;
  return {
    runId: row.run_id,
    model: row.model,
    variant: row.variant,
    status: row.status,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    dataFingerprint: row.data_fingerprint,
    isStale: currentFingerprint !== null && currentFingerprint !== row.data_fingerprint,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    appVersion: row.app_version,
    metrics: row.metrics ? (JSON.parse(row.metrics) as Record<string, unknown>) : null,
    error,
  };
}

/** The newest successful run of a model (and variant, when given). */
export function latestSucceededRun<S>(db: Db, model: ModelName, variant: string | undefined, currentFingerprint: string | null): StoredRun<S> | null {
  const row =
    variant === undefined
      ? db.prepare<[string], RunRow>("SELECT * FROM model_runs WHERE model = ? AND status = 'succeeded' ORDER BY run_id DESC LIMIT 1").get(model)
      : db
          .prepare<[string, string], RunRow>("SELECT * FROM model_runs WHERE model = ? AND variant = ? AND status = 'succeeded' ORDER BY run_id DESC LIMIT 1")
          .get(model, variant);
  if (!row) return null;
  return { dto: toDto(row, currentFingerprint), summary: row.summary ? (JSON.parse(row.summary) as S) : null };
}

export function listRuns(db: Db, model: ModelName | undefined, limit: number, currentFingerprint: string | null): ModelRunDto[] {
  const rows =
    model === undefined
      ? db.prepare<[number], RunRow>('SELECT * FROM model_runs ORDER BY run_id DESC LIMIT ?').all(limit)
      : db.prepare<[string, number], RunRow>('SELECT * FROM model_runs WHERE model = ? ORDER BY run_id DESC LIMIT ?').all(model, limit);
  return rows.map((row) => toDto(row, currentFingerprint));
}
