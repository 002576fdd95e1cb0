#!/usr/bin/env node
// `npm start`: ensures the Electron runtime and an Electron-ABI better-sqlite3, bundles, builds the
// renderer and launches the desktop app. Arguments after `--` reach Electron (e.g. a CSV to import).
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { startDesktop } = await import('./desktop/start.ts');
process.exitCode = await startDesktop(process.argv.slice(2));
