#!/usr/bin/env node
// Bundles the Electron main process, preload and job worker into dist/electron (no Electron runtime needed).
// The logic is TypeScript (scripts/desktop/build-electron.ts), loaded through tsx like the CLI.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { buildElectron } = await import('./desktop/build-electron.ts');
const outDir = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const result = await buildElectron(outDir, { isMinified: process.argv.includes('--minify') });
process.stdout.write(`Electron bundles written to ${result.outDir}: ${result.files.join(', ')}\n`);
