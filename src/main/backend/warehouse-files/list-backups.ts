import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from './backup';
import { backupsDirFor } from './backup';

/** Manual backups in `backups/` and the automatic `<file>.pre-v<N>.bak` files, newest first. */
export function listBackups(warehousePath: string): BackupInfo[] {
  const dir = backupsDirFor(warehousePath);
  const manual = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.sqlite'))
        .map((name) => path.join(dir, name))
    : [];
  const base = path.basename(warehousePath);
  const automatic = readdirSync(path.dirname(warehousePath))
    .filter((name) => name.startsWith(`${base}.pre-v`) && name.endsWith('.bak'))
    .map((name) => path.join(path.dirname(warehousePath), name));
  return [...manual, ...automatic]
    .map((file) => {
      const stat = statSync(file);
      return { path: file, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
