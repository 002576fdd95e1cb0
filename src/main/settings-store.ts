import { ipcMain } from 'electron';
import Store from 'electron-store';
import { SettingsSchema, type Settings, type SettingsPatch, type SettingsStore } from '../shared/contract/settings';
import { DEFAULT_WINDOW_STATE, type WindowState } from './window-state';

interface StoredShape {
  settings: Settings;
  windowState: WindowState;
}

/** Desktop settings and window state in electron-store (an atomic JSON file in the user-data folder). */
export class ElectronSettingsStore implements SettingsStore {
  private readonly store = new Store<StoredShape>({ name: 'settings', clearInvalidConfig: true });
  private current: Settings;

  constructor() {
    // electron-store answers this channel for renderer-side stores; we have none, and the
    // window must reach no channel but ours.
    ipcMain.removeAllListeners('electron-store-get-data');
    const parsed = SettingsSchema.safeParse(this.store.get('settings') ?? {});
    // A damaged or older settings object falls back to defaults instead of stopping the app.
    this.current = parsed.success ? parsed.data : SettingsSchema.parse({});
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    this.current = SettingsSchema.parse({ ...this.current, ...patch });
    this.store.set('settings', this.current);
    return this.current;
  }

  readWindowState(): unknown {
    return this.store.get('windowState') ?? DEFAULT_WINDOW_STATE;
  }

  saveWindowState(state: WindowState): void {
    this.store.set('windowState', state);
  }
}
