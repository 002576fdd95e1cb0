import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files Storelens accepts from the OS (file association, "Open with", a second launch). */
export const OPENABLE_EXTENSIONS: readonly string[] = ['.csv', '.tsv', '.txt'];

/**
 * The data files in a command line: what a second instance or the OS passes along. Flags, the
 * executable, the app folder (`electron .`) and anything that is not an existing data file are dropped.
 */
export function dataFilesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (!OPENABLE_EXTENSIONS.includes(path.extname(arg).toLowerCase())) continue;
    const file = path.resolve(cwd, arg);
    if (existsSync(file) && statSync(file).isFile() && !files.includes(file)) files.push(file);
  }
  return files;
}

/**
 * Holds files that arrive before the window can receive them (a CSV double-clicked to start
 * the app arrives before the page has loaded), then hands them over once.
 */
export class PendingFiles {
  private files: string[] = [];
  private deliver: ((files: string[]) => void) | null = null;

  add(files: readonly string[]): void {
    if (files.length === 0) return;
    if (this.deliver) this.deliver([...files]);
    else this.files.push(...files.filter((file) => !this.files.includes(file)));
  }

  /** Called when the page is ready; later files go straight through. */
  attach(deliver: (files: string[]) => void): void {
    this.deliver = deliver;
    const queued = this.files;
    this.files = [];
    if (queued.length > 0) deliver(queued);
  }

  detach(): void {
    this.deliver = null;
  }
}
