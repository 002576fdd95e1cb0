import type { MenuItemConstructorOptions } from 'electron';
import type { RecentWarehouseEntry } from '../shared/contract/warehouse';

/** The pages in navigation order: Ctrl/Cmd+1…7 go to them. */
export const PAGES = ['overview', 'sales', 'customers', 'products', 'inventory', 'data', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

/** Commands the renderer receives as `menu.command` events; the rest the main process handles. */
export type MenuCommand = 'import.csv' | 'generate.demo' | 'export.report' | 'search.open' | `navigate.${PageId}`;

export interface MenuActions {
  /** Sends a command to the window (`menu.command`); the renderer opens the wizard or page. */
  send(command: MenuCommand, paths?: string[]): void;
  openWarehouse(path?: string): void;
  newWarehouse(): void;
  backUpNow(): void;
  showAbout(): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly RecentWarehouseEntry[];
  actions: MenuActions;
}

const PAGE_LABELS: Record<PageId, string> = {
  overview: 'Overview',
  sales: 'Sales',
  customers: 'Customers',
  products: 'Products',
  inventory: 'Inventory',
  data: 'Data',
  settings: 'Settings',
};

function openWarehouseMenu({ recent, actions }: MenuContext): MenuItemConstructorOptions {
  const others = recent.filter((entry) => !entry.isCurrent && entry.exists);
  return {
    label: 'Open Warehouse',
    submenu: [
      { label: 'Open Warehouse…', click: () => actions.openWarehouse() },
      { type: 'separator' },
      ...(others.length === 0
        ? [{ label: 'No Recent Warehouses', enabled: false }]
        : others.map((entry) => ({ label: entry.name, sublabel: entry.path, toolTip: entry.path, click: () => actions.openWarehouse(entry.path) }))),
    ],
  };
}

/** The native menu as data (testable under Node); index.ts hands it to Menu.buildFromTemplate. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const { actions, platform, appName } = context;
  const isMac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import CSV Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.send('import.csv') },
      { label: 'Generate Demo Store…', click: () => actions.send('generate.demo') },
      { type: 'separator' },
      openWarehouseMenu(context),
      { label: 'New Warehouse…', click: () => actions.newWarehouse() },
      { label: 'Back Up Now', click: () => actions.backUpNow() },
      { type: 'separator' },
      { label: 'Export Report…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export.report') },
      ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: 'Quit', accelerator: 'Ctrl+Q' }]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...PAGES.map((page, index) => ({
        label: PAGE_LABELS[page],
        accelerator: `CmdOrCtrl+${index + 1}`,
        click: () => actions.send(`navigate.${page}`),
      })),
      { type: 'separator' },
      { label: 'Search…', accelerator: 'CmdOrCtrl+K', click: () => actions.send('search.open') },
      { type: 'separator' },
      { role: 'reload' },
      { role: 'toggleDevTools' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${appName}`, click: () => actions.showAbout() }],
  };
  const macApp: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { label: `About ${appName}`, click: () => actions.showAbout() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: `Quit ${appName}` },
    ],
  };
  return [...(isMac ? [macApp] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}

/** The About dialog's text: what a bug report needs. */
export function aboutText(versions: { app: string; electron: string | null; chrome: string | null; node: string; sqlite: string }): string {
  return [
    `Storelens ${versions.app}`,
    '',
    `Electron ${versions.electron ?? '—'}`,
    `Chromium ${versions.chrome ?? '—'}`,
    `Node.js ${versions.node}`,
    `SQLite ${versions.sqlite}`,
  ].join('\n');
}
