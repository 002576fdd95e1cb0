import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/result';
import { latestVersion, loadMigrations, migrate, schemaVersion } from './migrations';
import { openWarehouse } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('brings an empty database to the latest version with the star schema', () => {
    const db = openWarehouse(path.join(dir, 'w.sqlite'));
    const all = loadMigrations();
    expect(schemaVersion(db)).toBe(latestVersion(all));
    expect(tables(db)).toEqual(expect.arrayContaining(['dim_customer', 'dim_product', 'fct_orders', 'fct_order_items', 'fct_cohort_ltv']));
    db.close();
  });

  it('upgrades a database saved at an older version, keeping its rows', () => {
    const file = path.join(dir, 'old.sqlite');
    const all = loadMigrations();
    const old = new Database(file);
    migrate(old, all.filter((m) => m.version <= 1));
    old.prepare("INSERT INTO meta (key, value) VALUES ('created_by', 'v1')").run();
    expect(schemaVersion(old)).toBe(1);
    old.close();

    const db = openWarehouse(file);
    expect(schemaVersion(db)).toBe(latestVersion(all));
    expect(db.prepare("SELECT value FROM meta WHERE key = 'created_by'").get()).toEqual({ value: 'v1' });
    db.close();
  });

  it('applies a migration numbered below one a 0.1.0 warehouse already holds (owners number in ranges)', () => {
    const file = path.join(dir, 'v010.sqlite');
    const all = loadMigrations();
    // Storelens 0.1.0 kept only a user_version watermark and shipped exactly these migrations.
    const old = new Database(file);
    for (const migration of all.filter((m) => [1, 2, 10, 20, 30].includes(m.version))) old.exec(migration.sql);
    old.pragma('user_version = 30');
    old.close();

    const db = openWarehouse(file);
    const columns = (db.prepare('PRAGMA table_info(stg_returns)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('refund_amount_cents');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(all.map((m) => m.version));
    expect(schemaVersion(db)).toBe(latestVersion(all));
    db.close();
  });

  it('refuses a database whose ledger names a migration this app does not know', () => {
    const file = path.join(dir, 'ledger-newer.sqlite');
    const db = openWarehouse(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (15, 'from_a_newer_app', 'now')").run();
    db.close();
    expect(() => openWarehouse(file)).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const file = path.join(dir, 'newer.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 9999');
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.close();

    const error = (() => {
      try {
        openWarehouse(file);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'SCHEMA_TOO_NEW' });
    expect((error as AppError).message).toMatch(/newer Storelens/);
    const check = new Database(file, { readonly: true });
    expect(schemaVersion(check)).toBe(9999);
    expect(tables(check)).toEqual(['from_the_future']);
    check.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const file = path.join(dir, 'broken.sqlite');
    const db = new Database(file);
    const migrations = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, migrations)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a file that is not SQLite and never overwrites it', () => {
    const file = path.join(dir, 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(20));
    expect(() => openWarehouse(file)).toThrow(/not a SQLite database/);
  });
});
