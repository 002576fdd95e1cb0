// `npm run dist`: the installers for this platform. electron-builder rebuilds
// node_modules/better-sqlite3 in place for Electron's ABI, so Node's build (tests, CLI, browser
// mode) is restored afterwards whether or not packaging succeeded.
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

let status = run('node', ['scripts/build-electron.mjs', '--minify']);
if (status === 0) status = run('npm', ['run', 'build:renderer']);
if (status === 0) {
  status = run('npx', ['electron-builder', '--publish', 'never']);
  const restored = run('npm', ['rebuild', 'better-sqlite3']);
  if (status === 0) status = restored;
}
process.exit(status);
