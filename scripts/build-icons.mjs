#!/usr/bin/env node
// Renders the app icon (assets/icons/icon.svg) to PNG sizes, .ico and .icns. The results are committed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { buildIcons } = await import('./desktop/build-icons.ts');
const iconsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
process.stdout.write(`${buildIcons(iconsDir).map((file) => path.relative(process.cwd(), file)).join('\n')}\n`);
