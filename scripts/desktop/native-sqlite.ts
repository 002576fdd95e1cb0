import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where the Electron-ABI build of better-sqlite3 lives; node_modules keeps Node's build for tests and the CLI. */
export function nativeBindingPath(repoRoot: string, abi: string): string {
  return path.join(repoRoot, 'native', `electron-${abi}`, 'better_sqlite3.node');
}

/**
 * Copies better-sqlite3's sources (not its compiled build/) to a scratch folder, so the
 * Electron build never touches node_modules/better-sqlite3, whose Node-ABI binary tests use.
 */
export function prepareSourceCopy(repoRoot: string, scratchDir: string): string {
  const source = path.join(repoRoot, 'node_modules', 'better-sqlite3');
  const copy = path.join(scratchDir, 'better-sqlite3');
  rmSync(copy, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
  return copy;
}

export interface NativeBuildTarget {
  electronVersion: string;
  abi: string;
  arch: string;
  platform: NodeJS.Platform;
}

function run(repoRoot: string, tool: string[], cwd: string): boolean {
  const result = spawnSync(process.execPath, tool, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron' } });
  return result.status === 0;
}

/**
 * Ensures native/electron-<abi>/better_sqlite3.node: a prebuilt binary for this Electron when
 * better-sqlite3 publishes one (fast), otherwise compiled with node-gyp against Electron's headers.
 * Both need the network once; afterwards the file is reused.
 */
export function ensureElectronSqlite(repoRoot: string, target: NativeBuildTarget): string {
  const binding = nativeBindingPath(repoRoot, target.abi);
  if (existsSync(binding)) return binding;
  const scratch = path.join(path.dirname(binding), 'build-src');
  mkdirSync(scratch, { recursive: true });
  const copy = prepareSourceCopy(repoRoot, scratch);
  const modules = path.join(repoRoot, 'node_modules');
  const isPrebuilt = run(
    repoRoot,
    [
      path.join(modules, 'prebuild-install', 'bin.js'),
      '--runtime=electron',
      `--target=${target.electronVersion}`,
      `--arch=${target.arch}`,
      `--platform=${target.platform}`,
    ],
    copy,
  );
  const isBuilt =
    isPrebuilt ||
    run(
      repoRoot,
      [
        path.join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${target.electronVersion}`,
        `--arch=${target.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      copy,
    );
  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!isBuilt || !existsSync(built)) {
    throw new Error(
      `better-sqlite3 could not be built for Electron ${target.electronVersion} (ABI ${target.abi}). ` +
        'It needs the network once (a prebuilt binary or Electron headers) and, without a prebuilt one, a C++ toolchain.',
    );
  }
  copyFileSync(built, binding);
  rmSync(scratch, { recursive: true, force: true });
  return binding;
}
