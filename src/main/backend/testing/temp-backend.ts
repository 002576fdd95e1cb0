import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../backend';
import { JsonFileSettingsStore } from '../settings/json-file-settings-store';

export interface TempBackend {
  backend: Backend;
  dir: string;
  dispose(): Promise<void>;
}

/** A real backend on a real SQLite file in a fresh temp folder: what tests use instead of mocks. */
export function createTempBackend(prefix = 'storelens-test-'): TempBackend {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const backend = createBackend({
    warehousePath: path.join(dir, 'warehouse.sqlite'),
    settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')),
    appVersion: '0.0.0-test',
  });
  return {
    backend,
    dir,
    async dispose() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
