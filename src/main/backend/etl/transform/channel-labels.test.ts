import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../db/migrations';
import { openWarehouse } from '../../db/open';
import { CHANNEL_LABEL_SQL } from './dimensions';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-channels-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const labelOf = (db: Database.Database, channel: string): string => db.prepare(`SELECT ${CHANNEL_LABEL_SQL} FROM (SELECT ? AS channel)`).pluck().get(channel) as string;

describe('channel labels', () => {
  it('reads a code as words, and an initialism in capitals', () => {
    const db = openWarehouse(path.join(dir, 'w.sqlite'));
    expect(labelOf(db, 'mobile_app')).toBe('Mobile app');
    expect(labelOf(db, 'web')).toBe('Web');
    expect(labelOf(db, 'pos')).toBe('POS');
    expect(labelOf(db, 'B2B')).toBe('B2B');
    expect(labelOf(db, 'posters')).toBe('Posters');
    db.close();
  });

  it('relabels the initialisms an older warehouse loaded as words, and leaves edited labels alone', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, loadMigrations().filter((m) => m.version < 13));
    const insert = old.prepare('INSERT INTO dim_channel (channel_code, label) VALUES (?, ?)');
    insert.run('pos', 'Pos');
    insert.run('b2b', 'Wholesale desk');
    insert.run('mobile_app', 'Mobile app');
    old.close();

    const db = openWarehouse(file);
    const labels = db.prepare('SELECT channel_code, label FROM dim_channel ORDER BY channel_code').raw().all();
    expect(labels).toEqual([
      ['b2b', 'Wholesale desk'],
      ['mobile_app', 'Mobile app'],
      ['pos', 'POS'],
    ]);
    db.close();
  });
});
