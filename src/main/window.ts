import { BrowserWindow, screen, shell, type Session } from 'electron';
import { APP_ENTRY_URL, buildCsp, isAllowedExternalUrl, isAllowedNavigation, isAllowedPermission, isAllowedRequest, webPreferencesFor } from './security';
import { fitToDisplays, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  iconPath?: string;
  isDevToolsAllowed: boolean;
  savedState: unknown;
  saveState(state: WindowState): void;
}

/**
 * Session-wide rules, applied once before any page loads: nothing but our own scheme is fetched,
 * every response carries the CSP, and permission requests are refused unless allow-listed.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [buildCsp()] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  // No <webview>, no devices: refuse the device-picker APIs outright.
  session.setDevicePermissionHandler(() => false);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = fitToDisplays(options.savedState, screen.getAllDisplays().map((display) => display.workArea));
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Storelens',
    backgroundColor: '#111418',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: webPreferencesFor(options.preloadPath, { isDevToolsAllowed: options.isDevToolsAllowed }),
  });
  if (state.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link to an allow-listed site opens in the user's browser; nothing ever opens a new window.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  let saveTimer: NodeJS.Timeout | undefined;
  const rememberState = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      const bounds = win.getNormalBounds();
      options.saveState({ ...bounds, isMaximized: win.isMaximized() });
    }, 400);
  };
  win.on('resize', rememberState);
  win.on('move', rememberState);
  win.on('close', () => {
    clearTimeout(saveTimer);
    options.saveState({ ...win.getNormalBounds(), isMaximized: win.isMaximized() });
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
