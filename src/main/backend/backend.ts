import type { SettingsStore } from '../../shared/contract/settings';
import { openWarehouse, type Db } from './db/open';
import { EventBus } from './events';
import { JobRunner } from './jobs/runner';
import { EngineWarmUp } from './warm-up';

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
  /** Warm the analytics lookups in idle time after opening and after each data change (the app; not the CLI or tests). */
  warmUp?: boolean;
}

/** Long enough for the landing page's own requests to go first. */
const WARM_UP_DELAY_MS = 400;

export function createBackend(options: BackendOptions): Backend {
  const db = openWarehouse(options.warehousePath);
  const events = new EventBus();
  const jobs = new JobRunner(options.warehousePath, events);
  const warmUp = options.warmUp ? new EngineWarmUp(db, { delayMs: WARM_UP_DELAY_MS }) : null;
  if (warmUp) {
    warmUp.schedule();
    events.subscribe((event) => {
      if (event.name === 'data.changed') warmUp.schedule();
    });
  }
  return {
    db,
    warehousePath: options.warehousePath,
    events,
    jobs,
    settings: options.settings,
    appVersion: options.appVersion,
    electronVersion: options.electronVersion ?? null,
    async close() {
      warmUp?.stop();
      await jobs.close();
      db.close();
    },
  };
}
