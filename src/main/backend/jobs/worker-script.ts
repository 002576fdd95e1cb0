import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerScript {
  file: string;
  execArgv: string[];
}

/**
 * Where the job worker lives: a bundled file beside this one in dist/, or the TypeScript source,
 * which a worker loads through a small bootstrap that registers tsx. STORELENS_JOB_WORKER overrides both (Electron).
 */
export function resolveWorkerScript(): WorkerScript {
  const fromEnv = process.env.STORELENS_JOB_WORKER;
  if (fromEnv) return { file: fromEnv, execArgv: [] };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'job-worker.js');
  if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(here, 'worker-bootstrap.mjs'), execArgv: [] };
}
