import type { MethodArgs, MethodName, MethodResult } from './contract';
import type { EventListener } from './events';
import type { Envelope } from './result';

/** A file the user picked, already reachable by the backend under `path`. */
export interface PickedFile {
  path: string;
  name: string;
  sizeBytes: number;
}

/**
 * What the renderer gets from its host. The Electron preload and the browser-mode HTTP bridge
 * both `satisfies Bridge`; the typed method calls sit on top in `createApi`.
 */
export interface Bridge {
  readonly transport: 'electron' | 'http' | 'in-process';
  invoke<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Envelope<MethodResult<M>>>;
  subscribe(listener: EventListener): () => void;
  /** Native picker on the desktop; a file input plus an upload to the local server in browser mode. */
  pickFiles(options?: { accept?: string[]; isMultiple?: boolean }): Promise<PickedFile[]>;
  /** Files dropped on the window: resolved to their path on the desktop, uploaded in browser mode. */
  acceptDroppedFiles(files: readonly DroppedFile[]): Promise<PickedFile[]>;
}

/** The part of a DOM File we need, declared here so `shared` stays free of DOM types. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
