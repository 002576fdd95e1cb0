import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { sqlDir } from '../paths';

/**
 * Views are re-creatable, so they live outside the migrations: each file in sql/views is
 * re-applied when its content hash changes. Editing a view therefore needs no migration.
 */
export function applyViews(db: Database.Database, dir = path.join(sqlDir(), 'views')): string[] {
  if (!existsSync(dir)) return [];
  db.exec('CREATE TABLE IF NOT EXISTS meta_view_hashes (name TEXT PRIMARY KEY, hash TEXT NOT NULL) STRICT');
  const known = new Map(
    db
      .prepare<[], { name: string; hash: string }>('SELECT name, hash FROM meta_view_hashes')
      .all()
      .map((row) => [row.name, row.hash]),
  );
  const upsert = db.prepare(
    'INSERT INTO meta_view_hashes (name, hash) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET hash = excluded.hash',
  );
  const applied: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  db.transaction(() => {
    for (const file of files) {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      const hash = createHash('sha256').update(sql).digest('hex');
      if (known.get(file) === hash) continue;
      db.exec(sql);
      upsert.run(file, hash);
      applied.push(file);
    }
  })();
  return applied;
}
