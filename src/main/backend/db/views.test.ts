import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyViews } from './views';

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-views-'));
  db = new Database(path.join(dir, 'w.sqlite'));
  db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const viewSql = (predicate: string) => `DROP VIEW IF EXISTS v_small; CREATE VIEW v_small AS SELECT x FROM t WHERE ${predicate};`;

describe('hash-guarded views', () => {
  it('applies a view once and skips it while its file is unchanged', () => {
    const views = path.join(dir, 'views');
    mkdirSync(views);
    writeFileSync(path.join(views, 'v_small.sql'), viewSql('x < 3'));
    expect(applyViews(db, views)).toEqual(['v_small.sql']);
    expect(applyViews(db, views)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM v_small').get()).toEqual({ n: 2 });
  });

  it('re-creates a view when its file changes, with no migration', () => {
    const views = path.join(dir, 'views');
    mkdirSync(views);
    writeFileSync(path.join(views, 'v_small.sql'), viewSql('x < 3'));
    applyViews(db, views);
    writeFileSync(path.join(views, 'v_small.sql'), viewSql('x < 2'));
    expect(applyViews(db, views)).toEqual(['v_small.sql']);
    expect(db.prepare('SELECT count(*) AS n FROM v_small').get()).toEqual({ n: 1 });
  });
});
