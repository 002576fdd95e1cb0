import type { ImportBatchSummary } from '../../../shared/contract/imports';

/**
 * How a run's files are told apart. A landing run reads one customers.csv per day: the bare name
 * said nothing, so a name the run repeats carries its folder too ("2024-03-05/customers.csv").
 */
export function fileLabel(batch: Pick<ImportBatchSummary, 'path' | 'fileName'>, repeatedNames: ReadonlySet<string>): string {
  if (!repeatedNames.has(batch.fileName)) return batch.fileName;
  const parts = batch.path.split(/[\\/]/).filter(Boolean);
  return parts.length >= 2 ? `${parts[parts.length - 2]}/${batch.fileName}` : batch.fileName;
}

export function repeatedFileNames(batches: readonly Pick<ImportBatchSummary, 'fileName'>[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const b of batches) (seen.has(b.fileName) ? repeated : seen).add(b.fileName);
  return repeated;
}

export interface EntityTotals {
  entity: string;
  files: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsDuplicate: number;
  rowsQuarantined: number;
  refused: number;
}

/** Per entity, in first-seen order; a refused file with no entity counts under "refused file". */
export function entityTotals(batches: readonly ImportBatchSummary[]): EntityTotals[] {
  const totals = new Map<string, EntityTotals>();
  for (const b of batches) {
    const entity = b.entity ?? 'refused file';
    const t = totals.get(entity) ?? { entity, files: 0, rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsQuarantined: 0, refused: 0 };
    t.files += 1;
    t.rowsRead += b.rowsRead;
    t.rowsLoaded += b.rowsLoaded;
    t.rowsDuplicate += b.rowsDuplicate;
    t.rowsQuarantined += b.rowsQuarantined;
    if (b.status === 'refused') t.refused += 1;
    totals.set(entity, t);
  }
  return [...totals.values()];
}

/** Refused files, then files with quarantined rows, then the rest, each group in run order. */
export function problemsFirst(batches: readonly ImportBatchSummary[]): ImportBatchSummary[] {
  const rank = (b: ImportBatchSummary) => (b.status === 'refused' ? 0 : b.rowsQuarantined > 0 ? 1 : 2);
  return batches.map((b, i) => ({ b, i })).sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i).map((x) => x.b);
}
