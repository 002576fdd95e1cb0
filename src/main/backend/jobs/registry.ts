import type { JobDefinition } from './types';

/**
 * Every job kind, loaded lazily inside the worker so the main thread never imports job code.
 * Each domain adds one line here.
 */
const jobLoaders: Record<string, () => Promise<JobDefinition>> = {
  'diagnostics.write-scratch': async () => (await import('./diagnostics-jobs')).writeScratchJob,
  'diagnostics.fail': async () => (await import('./diagnostics-jobs')).failJob,
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
