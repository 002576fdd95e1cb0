/**
 * For bench/import.bench.ts: a nightly drop. A warehouse holding every landing day but the last
 * (loaded in one run, as a first import), then the last day's folder imported as its own run, as
 * `storelens import --landing` does the next morning: the figure a shop sees every day.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openWarehouse } from '../src/main/backend/db/open';
import { checkpointAfterWrite } from '../src/main/backend/db/wal-checkpoint';
import { runImport, type ImportRunResult } from '../src/main/backend/etl/import-run';
import { filesOfFolder, landingDays } from '../src/main/backend/etl/landing';
import { flattenLandingDays } from './flatten-landing';

export interface NightlyRun {
  day: string;
  baseSeconds: number;
  seconds: number;
  checkpointSeconds: number;
  result: ImportRunResult;
}

const seconds = (started: number): number => (performance.now() - started) / 1000;

export async function measureNightlyImport(landing: string, scratchDir: string): Promise<NightlyRun> {
  const days = landingDays(landing);
  const day = days.at(-1);
  if (day === undefined) throw new Error(`${landing} has no day folders`);
  const before = path.join(scratchDir, 'flat-before-last-day');
  const files = await flattenLandingDays(landing, days.slice(0, -1), before);
  const warehouse = path.join(scratchDir, 'bench-nightly.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(warehouse + suffix, { force: true });
  const db = openWarehouse(warehouse);
  try {
    let started = performance.now();
    await runImport(db, { kind: 'files', source: before, files });
    checkpointAfterWrite(db);
    const baseSeconds = seconds(started);
    const dayFiles = filesOfFolder(path.join(landing, day));
    started = performance.now();
    const result = await runImport(db, { kind: 'landing', source: landing, landingDay: day, files: dayFiles, landing: { root: landing, days: [day] } });
    const nightlySeconds = seconds(started);
    started = performance.now();
    checkpointAfterWrite(db);
    return { day, baseSeconds, seconds: nightlySeconds, checkpointSeconds: seconds(started), result };
  } finally {
    db.close();
    rmSync(before, { recursive: true, force: true });
  }
}
