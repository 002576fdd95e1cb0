import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RecentWarehouseEntry } from '../../../shared/contract/warehouse';

export const MAX_RECENT_WAREHOUSES = 8;

export type RecentWarehouse = RecentWarehouseEntry;

/** Most recent first, no duplicates (paths compared resolved), capped. */
export function rememberRecent(recent: readonly string[], opened: string, max = MAX_RECENT_WAREHOUSES): string[] {
  const resolved = path.resolve(opened);
  return [resolved, ...recent.filter((entry) => path.resolve(entry) !== resolved)].slice(0, max);
}

export function describeRecent(recent: readonly string[], currentPath: string): RecentWarehouse[] {
  const current = path.resolve(currentPath);
  return recent.map((entry) => ({
    path: entry,
    name: path.basename(entry),
    exists: existsSync(entry),
    isCurrent: path.resolve(entry) === current,
  }));
}
