import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { WAREHOUSE_FILE } from '../paths';

/** The desktop app's warehouse when the user never chose one: in the OS user-data folder. */
export function defaultWarehousePath(userDataDir: string): string {
  return path.join(userDataDir, WAREHOUSE_FILE);
}

/** Appends .sqlite to a name typed without an extension, so the file is recognisable later. */
export function withWarehouseExtension(file: string): string {
  return path.extname(file) === '' ? `${file}.sqlite` : file;
}

/**
 * "New warehouse…" must never replace a file, even when the OS save dialog already asked
 * "replace?": an existing warehouse is opened with "Open warehouse…" instead.
 */
export function assertNewWarehouseTarget(file: string): string {
  const target = path.resolve(withWarehouseExtension(file));
  if (existsSync(target)) {
    const kind = statSync(target).isDirectory() ? 'a folder' : 'a file';
    throw new AppError('CONFLICT', `There is already ${kind} at ${target}. Use "Open warehouse…" to open it, or choose a new name.`, {
      path: target,
    });
  }
  return target;
}
