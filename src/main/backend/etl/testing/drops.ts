import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import { ENTITY_FIELDS } from '../validate/entity-specs';

/**
 * Later "drops" for incremental-import tests: rows re-sent from what a warehouse staged, with
 * some fields changed, written as native CSV files a run then imports.
 */

const csvField = (value: unknown): string => (value === null || value === undefined ? '' : `"${String(value).replaceAll('"', '""')}"`);

/** A staged row back in its file's columns (money from cents), with `changes` by column name. */
export function resentRow(entity: NativeEntity, staged: Record<string, unknown>, changes: Record<string, unknown> = {}): string[] {
  return ENTITY_FIELDS[entity].map((f) => {
    if (f.name in changes) return csvField(changes[f.name]);
    const value = staged[f.stagedAs];
    return csvField(f.kind === 'money' && value !== null && value !== undefined ? (Number(value) / 100).toFixed(2) : value);
  });
}

/** The latest staged row of an entity's key, to re-send. */
export function latestStaged(db: Db, entity: NativeEntity, where: string, ...params: unknown[]): Record<string, unknown> {
  const row = db.prepare(`SELECT * FROM stg_${entity} WHERE ${where} ORDER BY stg_id DESC LIMIT 1`).get(...params) as Record<string, unknown> | undefined;
  if (!row) throw new Error(`no staged ${entity} row where ${where}`);
  return row;
}

/** Writes each entity's rows as `<entity>.csv` in a new folder and returns the files. */
export function writeDrop(folder: string, rows: Partial<Record<NativeEntity, string[][]>>): string[] {
  mkdirSync(folder, { recursive: true });
  return Object.entries(rows)
    .filter(([, lines]) => lines.length > 0)
    .map(([entity, lines]) => {
      const file = path.join(folder, `${entity}.csv`);
      const header = ENTITY_FIELDS[entity as NativeEntity].map((f) => f.name).join(',');
      writeFileSync(file, `${header}\n${lines.map((line) => line.join(',')).join('\n')}\n`);
      return file;
    });
}
