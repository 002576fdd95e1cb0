import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';

const DAY_FOLDER = /^\d{4}-\d{2}-\d{2}$/;
const IMPORTABLE = /\.(csv|tsv|txt|ndjson|jsonl|json)$/i;
/** The generator's ground truth lives beside the data; it is not data. */
const NOT_DATA = new Set(['manifest.json']);

function isFolder(target: string): boolean {
  return statSync(target).isDirectory();
}

/** Importable files directly in a folder, by name. */
export function filesOfFolder(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => IMPORTABLE.test(name) && !NOT_DATA.has(name.toLowerCase()) && !name.startsWith('.'))
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** YYYY-MM-DD day folders of a landing folder, oldest first. */
export function landingDays(root: string): string[] {
  if (!existsSync(root) || !isFolder(root)) {
    throw new AppError('VALIDATION', `${root} is not a folder; point at the landing folder that holds YYYY-MM-DD day folders.`, { folder: root });
  }
  return readdirSync(root)
    .filter((name) => DAY_FOLDER.test(name) && isFolder(path.join(root, name)))
    .sort();
}

export function pendingLandingDays(db: Db, root: string): string[] {
  const resolved = path.resolve(root);
  const done = new Set(
    db.prepare<[string], { day: string }>('SELECT day FROM import_landing_days WHERE landing_root = ?').all(resolved).map((r) => r.day),
  );
  return landingDays(resolved).filter((day) => !done.has(day));
}

/**
 * What `import.files` loads: files as given, a folder's files, or — for a folder of day
 * folders — every day's files (day order is kept, so later days win).
 */
export function expandImportPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const target of paths) {
    if (!existsSync(target)) throw new AppError('VALIDATION', `${target} does not exist.`, { path: target });
    if (!isFolder(target)) {
      files.push(path.resolve(target));
      continue;
    }
    const days = readdirSync(target).filter((name) => DAY_FOLDER.test(name) && isFolder(path.join(target, name))).sort();
    files.push(...filesOfFolder(target).map((f) => path.resolve(f)));
    for (const day of days) files.push(...filesOfFolder(path.join(target, day)).map((f) => path.resolve(f)));
  }
  if (files.length === 0) throw new AppError('VALIDATION', `No importable files (.csv, .ndjson, .json) in ${paths.join(', ')}.`, { paths });
  return [...new Set(files)];
}
