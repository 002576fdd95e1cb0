import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './open';
import { checkpointAfterWrite, withoutAutoCheckpoint } from './wal-checkpoint';

let dir: string | null = null;
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function walDatabase(): { db: Db; file: string } {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-wal-'));
  const file = path.join(dir, 'w.sqlite');
  const db = new Database(file);
  open.push(db);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, file };
}

/** About 6 MB: far more than the 1000 pages after which a commit checkpoints by default. */
function writeRows(db: Db): void {
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 6000; i++) insert.run('x'.repeat(1000));
  })();
}

const fileHoldsEveryPage = (db: Db, file: string): boolean =>
  statSync(file).size >= Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));

describe('write-ahead log checkpoints after bulk writes', () => {
  it('a plain commit of a big write copies the log into the file at once (the cost moved off the commit)', () => {
    const { db, file } = walDatabase();
    writeRows(db);
    expect(fileHoldsEveryPage(db, file)).toBe(true);
  });

  it('commits without copying the log, restores the setting, and the later checkpoint copies all of it', () => {
    const { db, file } = walDatabase();
    const sizeBefore = statSync(file).size;
    const settingInside = withoutAutoCheckpoint(db, () => {
      writeRows(db);
      return Number(db.pragma('wal_autocheckpoint', { simple: true }));
    });
    expect(settingInside).toBe(0);
    expect(Number(db.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    expect(statSync(file).size).toBe(sizeBefore);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(6_000_000);
    // A second connection reads the committed rows from the log.
    const reader = new Database(file, { readonly: true });
    open.push(reader);
    expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(6000);

    const outcome = checkpointAfterWrite(db);
    expect(outcome.logFrames).toBeGreaterThan(1000);
    expect(outcome.checkpointedFrames).toBe(outcome.logFrames);
    expect(fileHoldsEveryPage(db, file)).toBe(true);
  });

  it('restores the setting when the body throws or its promise rejects', async () => {
    const { db } = walDatabase();
    db.pragma('wal_autocheckpoint = 250');
    expect(() => withoutAutoCheckpoint(db, () => { throw new Error('boom'); })).toThrow('boom');
    expect(Number(db.pragma('wal_autocheckpoint', { simple: true }))).toBe(250);
    await expect(withoutAutoCheckpoint(db, async () => { throw new Error('later'); })).rejects.toThrow('later');
    expect(Number(db.pragma('wal_autocheckpoint', { simple: true }))).toBe(250);
  });

  it('is a no-op outside WAL mode', () => {
    const db = new Database(':memory:');
    open.push(db);
    expect(checkpointAfterWrite(db)).toEqual({ logFrames: 0, checkpointedFrames: 0 });
  });
});
