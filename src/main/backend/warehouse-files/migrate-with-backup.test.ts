import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../db/migrations';
import { migrateWithBackup, preMigrationBackupPath } from './migrate-with-backup';

const V1: Migration = { version: 1, name: 'core', sql: 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;' };
const V2_GOOD: Migration = { version: 2, name: 'notes', sql: 'CREATE TABLE notes (body TEXT NOT NULL) STRICT;' };
// A migration that commits on its own and then fails: the one-transaction rule cannot undo the first half.
const V2_BROKEN: Migration = {
  version: 2,
  name: 'broken',
  sql: 'CREATE TABLE half_done (x INTEGER); COMMIT; CREATE TABLE broken (;',
};

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A warehouse at schema 1 holding three meta rows, closed. */
function warehouseAtV1(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrateWithBackup(db, file, [V1]);
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  for (const key of ['a', 'b', 'c']) insert.run(key, `value-${key}`);
  db.close();
}

function readState(file: string): { version: number; tables: string[]; meta: unknown[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: Number(db.pragma('user_version', { simple: true })),
      tables: db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((r) => r.name),
      meta: db.prepare('SELECT key, value FROM meta ORDER BY key').all(),
    };
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrateWithBackup', () => {
  it('writes no backup for a brand-new file', () => {
    const file = path.join(dir, 'new.sqlite');
    const db = new Database(file);
    expect(migrateWithBackup(db, file, [V1, V2_GOOD])).toEqual({ from: 0, to: 2 });
    db.close();
    expect(existsSync(preMigrationBackupPath(file, 2))).toBe(false);
  });

  it('keeps a backup of the old version after a successful migration', () => {
    const file = path.join(dir, 'w.sqlite');
    warehouseAtV1(file);
    const db = new Database(file);
    expect(migrateWithBackup(db, file, [V1, V2_GOOD])).toEqual({ from: 1, to: 2 });
    db.close();
    const backup = preMigrationBackupPath(file, 2);
    expect(backup).toBe(`${file}.pre-v2.bak`);
    expect(readState(backup)).toEqual({
      version: 1,
      tables: ['meta', 'schema_migrations'],
      meta: [
        { key: 'a', value: 'value-a' },
        { key: 'b', value: 'value-b' },
        { key: 'c', value: 'value-c' },
      ],
    });
    expect(readState(file).tables).toEqual(['meta', 'notes', 'schema_migrations']);
  });

  it('the broken migration really damages a file when run without the backup (control)', () => {
    const file = path.join(dir, 'control.sqlite');
    warehouseAtV1(file);
    const db = new Database(file);
    expect(() => migrate(db, [V1, V2_BROKEN])).toThrow();
    db.close();
    // The first half was committed: this is the damage the backup must undo.
    expect(readState(file).tables).toContain('half_done');
  });

  it('restores the file from the backup when a migration fails, and it still opens at the old version', () => {
    const file = path.join(dir, 'w.sqlite');
    warehouseAtV1(file);
    const before = readState(file);
    const db = new Database(file);
    let caught: unknown;
    try {
      migrateWithBackup(db, file, [V1, V2_BROKEN]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'INTERNAL', details: { from: 1, to: 2, backupPath: `${file}.pre-v2.bak` } });
    expect(String((caught as Error).message)).toMatch(/restored from .*pre-v2\.bak/);
    expect(db.open).toBe(false);
    expect(readState(file)).toEqual(before);
    expect(readState(file).tables).not.toContain('half_done');
    // Reopening with the good migration list then succeeds from the restored version.
    const again = new Database(file);
    expect(migrateWithBackup(again, file, [V1, V2_GOOD])).toEqual({ from: 1, to: 2 });
    again.close();
  });

  it("refuses another program's SQLite database and leaves its bytes alone", () => {
    const file = path.join(dir, 'other-app.db');
    const setup = new Database(file);
    setup.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
    setup.close();
    const hash = sha(file);
    const db = new Database(file);
    expect(() => migrateWithBackup(db, file, [V1])).toThrow(/another program.*contacts/);
    db.close();
    expect(sha(file)).toBe(hash);
  });

  it('leaves the backup alone when one already exists for that target version', () => {
    const file = path.join(dir, 'w.sqlite');
    warehouseAtV1(file);
    copyFileSync(file, preMigrationBackupPath(file, 2));
    const hash = sha(preMigrationBackupPath(file, 2));
    const db = new Database(file);
    migrateWithBackup(db, file, [V1, V2_GOOD]);
    db.close();
    expect(sha(preMigrationBackupPath(file, 2))).toBe(hash);
  });
});
