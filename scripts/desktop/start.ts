import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildElectron, REPO_ROOT } from './build-electron';
import { electronPackageInfo, ensureElectronRuntime, NO_ELECTRON_MESSAGE } from './electron-runtime';
import { ensureElectronSqlite } from './native-sqlite';

/** `npm start`: runtime, native module, bundles, renderer, then Electron on the repo. */
export async function startDesktop(extraArgs: readonly string[]): Promise<number> {
  const electron = electronPackageInfo(REPO_ROOT);
  const executable = ensureElectronRuntime(electron.dir);
  if (!executable) {
    console.error(`\n${NO_ELECTRON_MESSAGE}\n`);
    return 1;
  }
  let binding: string;
  try {
    binding = ensureElectronSqlite(REPO_ROOT, { electronVersion: electron.version, abi: electron.abi, arch: process.arch, platform: process.platform });
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\nUse \`npm run web\` for browser mode meanwhile.\n`);
    return 1;
  }
  const { outDir } = await buildElectron();
  const vite = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (vite.status !== 0) return vite.status ?? 1;
  const child = spawn(executable, ['.', ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, STORELENS_SQLITE_BINDING: binding, STORELENS_JOB_WORKER: path.join(outDir, 'job-worker.js') },
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}
