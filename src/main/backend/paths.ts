import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the project's resource folders (sql/, dist/renderer/) from wherever this module runs:
 * the source tree under tsx/vitest, or a bundle in dist/. A packaged Electron app sets
 * STORELENS_RESOURCES_DIR because its resources sit outside the asar.
 */
export function resourcesDir(): string {
  const fromEnv = process.env.STORELENS_RESOURCES_DIR;
  if (fromEnv) return fromEnv;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth += 1) {
    if (existsSync(path.join(dir, 'sql', 'migrations'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('Storelens resources (sql/migrations) not found; set STORELENS_RESOURCES_DIR');
}

export const sqlDir = (): string => path.join(resourcesDir(), 'sql');

/** The warehouse folder of browser mode and the CLI when --data-dir is not given. */
export const DEFAULT_DATA_DIR = '.storelens';
export const WAREHOUSE_FILE = 'warehouse.sqlite';

export function warehousePathFor(dataDir: string): string {
  return path.join(path.resolve(dataDir), WAREHOUSE_FILE);
}
