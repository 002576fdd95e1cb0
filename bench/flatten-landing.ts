import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { NATIVE_LOAD_ORDER } from '../src/shared/data-contract/native-format';

/** One file per entity from some landing day folders, concatenated in day order (so "latest wins" is kept). */
export async function flattenLandingDays(landing: string, days: readonly string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const entity of NATIVE_LOAD_ORDER) {
    const target = path.join(outDir, `${entity}.csv`);
    const out = createWriteStream(target);
    let hasHeader = false;
    for (const day of days) {
      const file = path.join(landing, day, `${entity}.csv`);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      const body = hasHeader ? text.slice(text.indexOf('\n') + 1) : text;
      hasHeader = true;
      if (!out.write(body)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    files.push(target);
  }
  return files;
}
