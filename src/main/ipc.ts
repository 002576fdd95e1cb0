import { statSync } from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import type { PickedFile } from '../shared/bridge';
import type { AppEvent } from '../shared/events';
import { AppError, fail, type Envelope } from '../shared/result';
import { dispatch } from './backend/dispatch';
import type { WarehouseSession } from './backend/warehouse-files/warehouse-session';
import { IPC_CHANNELS } from './ipc-channels';
import { isTrustedSender } from './security';

/** What the handlers read from an IPC event: the frame that sent it. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export const PickFilesOptionsSchema = z
  .object({ accept: z.array(z.string().min(1).max(40)).max(20).optional(), isMultiple: z.boolean().optional() })
  .strict();
export type PickFilesOptions = z.output<typeof PickFilesOptionsSchema>;

function senderOf(event: SenderEvent): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  return frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
}

function refuseSender(event: SenderEvent): AppError {
  return new AppError('UNAUTHORIZED', 'This request did not come from the Storelens window and was refused.', {
    sender: event.senderFrame?.url ?? null,
  });
}

/**
 * The one invoke channel: the sender must be our page's main frame, then `dispatch` validates
 * the method name and its argument with the contract's zod schema before any handler runs.
 */
export function createInvokeHandler(session: Pick<WarehouseSession, 'current'>) {
  return async (event: SenderEvent, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(senderOf(event))) return fail(refuseSender(event));
    return dispatch(session.current, method, args);
  };
}

/** Native file picker behind the bridge's `pickFiles`; the picker itself is passed in (Electron's dialog). */
export function createPickFilesHandler(showOpenDialog: (options: PickFilesOptions) => Promise<string[]>) {
  return async (event: SenderEvent, rawOptions: unknown): Promise<Envelope<PickedFile[]>> => {
    if (!isTrustedSender(senderOf(event))) return fail(refuseSender(event));
    try {
      const options = PickFilesOptionsSchema.parse(rawOptions ?? {});
      const paths = await showOpenDialog(options);
      return { ok: true, value: describePickedFiles(paths) };
    } catch (error) {
      return fail(error);
    }
  };
}

export function describePickedFiles(paths: readonly string[]): PickedFile[] {
  return paths.map((file) => ({ path: file, name: path.basename(file), sizeBytes: statSync(file).size }));
}

/** `['.csv', 'text/csv', 'tsv']` → one dialog filter with the extensions, plus "All files". */
export function dialogFiltersFor(accept: readonly string[] | undefined): { name: string; extensions: string[] }[] {
  const extensions = [
    ...new Set(
      (accept ?? [])
        .filter((entry) => !entry.includes('/'))
        .map((entry) => entry.replace(/^\./, '').toLowerCase())
        .filter((entry) => /^[a-z0-9]+$/.test(entry)),
    ),
  ];
  if (extensions.length === 0) return [{ name: 'All files', extensions: ['*'] }];
  return [
    { name: extensions.map((e) => e.toUpperCase()).join(', ') + ' files', extensions },
    { name: 'All files', extensions: ['*'] },
  ];
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  session: Pick<WarehouseSession, 'current'>,
  showOpenDialog: (options: PickFilesOptions) => Promise<string[]>,
): () => void {
  ipcMain.handle(IPC_CHANNELS.invoke, (event: IpcMainInvokeEvent, method: unknown, args: unknown) =>
    createInvokeHandler(session)(event, method, args),
  );
  ipcMain.handle(IPC_CHANNELS.pickFiles, (event: IpcMainInvokeEvent, options: unknown) =>
    createPickFilesHandler(showOpenDialog)(event, options),
  );
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.invoke);
    ipcMain.removeHandler(IPC_CHANNELS.pickFiles);
  };
}

/** Backend events go to our window only, and only while it shows our page. */
export function forwardEvents(subscribe: (listener: (event: AppEvent) => void) => () => void, contents: WebContents): () => void {
  return subscribe((event) => {
    if (contents.isDestroyed() || !isTrustedSender({ url: contents.getURL(), isMainFrame: true })) return;
    contents.send(IPC_CHANNELS.event, event);
  });
}
