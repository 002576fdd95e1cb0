import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, ipcMain, Menu, Notification, protocol, session, shell } from 'electron';
import { contentTypeFor, resolveAppRequest } from './app-protocol';
import { forwardEvents, registerIpc } from './ipc';
import { JobFeedback } from './job-feedback';
import { APP_SCHEME, buildCsp, isAllowedExternalUrl } from './security';
import { runtimeEnvironment } from './runtime-env';
import { dataFilesFromArgv, OPENABLE_EXTENSIONS, PendingFiles } from './single-instance';
import { createMainWindow, hardenSession } from './window';

// Bundled as CommonJS (dist/electron/main.cjs), so __dirname is the bundle's folder.
const MAIN_DIR = __dirname;

Object.assign(
  process.env,
  runtimeEnvironment({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    mainDir: MAIN_DIR,
    abi: process.versions.modules,
    env: process.env,
  }),
);

// Must happen before `ready`: our scheme behaves like https (secure, same-origin rules).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// STORELENS_USER_DATA_DIR lets the e2e smoke test run without touching the user's real profile.
app.setPath('userData', process.env.STORELENS_USER_DATA_DIR ?? path.join(app.getPath('appData'), 'Storelens'));

const pendingFiles = new PendingFiles();
pendingFiles.add(dataFilesFromArgv(process.argv, process.cwd()));

if (!app.requestSingleInstanceLock()) {
  // The first instance gets our argv through `second-instance` and focuses itself.
  app.quit();
} else {
  app.on('open-file', (event, file) => {
    // macOS hands files over by event, also before ready.
    event.preventDefault();
    if (OPENABLE_EXTENSIONS.includes(path.extname(file).toLowerCase())) pendingFiles.add([file]);
  });
  app.on('web-contents-created', (_event, contents) => {
    // Every web contents, DevTools included, is denied new windows.
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(startDesktop, (error: unknown) => fatal(error));
}

function fatal(error: unknown): void {
  dialog.showErrorBox('Storelens could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

async function startDesktop(): Promise<void> {
  // Imported after `ready`: electron-store and the engine need app paths and the env set above.
  const { ElectronSettingsStore } = await import('./settings-store');
  const { DesktopController } = await import('./desktop-controller');
  const rendererDir = path.join(MAIN_DIR, '..', 'renderer');

  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererDir);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': contentTypeFor(file), 'Content-Security-Policy': buildCsp() } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  const settings = new ElectronSettingsStore();
  const controller = new DesktopController(settings);
  await controller.openInitialWarehouse();
  registerIpc(ipcMain, controller.session, (options) => controller.pickFiles(options));

  const win = createMainWindow({
    preloadPath: path.join(MAIN_DIR, 'preload.cjs'),
    iconPath: path.join(process.env.STORELENS_RESOURCES_DIR ?? path.join(MAIN_DIR, '..', '..'), 'assets', 'icons', 'png', '512x512.png'),
    isDevToolsAllowed: !app.isPackaged,
    savedState: settings.readWindowState(),
    saveState: (state) => settings.saveWindowState(state),
  });
  controller.attachWindow(win);
  forwardEvents((listener) => controller.session.subscribe(listener), win.webContents);

  const feedback = new JobFeedback(Date.now, (jobId) => controller.jobStartedAt(jobId));
  controller.session.subscribe((event) => {
    const step = feedback.onEvent(event, win.isFocused());
    if (step.progress !== null && !win.isDestroyed()) win.setProgressBar(step.progress);
    if (step.notice && Notification.isSupported()) {
      const notification = new Notification({ title: step.notice.title, body: step.notice.body });
      notification.on('click', () => controller.focus());
      notification.show();
    }
  });

  // Files from the OS reach the page once it has loaded, and again after every reload.
  win.webContents.on('did-finish-load', () =>
    pendingFiles.attach((paths) => controller.sendCommand('import.csv', paths)),
  );
  win.webContents.on('did-start-loading', () => pendingFiles.detach());
  app.on('second-instance', (_event, argv, workingDirectory) => {
    controller.focus();
    pendingFiles.add(dataFilesFromArgv(argv, workingDirectory));
  });

  Menu.setApplicationMenu(controller.buildMenu());
  app.on('window-all-closed', () => app.quit());
  let isClosing = false;
  app.on('will-quit', (event) => {
    if (isClosing) return;
    // Let a running job stop cleanly (its open batch rolls back) before the process exits.
    event.preventDefault();
    isClosing = true;
    void controller.session.close().finally(() => app.quit());
  });
}
