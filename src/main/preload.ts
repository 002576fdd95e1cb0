import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Bridge, DroppedFile, PickedFile } from '../shared/bridge';
import type { AppEvent } from '../shared/events';
import type { Envelope } from '../shared/result';
import { IPC_CHANNELS } from './ipc-channels';

/**
 * The renderer's only door to the app: four functions over two IPC channels. Nothing of
 * ipcRenderer or Node leaks through; the main process checks the sender and validates every call.
 */
const bridge = {
  transport: 'electron',
  invoke: (method, args) => ipcRenderer.invoke(IPC_CHANNELS.invoke, method, args),
  subscribe(listener) {
    const relay = (_event: unknown, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(IPC_CHANNELS.event, relay);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, relay);
    };
  },
  async pickFiles(options) {
    const picked = (await ipcRenderer.invoke(IPC_CHANNELS.pickFiles, options ?? {})) as Envelope<PickedFile[]>;
    if (!picked.ok) throw new Error(picked.error.message);
    return picked.value;
  },
  async acceptDroppedFiles(files: readonly DroppedFile[]) {
    // Only real files from disk have a path; anything else (dragged text, a browser image) is skipped.
    return files
      .map((file) => ({ path: webUtils.getPathForFile(file as unknown as File), name: file.name, sizeBytes: file.size }))
      .filter((file) => file.path !== '');
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('storelens', bridge);
