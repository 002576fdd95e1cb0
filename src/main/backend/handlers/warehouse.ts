import { statSync } from 'node:fs';
import path from 'node:path';
import type { warehouseContract } from '../../../shared/contract/warehouse';
import { AppError } from '../../../shared/result';
import { schemaVersion } from '../db/migrations';
import { backupsDirFor, backupWarehouse, defaultBackupPath } from '../warehouse-files/backup';
import { listBackups } from '../warehouse-files/list-backups';
import { describeRecent } from '../warehouse-files/recent';
import type { HandlersFor } from './types';

export const warehouseHandlers = {
  'warehouse.current': (_args, backend) => ({
    path: backend.warehousePath,
    sizeBytes: statSync(backend.warehousePath).size,
    schemaVersion: schemaVersion(backend.db),
    backupsDir: backupsDirFor(backend.warehousePath),
  }),
  'warehouse.recent': (_args, backend) => describeRecent(backend.settings.get().recentWarehouses, backend.warehousePath),
  'warehouse.backup': (args, backend) => {
    const destination = args.destination === undefined ? defaultBackupPath(backend.warehousePath) : path.resolve(args.destination);
    if (destination === path.resolve(backend.warehousePath)) {
      throw new AppError('VALIDATION', 'A backup cannot replace the warehouse itself; choose another file.', { destination });
    }
    try {
      return backupWarehouse(backend.db, destination);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('CONFLICT', `The backup could not be written: ${reason}`, { destination });
    }
  },
  'warehouse.backups': (_args, backend) => listBackups(backend.warehousePath),
} satisfies HandlersFor<typeof warehouseContract>;
