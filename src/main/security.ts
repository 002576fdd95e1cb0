import type { WebPreferences } from 'electron';

/**
 * Every security decision of the desktop shell as a pure function, so plain-Node tests can
 * check them without an Electron runtime. window.ts and index.ts only wire them to Electron.
 */

/** The renderer is served from our own privileged scheme, never from file:// or the network. */
export const APP_SCHEME = 'storelens';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Links the renderer may open in the user's browser: https only, these hosts only. */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['github.com', 'www.sqlite.org', 'www.electronjs.org'];

/** Permissions a page may get; everything else (camera, geolocation, notifications…) is denied. */
const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our own page: the app scheme and origin. Any other scheme, host or a look-alike is foreign. */
export function isOwnPage(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app';
}

/** The single-page app never navigates away; a reload of our own page is the only navigation. */
export function isAllowedNavigation(url: string): boolean {
  return isOwnPage(url);
}

/** IPC is answered only for our page's main frame: never an iframe, a foreign page or a dead frame. */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame && isOwnPage(frame.url);
}

export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname);
}

/**
 * What the renderer may load: our own scheme, data:/blob: made by our own code (chart images),
 * and DevTools. No http(s), no file://, no ws: nothing remote ever reaches the page.
 */
export function isAllowedRequest(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  return isOwnPage(url);
}

export function isAllowedPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}

/**
 * The Content-Security-Policy, sent as a response header by the app protocol and repeated as a
 * meta tag in index.html. Scripts only from our own origin and never eval: that is what keeps
 * injected text from running. Inline styles stay allowed because ECharts tooltips are HTML
 * strings with style attributes; styles cannot run code.
 */
export function buildCsp(): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The meta tag index.html carries; a `<meta>` CSP cannot use frame-ancestors, so none is set. */
export function cspMetaTag(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${buildCsp()}" />`;
}

/** The renderer gets the bridge and nothing else: no Node, a sandbox, isolated contexts. */
export function webPreferencesFor(preloadPath: string, options: { isDevToolsAllowed: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.isDevToolsAllowed,
  };
}
