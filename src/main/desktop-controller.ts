import path from 'node:path';
import { app, type BrowserWindow, dialog, Menu, shell } from 'electron';
import { appVersion } from './backend/app-version';
import { systemInfo } from './backend/handlers/system';
import { warehouseHandlers } from './backend/handlers/warehouse';
import { describeRecent } from './backend/warehouse-files/recent';
import { defaultWarehousePath } from './backend/warehouse-files/locations';
import { WarehouseSession } from './backend/warehouse-files/warehouse-session';
import { toErrorInfo } from '../shared/result';
import type { SettingsStore } from '../shared/contract/settings';
import type { WarehouseBackup } from '../shared/contract/warehouse';
import { dialogFiltersFor, type PickFilesOptions } from './ipc';
import { IPC_CHANNELS } from './ipc-channels';
import { aboutText, buildMenuTemplate, type MenuCommand } from './menu';

/**
 * The desktop app's verbs behind the menu: switching warehouses, backups, About, the file
 * picker. It owns the WarehouseSession; a switch builds a new backend and reloads the page, so
 * nothing in the renderer survives from the old warehouse.
 */
export class DesktopController {
  readonly session: WarehouseSession;
  private window: BrowserWindow | null = null;

  constructor(private readonly settings: SettingsStore) {
    this.session = new WarehouseSession({ settings, appVersion: appVersion(), electronVersion: process.versions.electron ?? null, warmUp: true });
  }

  /** The last warehouse used if it still opens, otherwise the default one in the user-data folder. */
  async openInitialWarehouse(): Promise<void> {
    const [last] = this.settings.get().recentWarehouses;
    if (last !== undefined) {
      try {
        await this.session.open(last);
        return;
      } catch (error) {
        dialog.showErrorBox('The last warehouse could not be opened', `${toErrorInfo(error).message}\n\nStorelens opens the default warehouse instead.`);
      }
    }
    await this.session.open(defaultWarehousePath(app.getPath('userData')));
  }

  attachWindow(win: BrowserWindow): void {
    this.window = win;
    win.on('closed', () => (this.window = null));
  }

  focus(): void {
    if (!this.window) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
  }

  sendCommand(command: MenuCommand, paths?: string[]): void {
    const contents = this.window?.webContents;
    if (!contents || contents.isDestroyed()) return;
    contents.send(IPC_CHANNELS.event, { name: 'menu.command', payload: paths ? { command, paths } : { command } });
  }

  jobStartedAt(jobId: string): number | null {
    try {
      const startedAt = this.session.current.jobs.get(jobId).startedAt;
      return startedAt === null ? null : Date.parse(startedAt);
    } catch {
      return null;
    }
  }

  buildMenu(): Menu {
    return Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: 'Storelens',
        recent: describeRecent(this.settings.get().recentWarehouses, this.session.current.warehousePath),
        actions: {
          send: (command, paths) => this.sendCommand(command, paths),
          openWarehouse: (file) => void this.openWarehouse(file),
          newWarehouse: () => void this.newWarehouse(),
          backUpNow: () => void this.backUpNow(),
          showAbout: () => void this.showAbout(),
        },
      }),
    );
  }

  async pickFiles(options: PickFilesOptions): Promise<string[]> {
    const properties: ('openFile' | 'multiSelections')[] = options.isMultiple ? ['openFile', 'multiSelections'] : ['openFile'];
    const dialogOptions = { properties, filters: dialogFiltersFor(options.accept) };
    const result = this.window ? await dialog.showOpenDialog(this.window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? [] : result.filePaths;
  }

  private async openWarehouse(file?: string): Promise<void> {
    let target = file;
    if (target === undefined) {
      const options = {
        title: 'Open Warehouse',
        properties: ['openFile' as const],
        filters: [{ name: 'Storelens warehouse', extensions: ['sqlite', 'db'] }],
      };
      const picked = this.window ? await dialog.showOpenDialog(this.window, options) : await dialog.showOpenDialog(options);
      if (picked.canceled || picked.filePaths[0] === undefined) return;
      target = picked.filePaths[0];
    }
    await this.switchWith(() => this.session.open(target));
  }

  private async newWarehouse(): Promise<void> {
    const options = {
      title: 'New Warehouse',
      defaultPath: path.join(app.getPath('documents'), 'My shop.sqlite'),
      filters: [{ name: 'Storelens warehouse', extensions: ['sqlite'] }],
    };
    const picked = this.window ? await dialog.showSaveDialog(this.window, options) : await dialog.showSaveDialog(options);
    if (picked.canceled || picked.filePath === undefined) return;
    const target = picked.filePath;
    await this.switchWith(() => this.session.create(target));
  }

  private async switchWith(openIt: () => Promise<unknown>): Promise<void> {
    try {
      await openIt();
    } catch (error) {
      await this.showError('The warehouse could not be opened', error);
      return;
    }
    Menu.setApplicationMenu(this.buildMenu());
    // A reload drops every cached query and subscription of the old warehouse.
    this.window?.webContents.reload();
  }

  private async backUpNow(): Promise<void> {
    let backup: WarehouseBackup;
    try {
      backup = warehouseHandlers['warehouse.backup']({}, this.session.current);
    } catch (error) {
      await this.showError('The backup failed', error);
      return;
    }
    const options = {
      type: 'info' as const,
      message: 'Backup written',
      detail: backup.path,
      buttons: ['OK', 'Show in Folder'],
      defaultId: 0,
    };
    const answer = this.window ? await dialog.showMessageBox(this.window, options) : await dialog.showMessageBox(options);
    if (answer.response === 1) shell.showItemInFolder(backup.path);
  }

  private async showAbout(): Promise<void> {
    const { sqliteVersion: sqlite } = systemInfo(this.session.current);
    const detail = aboutText({
      app: appVersion(),
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      node: process.versions.node,
      sqlite,
    });
    const options = { type: 'info' as const, message: 'Storelens', detail, buttons: ['OK'] };
    if (this.window) await dialog.showMessageBox(this.window, options);
    else await dialog.showMessageBox(options);
  }

  private async showError(message: string, error: unknown): Promise<void> {
    const options = { type: 'error' as const, message, detail: toErrorInfo(error).message };
    if (this.window) await dialog.showMessageBox(this.window, options);
    else await dialog.showMessageBox(options);
  }
}
