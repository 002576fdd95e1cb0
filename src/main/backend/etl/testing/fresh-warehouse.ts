import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openWarehouse, type Db } from '../../db/open';

export interface FreshWarehouse {
  /** The open warehouse of the running test. */
  readonly db: Db;
  /** Its temp folder, for the test's own files. */
  readonly dir: string;
}

/** Registers hooks that give every test of the calling file a new warehouse file in its own temp folder. */
export function freshWarehousePerTest(prefix: string): FreshWarehouse {
  let current: { db: Db; dir: string } | null = null;
  beforeEach(() => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    current = { db: openWarehouse(path.join(dir, 'w.sqlite')), dir };
  });
  afterEach(() => {
    current?.db.close();
    if (current) rmSync(current.dir, { recursive: true, force: true });
    current = null;
  });
  const now = () => {
    if (!current) throw new Error('freshWarehousePerTest: used outside a test');
    return current;
  };
  return {
    get db() {
      return now().db;
    },
    get dir() {
      return now().dir;
    },
  };
}
