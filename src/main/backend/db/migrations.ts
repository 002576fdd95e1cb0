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
 * Which migrations a file holds is recorded one row each in `schema_migrations`, because owners
 * number their migrations in their own ranges (0010–0019 import, 0020–0029 analytics, …) and a new
 * 0011 can arrive after 0030 was applied: a single user_version watermark would skip it forever.
 * user_version still carries the highest applied version, for tools that read it.
 */
const LEDGER_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL
) STRICT`;

/** Warehouses written before the ledger (Storelens 0.1.0) hold exactly these, up to their user_version. */
const APPLIED_BEFORE_LEDGER = [1, 2, 10, 20, 30];

function hasLedger(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

export function appliedVersions(db: Database.Database): Set<number> {
  if (hasLedger(db)) return new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const watermark = schemaVersion(db);
  return new Set(APPLIED_BEFORE_LEDGER.filter((version) => version <= watermark));
}

export function pendingMigrations(db: Database.Database, migrations: readonly Migration[] = loadMigrations()): Migration[] {
  const applied = appliedVersions(db);
  return migrations.filter((m) => !applied.has(m.version));
}

/**
 * Applies every migration the file does not hold yet, in number order and in one transaction, so
 * a failure leaves the file as it was. A file written by a newer app is refused, never touched.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  const applied = appliedVersions(db);
  const unknown = [...applied].filter((version) => !migrations.some((m) => m.version === version));
  if (from > latest || unknown.length > 0) {
    const newest = Math.max(from, ...unknown);
    throw new AppError(
      'SCHEMA_TOO_NEW',
      `This warehouse was written by a newer Storelens (schema ${newest}; this app knows up to ${latest}). ` +
        'Update Storelens to open it, or choose another warehouse.',
      { schemaVersion: newest, latestSchemaVersion: latest },
    );
  }
  const pending = migrations.filter((m) => !applied.has(m.version));
  const needsLedger = !hasLedger(db);
  if (pending.length === 0 && !needsLedger) return { from, to: from };
  db.transaction(() => {
    db.exec(LEDGER_SQL);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    if (needsLedger) {
      for (const version of applied) record.run(version, migrations.find((m) => m.version === version)?.name ?? 'unknown', 'before the ledger');
    }
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${Math.max(from, ...pending.map((m) => m.version))}`);
  })();
  return { from, to: schemaVersion(db) };
}
