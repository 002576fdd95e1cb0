import type { JobDefinition } from './types';

/**
 * Every job kind, loaded lazily inside the worker so the main thread never imports job code.
 * Each domain adds one line here.
 */
const jobLoaders: Record<string, () => Promise<JobDefinition>> = {
  'diagnostics.write-scratch': async () => (await import('./diagnostics-jobs')).writeScratchJob,
  'diagnostics.fail': async () => (await import('./diagnostics-jobs')).failJob,
  'import.files': async () => (await import('../etl/jobs/import-jobs')).importFilesJob as JobDefinition,
  'import.landing': async () => (await import('../etl/jobs/import-jobs')).importLandingJob as JobDefinition,
  'warehouse.rebuild': async () => (await import('../etl/jobs/warehouse-jobs')).rebuildJob as JobDefinition,
  'quarantine.retry': async () => (await import('../etl/jobs/warehouse-jobs')).retryQuarantineJob as JobDefinition,
  'demo.create': async () => (await import('../etl/jobs/demo-job')).demoCreateJob as JobDefinition,
  'generate.store': async () => (await import('../generate/generate-job')).generateStoreJob,
  'model.recommend': async () => (await import('../ml/jobs/recommend-job')).recommendJob,
  'model.rules': async () => (await import('../ml/jobs/rules-job')).rulesJob,
  'model.clv': async () => (await import('../ml/jobs/clv-job')).clvJob,
  'model.segments': async () => (await import('../ml/jobs/segments-job')).segmentsJob,
  'model.forecast': async () => (await import('../ml/jobs/forecast-job')).forecastJob,
  'export.warehouse': async () => (await import('../export/export-job')).exportWarehouseJob,
  'report.generate': async () => (await import('../reports/report-job')).generateReportJob,
};

export function isKnownJobKind(kind: string): boolean {
  return Object.hasOwn(jobLoaders, kind);
}

export function knownJobKinds(): string[] {
  return Object.keys(jobLoaders).sort();
}

export async function loadJob(kind: string): Promise<JobDefinition> {
  const loader = jobLoaders[kind];
  if (!loader) throw new Error(`Unknown job kind "${kind}"`);
  return loader();
}
