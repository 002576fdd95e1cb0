import type { JobRecord, JobStatus } from '../../../shared/contract/jobs';
import type { ErrorInfo } from '../../../shared/result';
import { AppError } from '../../../shared/result';
import Database from 'better-sqlite3';

interface JobRow {
  job_id: string;
  kind: string;
  params_json: string;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  result_json: string | null;
  error_json: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toRecord(row: JobRow): JobRecord {
  return {
    jobId: row.job_id,
    kind: row.kind,
    params: JSON.parse(row.params_json) as unknown,
    status: row.status,
    phase: row.phase,
    done: row.done,
    total: row.total,
    result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown),
    error: row.error_json === null ? null : (JSON.parse(row.error_json) as ErrorInfo),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  job_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  params_json TEXT NOT NULL DEFAULT 'null',
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  phase TEXT NOT NULL DEFAULT '',
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  result_json TEXT,
  error_json TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS jobs_by_created_at ON jobs (created_at);`;

/**
 * The job log: what a reloaded window reads to see running and past jobs. It sits in its own
 * SQLite file beside the warehouse because a running job holds the warehouse's write lock for a
 * whole batch, and the main thread must record progress without waiting for it.
 */
export class JobStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    const binding = process.env.STORELENS_SQLITE_BINDING;
    this.db = new Database(file, binding ? { nativeBinding: binding } : {});
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  insert(jobId: string, kind: string, params: unknown): void {
    this.db
      .prepare('INSERT INTO jobs (job_id, kind, params_json, status, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(jobId, kind, JSON.stringify(params ?? null), 'queued', new Date().toISOString());
  }

  markRunning(jobId: string): void {
    this.db.prepare("UPDATE jobs SET status = 'running', started_at = ? WHERE job_id = ?").run(new Date().toISOString(), jobId);
  }

  saveProgress(jobId: string, done: number, total: number, phase: string): void {
    this.db.prepare('UPDATE jobs SET done = ?, total = ?, phase = ? WHERE job_id = ?').run(done, total, phase, jobId);
  }

  finish(jobId: string, status: Exclude<JobStatus, 'queued' | 'running'>, result: unknown, error: ErrorInfo | null): void {
    this.db
      .prepare('UPDATE jobs SET status = ?, result_json = ?, error_json = ?, finished_at = ? WHERE job_id = ?')
      .run(status, result === undefined ? null : JSON.stringify(result), error ? JSON.stringify(error) : null, new Date().toISOString(), jobId);
  }

  /** Jobs left queued or running by a process that died cannot resume: close them honestly. */
  failInterrupted(): number {
    const error: ErrorInfo = { code: 'JOB_FAILED', message: 'Storelens stopped while this job was running; it was rolled back.' };
    return this.db
      .prepare("UPDATE jobs SET status = 'failed', error_json = ?, finished_at = ? WHERE status IN ('queued', 'running')")
      .run(JSON.stringify(error), new Date().toISOString()).changes;
  }

  get(jobId: string): JobRecord {
    const row = this.db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE job_id = ?').get(jobId);
    if (!row) throw new AppError('NOT_FOUND', `No job with id ${jobId}.`, { jobId });
    return toRecord(row);
  }

  list(limit: number): JobRecord[] {
    return this.db
      .prepare<[number], JobRow>('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit)
      .map(toRecord);
  }
}
