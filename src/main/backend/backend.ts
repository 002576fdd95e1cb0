import type { SettingsStore } from '../../shared/contract/settings';
import { openWarehouse, type Db } from './db/open';
import { EventBus } from './events';
import { JobRunner } from './jobs/runner';

/** Everything a handler may touch. Built once per warehouse; Electron and browser mode share it. */
export interface Backend {
  readonly db: Db;
  readonly warehousePath: string;
  readonly events: EventBus;
  readonly jobs: JobRunner;
  readonly settings: SettingsStore;
  readonly appVersion: string;
  readonly electronVersion: string | null;
  close(): Promise<void>;
}

export interface BackendOptions {
  warehousePath: string;
  settings: SettingsStore;
  appVersion: string;
  electronVersion?: string | null;
}

export function createBackend(options: BackendOptions): Backend {
  const db = openWarehouse(options.warehousePath);
  const events = new EventBus();
  const jobs = new JobRunner(options.warehousePath, events);
  return {
    db,
    warehousePath: options.warehousePath,
    events,
    jobs,
    settings: options.settings,
    appVersion: options.appVersion,
    electronVersion: options.electronVersion ?? null,
    async close() {
      await jobs.close();
      db.close();
    },
  };
}
