import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SettingsStore } from '../../../shared/contract/settings';
import type { EventListener } from '../../../shared/events';
import { restoreApiFromSettings, stopApi } from '../api/api-service';
import { createBackend, type Backend } from '../backend';
import { inspectWarehouseFile } from './inspect';
import { assertNewWarehouseTarget } from './locations';
import { rememberRecent } from './recent';

export interface WarehouseSessionOptions {
  settings: SettingsStore;
  appVersion: string;
  electronVersion?: string | null;
  /** Passed to each backend: the desktop app warms its analytics lookups in idle time. */
  warmUp?: boolean;
}

/**
 * The one open warehouse of the desktop app, and the switch between warehouses. A Backend is
 * bound to one file (its connection, job runner and job log), so switching closes it and builds
 * a new one. Transports hold the session, not a Backend, and subscribe here once: their event
 * forwarding survives every switch.
 */
export class WarehouseSession {
  private backend: Backend | null = null;
  private unsubscribeBackend: () => void = () => undefined;
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly options: WarehouseSessionOptions) {}

  get current(): Backend {
    if (!this.backend) throw new Error('No warehouse is open yet.');
    return this.backend;
  }

  get isOpen(): boolean {
    return this.backend !== null;
  }

  /** Opens an existing warehouse, or creates it when the file does not exist yet (the default one). */
  async open(file: string): Promise<Backend> {
    const target = path.resolve(file);
    // Refuses a wrong pick (not SQLite, damaged, another program's, too new) before closing the current one.
    if (existsSync(target)) inspectWarehouseFile(target);
    return this.switchTo(target);
  }

  /** "New warehouse…": never replaces an existing file. */
  async create(file: string): Promise<Backend> {
    return this.switchTo(assertNewWarehouseTarget(file));
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.unsubscribeBackend();
    const closing = this.backend;
    this.backend = null;
    if (closing) await stopApi(closing);
    await closing?.close();
  }

  private async switchTo(target: string): Promise<Backend> {
    // Build the new backend first: if the file cannot be opened, the current one stays in use.
    const next = createBackend({
      warehousePath: target,
      settings: this.options.settings,
      appVersion: this.options.appVersion,
      electronVersion: this.options.electronVersion ?? null,
      warmUp: this.options.warmUp ?? false,
    });
    await this.close();
    this.backend = next;
    this.unsubscribeBackend = next.events.subscribe((event) => {
      for (const listener of this.listeners) listener(event);
    });
    const { recentWarehouses } = this.options.settings.get();
    this.options.settings.update({ recentWarehouses: rememberRecent(recentWarehouses, target) });
    // The local API follows the open warehouse; a failure to bind is shown in Settings, not thrown.
    await restoreApiFromSettings(next);
    return next;
  }
}
