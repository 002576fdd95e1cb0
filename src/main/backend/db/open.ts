import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { migrateWithBackup } from '../warehouse-files/migrate-with-backup';
import { applyViews } from './views';

export type Db = Database.Database;

export interface OpenOptions {
  isReadonly?: boolean;
  /** Skip migrations and views: for a worker that opens a warehouse the main thread prepared. */
  isPrepared?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * The desktop app loads an Electron-ABI build of better-sqlite3 and Node loads its own; the
 * path of the Electron one is handed down through the environment so worker threads get it too.
 */
function nativeBindingOption(): { nativeBinding?: string } {
  const binding = process.env.STORELENS_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

/** Refuses a file that exists but is not SQLite, so a wrong pick is never overwritten. */
export function assertSqliteFile(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new AppError('NOT_A_WAREHOUSE', `${file} is not a SQLite database, so Storelens will not open or change it.`, {
      path: file,
    });
  }
}

export function openWarehouse(file: string, options: OpenOptions = {}): Db {
  assertSqliteFile(file);
  if (!options.isReadonly) mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.isReadonly ?? false, ...nativeBindingOption() });
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    if (!options.isReadonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    if (!options.isReadonly && !options.isPrepared) {
      // Backs up a warehouse with data before migrating it, and restores it if a migration fails.
      migrateWithBackup(db, file);
      applyViews(db);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (error instanceof Error && /file is not a database|malformed/i.test(error.message)) {
      throw new AppError('NOT_A_WAREHOUSE', `${file} is not a usable Storelens warehouse: ${error.message}`, {
        path: file,
      });
    }
    throw error;
  }
}

export function listTables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
}
