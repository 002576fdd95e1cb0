import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/result';
import type Database from 'better-sqlite3';
import { latestVersion, loadMigrations, migrate, pendingMigrations, schemaVersion, type Migration } from '../db/migrations';
import { listUserTables } from './user-tables';

/** Kept after a successful migration too: the way back if the new version misbehaves. */
export function preMigrationBackupPath(warehousePath: string, targetVersion: number): string {
  return `${warehousePath}.pre-v${targetVersion}.bak`;
}

/**
 * Runs the pending migrations of a file-backed warehouse, first writing a backup of a
 * warehouse that holds data. If a migration fails, the file is put back from that backup.
 * The migrations already run in one transaction, but a migration that commits on its own
 * (a stray COMMIT, a VACUUM) escapes it; the backup covers that case and any other damage.
 *
 * On failure the connection is closed (the file cannot be replaced under an open one).
 */
export function migrateWithBackup(db: Database.Database, warehousePath: string, migrations: readonly Migration[] = loadMigrations()) {
  const from = schemaVersion(db);
  const target = latestVersion(migrations);
  if (from === 0) {
    refuseForeignDatabase(db, warehousePath);
    return migrate(db, [...migrations]);
  }
  if (from > target || pendingMigrations(db, migrations).length === 0) return migrate(db, [...migrations]);
  const backupPath = preMigrationBackupPath(warehousePath, target);
  if (!existsSync(backupPath)) db.prepare('VACUUM INTO ?').run(backupPath);
  try {
    return migrate(db, [...migrations]);
  } catch (error) {
    db.close();
    restoreFromBackup(backupPath, warehousePath);
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'INTERNAL',
      `Updating ${warehousePath} from schema ${from} to ${target} failed (${reason}). ` +
        `The warehouse was restored from ${backupPath} and is unchanged; please report this.`,
      { path: warehousePath, backupPath, from, to: target },
    );
  }
}

/** Copies the backup over the warehouse and drops the WAL files that belong to the failed state. */
export function restoreFromBackup(backupPath: string, warehousePath: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${warehousePath}${suffix}`, { force: true });
  copyFileSync(backupPath, warehousePath);
}

/**
 * A SQLite file at schema 0 that already has tables belongs to some other program: migrating
 * it would write our tables into it. Storelens refuses it instead of changing it.
 */
function refuseForeignDatabase(db: Database.Database, warehousePath: string): void {
  const tables = listUserTables(db);
  if (tables.length === 0) return;
  throw new AppError(
    'NOT_A_WAREHOUSE',
    `${warehousePath} is a SQLite database from another program (it has tables such as "${tables[0]}" but no Storelens schema), ` +
      'so Storelens will not open or change it. Choose a Storelens warehouse or create a new one.',
    { path: warehousePath, tables: tables.slice(0, 10) },
  );
}
