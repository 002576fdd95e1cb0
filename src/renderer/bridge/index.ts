import type { Bridge } from '../../shared/bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    storelens?: Bridge;
  }
}

/** The desktop preload's bridge when present, otherwise the browser-mode HTTP bridge. */
export function resolveBridge(): Bridge {
  return window.storelens ?? createHttpBridge();
}
