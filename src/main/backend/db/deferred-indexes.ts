import type { Db } from './open';

/**
 * Drops the secondary indexes of an EMPTY table before a bulk load (staging, facts, aggregates)
 * and returns a function that re-creates them: building an index once from sorted data is much
 * cheaper than maintaining it row by row. Only for a table nothing reads by those indexes during
 * its own load. Transactional: a rollback brings the indexes back.
 */
export function deferIndexesIfEmpty(db: Db, table: string): () => void {
  const isEmpty = db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`).pluck().get() === 1;
  if (!isEmpty) return () => undefined;
  const indexes = db
    .prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table);
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}
