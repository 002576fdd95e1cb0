import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceRecord, SourceReject } from '../etl/source';
import { recordValues } from './native-record';
import type { ForeignRecordSource } from './row-source';

/** Test helpers: a temp folder for files a test writes, and a source drained into arrays. */
export function tempFolder(prefix = 'storelens-formats-'): { dir: string; write(name: string, content: string | Buffer): string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Drained {
  records: SourceRecord[];
  rejects: SourceReject[];
  byEntity(entity: SourceRecord['entity']): Record<string, string>[];
}

export async function drain(source: ForeignRecordSource): Promise<Drained> {
  const records: SourceRecord[] = [];
  const rejects: SourceReject[] = [];
  for await (const batch of source.batches()) {
    records.push(...batch.records);
    rejects.push(...batch.rejects);
  }
  return { records, rejects, byEntity: (entity) => records.filter((r) => r.entity === entity).map(recordValues) };
}
