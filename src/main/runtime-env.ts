import { existsSync } from 'node:fs';
import path from 'node:path';

export interface RuntimeEnvInput {
  isPackaged: boolean;
  /** Electron's process.resourcesPath (…/resources): holds app.asar, app.asar.unpacked and our extraResources. */
  resourcesPath: string;
  /** The folder of the bundled main.cjs (dist/electron, inside app.asar when packaged). */
  mainDir: string;
  /** process.versions.modules: the ABI the native module must be built for. */
  abi: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** An asar path as the OS sees it: files listed in asarUnpack live beside the archive, readable by workers. */
export function unpackedPath(file: string): string {
  return file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
}

/**
 * The environment variables the engine reads (see backend/paths.ts, db/open.ts and
 * jobs/worker-script.ts), derived for the packaged app or for a development launch. Values
 * already set (by scripts/start-desktop.mjs) win. Worker threads inherit process.env, so the
 * job workers load the same Electron-ABI SQLite binary as the main thread.
 */
export function runtimeEnvironment(input: RuntimeEnvInput): Record<string, string> {
  const result: Record<string, string> = {};
  const set = (name: string, value: string | null): void => {
    const existing = input.env[name];
    if (existing) result[name] = existing;
    else if (value !== null) result[name] = value;
  };
  if (input.isPackaged) {
    set('STORELENS_RESOURCES_DIR', input.resourcesPath);
    set('STORELENS_JOB_WORKER', unpackedPath(path.join(input.mainDir, 'job-worker.js')));
    set(
      'STORELENS_SQLITE_BINDING',
      path.join(input.resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
    return result;
  }
  // `electron .` from the repo: dist/electron/main.cjs, the worker beside it, the binary from start-desktop.
  const repoRoot = path.resolve(input.mainDir, '..', '..');
  const devBinding = path.join(repoRoot, 'native', `electron-${input.abi}`, 'better_sqlite3.node');
  set('STORELENS_JOB_WORKER', path.join(input.mainDir, 'job-worker.js'));
  set('STORELENS_SQLITE_BINDING', existsSync(devBinding) ? devBinding : null);
  return result;
}
