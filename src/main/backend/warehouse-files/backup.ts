import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { WarehouseBackup } from '../../../shared/contract/warehouse';
import type { Db } from '../db/open';

export type BackupInfo = WarehouseBackup;

/** `2024-03-05T14:07:09.123Z` → `20240305-140709`: sortable, and valid in every file system. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, '').replaceAll('-', '').replaceAll(':', '').replace('T', '-');
}

/** Backups sit in a `backups` folder beside the warehouse, named after it and the moment. */
export function backupsDirFor(warehousePath: string): string {
  return path.join(path.dirname(warehousePath), 'backups');
}

export function defaultBackupPath(warehousePath: string, now = new Date()): string {
  const stem = path.basename(warehousePath, path.extname(warehousePath));
  return path.join(backupsDirFor(warehousePath), `${stem}-${backupStamp(now)}.sqlite`);
}

/**
 * Writes a consistent copy of the open warehouse with `VACUUM INTO`. It reads one snapshot, so it
 * is safe while a job writes (WAL), and the copy is compacted and needs no -wal file beside it.
 * An existing destination is refused: a backup never overwrites anything.
 */
export function backupWarehouse(db: Db, destination: string): BackupInfo {
  if (existsSync(destination)) {
    throw new Error(`A file already exists at ${destination}; choose another name for the backup.`);
  }
  mkdirSync(path.dirname(destination), { recursive: true });
  db.prepare('VACUUM INTO ?').run(destination);
  return { path: destination, sizeBytes: statSync(destination).size, createdAt: new Date().toISOString() };
}
