import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ElectronPackageInfo {
  dir: string;
  version: string;
  /** NODE_MODULE_VERSION of Electron's Node: native modules must be built for it. */
  abi: string;
}

export function electronPackageInfo(repoRoot: string): ElectronPackageInfo {
  const dir = path.join(repoRoot, 'node_modules', 'electron');
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const abi = readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
  return { dir, version, abi };
}

/**
 * The Electron executable if its runtime was downloaded, else null. Read from path.txt and
 * dist/ directly: `require('electron')` would try to download it as a side effect.
 */
export function electronExecutable(electronDir: string): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

export const NO_ELECTRON_MESSAGE = 'Electron could not be downloaded on this machine; use `npm run web` for browser mode';

/** Downloads the runtime with Electron's own installer when it is missing. */
export function ensureElectronRuntime(electronDir: string): string | null {
  const present = electronExecutable(electronDir);
  if (present) return present;
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
  return result.status === 0 ? electronExecutable(electronDir) : null;
}
