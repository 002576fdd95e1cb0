import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { assertSqliteFile, type Db } from '../db/open';
import { latestVersion, loadMigrations, schemaVersion } from '../db/migrations';
import { listUserTables } from './user-tables';

/** Tables a Storelens warehouse always has once migrated (0001_core.sql). */
const STORELENS_MARKER_TABLE = 'meta';

export interface WarehouseFileReport {
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  latestSchemaVersion: number;
}

// Same rule as db/open.ts: the desktop app hands down its Electron-ABI build of better-sqlite3.
function nativeBindingOption(): { nativeBinding?: string } {
  const binding = process.env.STORELENS_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

/**
 * Checks, without writing a byte, that an existing file can be opened as a warehouse: it is
 * SQLite, it is not damaged, it is ours (or empty), and it is not from a newer Storelens.
 * Used before "Open warehouse…" switches to a file, so a wrong pick is refused with a reason.
 */
export function inspectWarehouseFile(file: string): WarehouseFileReport {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `${file} does not exist.`, { path: file });
  if (statSync(file).isDirectory()) {
    throw new AppError('NOT_A_WAREHOUSE', `${file} is a folder; choose a warehouse file (.sqlite).`, { path: file });
  }
  assertSqliteFile(file);
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const firstProblem = problems.map((row) => row.quick_check).find((message) => message !== 'ok');
    if (firstProblem !== undefined) throw new Error(firstProblem);
    const version = schemaVersion(db);
    const tables = listUserTables(db);
    const isOurs = version > 0 ? tables.includes(STORELENS_MARKER_TABLE) : tables.length === 0;
    if (!isOurs) {
      throw new AppError(
        'NOT_A_WAREHOUSE',
        `${file} is a SQLite database from another program, so Storelens will not open or change it.`,
        { path: file, tables: tables.slice(0, 10) },
      );
    }
    const latest = latestVersion(loadMigrations());
    if (version > latest) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `${file} was written by a newer Storelens (schema ${version}; this app knows up to ${latest}). Update Storelens to open it.`,
        { path: file, schemaVersion: version, latestSchemaVersion: latest },
      );
    }
    return { path: file, sizeBytes: statSync(file).size, schemaVersion: version, latestSchemaVersion: latest };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('NOT_A_WAREHOUSE', `${file} is damaged and cannot be used as a warehouse (${reason}). It was left untouched.`, {
      path: file,
    });
  } finally {
    db?.close();
  }
}
