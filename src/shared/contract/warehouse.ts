import { z } from 'zod';
import { method } from './define';

export interface WarehouseBackup {
  path: string;
  sizeBytes: number;
  createdAt: string;
}

export interface RecentWarehouseEntry {
  path: string;
  name: string;
  exists: boolean;
  isCurrent: boolean;
}

export interface CurrentWarehouse {
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  backupsDir: string;
}

export const warehouseContract = {
  'warehouse.current': method<CurrentWarehouse>()(z.object({}).strict()),
  /** The warehouses opened before, most recent first; "Open warehouse…" lists them. */
  'warehouse.recent': method<RecentWarehouseEntry[]>()(z.object({}).strict()),
  /** "Back up now": a consistent copy via VACUUM INTO, by default in `backups/` beside the warehouse. */
  'warehouse.backup': method<WarehouseBackup>()(
    z.object({ destination: z.string().min(1).optional() }).strict(),
  ),
  /** Backups in the warehouse's backups folder and the automatic pre-migration ones, newest first. */
  'warehouse.backups': method<WarehouseBackup[]>()(z.object({}).strict()),
};
