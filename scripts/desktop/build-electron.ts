import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The engine is ESM TypeScript that reads `import.meta.url` to find sql/ and its worker; in a
 * CommonJS bundle that is undefined, so each bundle defines it from its own file name.
 */
const IMPORT_META_URL_SHIM = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * Native and Electron modules stay outside the bundles: better-sqlite3 loads an ABI-specific
 * binary at run time, and resvg a platform-specific one. They ship in node_modules, unpacked.
 */
export const EXTERNAL = ['electron', 'better-sqlite3', '@resvg/resvg-js', '*.node'];

export interface ElectronBuildResult {
  outDir: string;
  files: string[];
}

/**
 * Bundles the Electron main process, the preload, the job worker and the staging reader worker with esbuild into
 * `<outDir>` (dist/electron by default). Needs no Electron runtime, so CI runs it too.
 */
export async function buildElectron(outDir = path.join(REPO_ROOT, 'dist', 'electron'), options: { isMinified?: boolean } = {}): Promise<ElectronBuildResult> {
  mkdirSync(outDir, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: 'linked',
    minify: options.isMinified ?? false,
    logLevel: 'warning',
    external: EXTERNAL,
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: IMPORT_META_URL_SHIM },
    absWorkingDir: REPO_ROOT,
  };
  await Promise.all([
    build({ ...common, entryPoints: ['src/main/index.ts'], outfile: path.join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['src/main/backend/jobs/worker-entry.ts'], outfile: path.join(outDir, 'job-worker.js') }),
    // The import's staging reader thread, started by the job worker (etl/load/file-reader.ts finds it beside itself).
    build({ ...common, entryPoints: ['src/main/backend/etl/load/reader-worker.ts'], outfile: path.join(outDir, 'reader-worker.js') }),
    // The sandboxed preload may require only 'electron': everything else is inlined, no shim needed.
    build({
      ...common,
      entryPoints: ['src/main/preload.ts'],
      outfile: path.join(outDir, 'preload.cjs'),
      external: ['electron'],
      define: {},
      banner: {},
      platform: 'browser',
      target: 'chrome130',
    }),
  ]);
  // The workers are CommonJS; this keeps Node from reading it as ESM under the root "type": "module".
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  return { outDir, files: ['main.cjs', 'preload.cjs', 'job-worker.js', 'reader-worker.js', 'package.json'] };
}
