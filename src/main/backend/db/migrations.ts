import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/result';
import { sqlDir } from '../paths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir = path.join(sqlDir(), 'migrations')): Migration[] {
  return readdirSync(dir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Applies every migration newer than PRAGMA user_version in one transaction, so a failure
 * leaves the file at its old version. A file written by a newer app is refused, never touched.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `This warehouse was written by a newer Storelens (schema ${from}; this app knows up to ${latest}). ` +
        'Update Storelens to open it, or choose another warehouse.',
      { schemaVersion: from, latestSchemaVersion: latest },
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: latestVersion(pending) };
}
