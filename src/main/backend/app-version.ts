import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resourcesDir } from './paths';

let cached: string | null = null;

/** The version in package.json, read once: it stamps model runs, reports and `doctor`. */
export function appVersion(): string {
  if (cached === null) {
    const pkg = JSON.parse(readFileSync(path.join(resourcesDir(), 'package.json'), 'utf8')) as { version?: string };
    cached = pkg.version ?? '0.0.0';
  }
  return cached;
}
