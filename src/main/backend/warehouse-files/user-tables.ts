import type Database from 'better-sqlite3';

/** Tables created by someone (not SQLite's own): tells an empty file from one with content. */
export function listUserTables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
}
