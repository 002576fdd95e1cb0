import path from 'node:path';
import { NATIVE_COLUMNS, NATIVE_ENTITIES, type NativeEntity } from '../../../../shared/data-contract/native-format';
import { AppError } from '../../../../shared/result';
import { ENTITY_FIELDS } from '../validate/entity-specs';

export interface HeaderMapping {
  entity: NativeEntity;
  /** For each native column (in NATIVE_COLUMNS order), its index in the file's records, or -1 when absent. */
  indexes: number[];
  /** True when the file's columns are exactly the native ones in native order: rows need no reshaping. */
  isIdentity: boolean;
  headerWidth: number;
}

const ENTITY_NAMES = Object.keys(NATIVE_ENTITIES) as NativeEntity[];

export function requiredColumns(entity: NativeEntity): string[] {
  return ENTITY_FIELDS[entity].filter((f) => f.isRequired).map((f) => f.name);
}

/** `orders.csv`, `2024-01-05/orders.ndjson`, `orders-2024.csv` → orders (longest entity name wins). */
export function entityFromFileName(file: string): NativeEntity | null {
  const base = path.basename(file).toLowerCase().replace(/\.[a-z0-9]+$/, '');
  const candidates = ENTITY_NAMES.filter((e) => base === e || base.startsWith(`${e}-`) || base.startsWith(`${e}_`) || base.startsWith(`${e}.`));
  candidates.sort((a, b) => b.length - a.length);
  return candidates[0] ?? null;
}

function mappingFor(entity: NativeEntity, header: readonly string[]): HeaderMapping {
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (!position.has(name)) position.set(name, i);
  });
  const columns = NATIVE_COLUMNS[entity];
  const indexes = columns.map((c) => position.get(c) ?? -1);
  const isIdentity = header.length === columns.length && indexes.every((index, i) => index === i);
  return { entity, indexes, isIdentity, headerWidth: header.length };
}

/**
 * Recognises a native file from its header: the entity named by the file when its required
 * columns are present, else the one entity whose required columns are all present (the most
 * matching columns wins). Columns are matched by name, never by position; extra ones are ignored.
 * Returns null when the header is not native, so other formats can be tried.
 * Throws IMPORT_REFUSED when the file is named after an entity but lacks required columns.
 */
export function matchNativeHeader(file: string, rawHeader: readonly string[]): HeaderMapping | null {
  const header = rawHeader.map((name) => name.trim());
  const present = new Set(header);
  const named = entityFromFileName(file);
  if (named !== null) {
    const missing = requiredColumns(named).filter((c) => !present.has(c));
    if (missing.length === 0) return mappingFor(named, header);
    const matching = NATIVE_COLUMNS[named].filter((c) => present.has(c)).length;
    // Named like ours and mostly shaped like ours: a broken native file, not a foreign format.
    if (matching >= Math.ceil(NATIVE_COLUMNS[named].length / 2)) {
      throw new AppError(
        'IMPORT_REFUSED',
        `${path.basename(file)}: line 1: the header lacks required ${named} column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; nothing from this file was loaded.`,
        { file, line: 1, column: missing[0] ?? null, missing },
      );
    }
  }
  let best: { entity: NativeEntity; matching: number } | null = null;
  for (const entity of ENTITY_NAMES) {
    if (!requiredColumns(entity).every((c) => present.has(c))) continue;
    const matching = NATIVE_COLUMNS[entity].filter((c) => present.has(c)).length;
    if (best === null || matching > best.matching) best = { entity, matching };
  }
  return best === null ? null : mappingFor(best.entity, header);
}

/** Fields of one record in native column order ('' for absent columns). */
export function reshape(mapping: HeaderMapping, fields: string[]): string[] {
  if (mapping.isIdentity) return fields;
  const out = new Array<string>(mapping.indexes.length);
  for (let i = 0; i < mapping.indexes.length; i += 1) {
    const index = mapping.indexes[i] as number;
    out[i] = index < 0 ? '' : (fields[index] ?? '');
  }
  return out;
}
