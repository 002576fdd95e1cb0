import { z } from 'zod';
import { method } from './define';

/**
 * The import pipeline's API for the Data page. Imports themselves run as jobs, started with the
 * generic `jobs.start({ kind, params })`; the params schemas below are what each kind accepts.
 */

export const IMPORT_JOB_KINDS = {
  files: 'import.files',
  landing: 'import.landing',
  rebuild: 'warehouse.rebuild',
  retryQuarantine: 'quarantine.retry',
  demo: 'demo.create',
} as const;

/** `import.files`: files and/or folders (a folder's files, or its YYYY-MM-DD day folders), as one atomic run. */
export const importFilesParams = z.object({
  paths: z.array(z.string().min(1)).min(1),
  /** A column mapping for CSVs in no known format (the mapping wizard's output). */
  mapping: z.unknown().optional(),
});
/** `import.landing`: every landing/YYYY-MM-DD/ folder not imported yet, oldest first, as one atomic run. */
export const importLandingParams = z.object({ folder: z.string().min(1) });
export const rebuildParams = z.object({});
/** `quarantine.retry`: re-validates open quarantined rows (e.g. after their parents arrived). */
export const retryQuarantineParams = z.object({
  batchId: z.number().int().positive().optional(),
  reasonCode: z.string().optional(),
});
/** `demo.create`: generates a demo store beside the warehouse (landing-demo/) and imports it. */
export const demoCreateParams = z.object({
  preset: z.enum(['small', 'medium', 'large']).default('small'),
  seed: z.number().int().min(0).max(4_294_967_295).default(42),
});

export const QUARANTINE_REASON_CODES = [
  'missing_required', 'bad_number', 'bad_date', 'bad_enum', 'out_of_range', 'bad_text', 'unknown_parent', 'malformed_row',
] as const;

export interface ImportRunSummary {
  runId: number;
  kind: 'files' | 'landing' | 'retry' | 'rebuild';
  source: string;
  landingDay: string | null;
  status: 'succeeded' | 'partial' | 'refused' | 'skipped';
  startedAt: string;
  finishedAt: string;
  files: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsQuarantined: number;
  /** Per-stage durations in milliseconds. */
  stageMs: number;
  transformMs: number;
  qualityMs: number;
  touchedFrom: string | null;
  touchedTo: string | null;
}

export interface ImportBatchSummary {
  batchId: number;
  runId: number;
  path: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  format: string;
  entity: string | null;
  status: 'loaded' | 'refused' | 'retry';
  message: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsQuarantined: number;
  parseMs: number;
  validateMs: number;
  stageMs: number;
  ingestedAt: string;
}

export interface RunLogLine {
  level: 'info' | 'warn';
  message: string;
}

export interface QualityCheckResult {
  checkNo: number;
  category: 'nulls' | 'unique' | 'referential' | 'range' | 'reconciliation';
  name: string;
  tableName: string;
  columnName: string | null;
  isPassed: boolean;
  value: number;
  threshold: number | null;
  detail: string;
}

export interface QualityReport {
  qualityRunId: number;
  runId: number | null;
  ranAt: string;
  checks: number;
  failed: number;
  isPassed: boolean;
  results: QualityCheckResult[];
}

export interface ImportRunDetail {
  run: ImportRunSummary;
  batches: ImportBatchSummary[];
  log: RunLogLine[];
  quality: QualityReport | null;
  quarantineByReason: QuarantineReasonCount[];
}

export interface QuarantineRow {
  quarantineId: number;
  batchId: number;
  file: string;
  entity: string | null;
  line: number;
  column: string | null;
  reasonCode: string;
  reason: string;
  raw: string;
  status: 'open' | 'resolved' | 'superseded';
}

export interface QuarantineReasonCount {
  reasonCode: string;
  rows: number;
  /** One reason text as an example a person can read. */
  example: string;
}

export interface DailyImportSummary {
  /** The day the runs started (UTC). */
  date: string;
  runs: number;
  files: number;
  bytes: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsQuarantined: number;
  stageMs: number;
  transformMs: number;
  qualityMs: number;
  quarantinedByReason: Record<string, number>;
  rowsByEntity: Record<string, number>;
}

const paging = { limit: z.number().int().min(1).max(1000).default(50), offset: z.number().int().min(0).default(0) };
const quarantineFilter = {
  batchId: z.number().int().positive().optional(),
  file: z.string().optional(),
  reasonCode: z.string().optional(),
  status: z.enum(['open', 'resolved', 'superseded', 'all']).default('open'),
};

export const importsContract = {
  /** Import history, newest first, with per-stage durations. */
  'imports.listRuns': method<{ total: number; runs: ImportRunSummary[] }>()(z.object({ ...paging }).strict()),
  /** One run: its files (batches), run log, quality report and quarantined rows by reason. */
  'imports.getRun': method<ImportRunDetail>()(z.object({ runId: z.number().int().positive() }).strict()),
  'imports.listBatches': method<{ total: number; batches: ImportBatchSummary[] }>()(
    z.object({ ...paging, runId: z.number().int().positive().optional() }).strict(),
  ),
  'imports.listQuarantine': method<{ total: number; rows: QuarantineRow[] }>()(z.object({ ...paging, ...quarantineFilter }).strict()),
  'imports.quarantineReasons': method<QuarantineReasonCount[]>()(
    z.object({ batchId: quarantineFilter.batchId, status: quarantineFilter.status }).strict(),
  ),
  /** Writes the filtered quarantine as CSV (file, line, column, reason, raw) to `path`. */
  'imports.exportQuarantine': method<{ path: string; rows: number }>()(
    z.object({ path: z.string().min(1), ...quarantineFilter }).strict(),
  ),
  /** The latest quality run, or a given one. */
  'imports.qualityReport': method<QualityReport | null>()(z.object({ qualityRunId: z.number().int().positive().optional() }).strict()),
  'imports.dailySummary': method<DailyImportSummary[]>()(
    z.object({ fromDate: z.iso.date().optional(), toDate: z.iso.date().optional() }).strict(),
  ),
  /** Day folders of a landing folder that are not imported yet, oldest first. */
  'imports.pendingLanding': method<{ folder: string; days: string[] }>()(z.object({ folder: z.string().min(1) }).strict()),
};
