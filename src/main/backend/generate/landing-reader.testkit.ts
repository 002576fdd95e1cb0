import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { NATIVE_COLUMNS, NATIVE_LOAD_ORDER, type NativeEntity } from '../../../shared/data-contract/native-format';
import type { StoreManifest } from './manifest';

/** Test-only: reads a generated landing folder back with csv-parse, independent of the writer. */
export interface LandingRow {
  folder: string;
  entity: NativeEntity;
  /** Position in the folder's file, 0-based: with the folder it gives ingestion order. */
  index: number;
  record: Record<string, string>;
}

export interface Landing {
  folders: string[];
  rows: Record<NativeEntity, LandingRow[]>;
  manifest: StoreManifest;
}

export function readLanding(outDir: string): Landing {
  const folders = readdirSync(outDir)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
    .sort();
  const rows = Object.fromEntries(NATIVE_LOAD_ORDER.map((e) => [e, [] as LandingRow[]])) as Record<NativeEntity, LandingRow[]>;
  for (const folder of folders) {
    for (const entity of NATIVE_LOAD_ORDER) {
      const text = readFileSync(path.join(outDir, folder, `${entity}.csv`), 'utf8');
      const records = parse(text, { columns: true, skip_empty_lines: false }) as Record<string, string>[];
      const header = text.slice(0, text.indexOf('\n'));
      if (header !== NATIVE_COLUMNS[entity].join(',')) throw new Error(`${folder}/${entity}.csv: unexpected header ${header}`);
      records.forEach((record, index) => rows[entity].push({ folder, entity, index, record }));
    }
  }
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as StoreManifest;
  return { folders, rows, manifest };
}

/** Money in the files has 2 decimals; back to integer cents without float error. */
export function toCents(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}
