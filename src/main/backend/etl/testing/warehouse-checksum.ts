import { createHash } from 'node:crypto';
import type { Db } from '../../db/open';
import { WAREHOUSE_TABLES } from '../transform/transform';

/**
 * A sha256 per dimension and fact table over every row, in primary-key order. `ignore` lists
 * columns left out (e.g. lineage columns that name when a row was loaded).
 */
export function warehouseChecksums(db: Db, ignore: readonly string[] = []): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const table of WAREHOUSE_TABLES) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !ignore.includes(c));
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${columns.join(', ')}`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      rows += 1;
    }
    sums[table] = `${rows}:${hash.digest('hex').slice(0, 16)}`;
  }
  return sums;
}
