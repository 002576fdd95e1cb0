import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './app-protocol';
import {
  APP_ENTRY_URL,
  buildCsp,
  cspMetaTag,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedRequest,
  isTrustedSender,
  webPreferencesFor,
} from './security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('webPreferencesFor', () => {
  const prefs = webPreferencesFor('/app/preload.cjs', { isDevToolsAllowed: false });
  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });
  it('has no option that would bring back the remote module or Node', () => {
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
    expect(Object.entries(prefs).filter(([key, value]) => /node/i.test(key) && value !== false)).toEqual([]);
  });
});

describe('buildCsp', () => {
  const csp = directives(buildCsp());
  it('runs scripts only from our own origin and never eval or inline script', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(buildCsp()).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });
  it('defaults to nothing and forbids plugins, frames, base and form targets', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action']) expect(csp.get(name), name).toEqual(["'none'"]);
  });
  it('allows no remote host in any directive', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) expect(source, name).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    }
  });
  it('gives the same policy to the meta tag', () => {
    expect(cspMetaTag()).toBe(`<meta http-equiv="Content-Security-Policy" content="${buildCsp()}" />`);
  });
});

describe('navigation, senders and requests', () => {
  it('allows only our own page to load in the window', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('storelens://app/index.html#/sales')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8765/',
      'file:///etc/passwd',
      'storelens://evil/index.html',
      'storelens://app.evil.com/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('trusts only the main frame of our page as an IPC sender', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('opens external links only over https to allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/storelens')).toBe(true);
    for (const url of ['http://github.com/', 'https://github.com.evil.io/', 'https://evil.io/github.com', 'https://user@github.com/', 'file:///x', 'smb://host/share']) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('lets the page load nothing remote', () => {
    expect(isAllowedRequest('storelens://app/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://cdn.example.com/lib.js', 'http://localhost:3000/', 'ws://127.0.0.1/', 'file:///etc/hosts']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('denies permissions by default', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid']) {
      expect(isAllowedPermission(permission), permission).toBe(false);
    }
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true);
  });
});

describe('resolveAppRequest', () => {
  const root = '/opt/storelens/renderer';
  it('serves files of the renderer folder, index.html for the root', () => {
    expect(resolveAppRequest('storelens://app/', root)).toBe('/opt/storelens/renderer/index.html');
    expect(resolveAppRequest('storelens://app/assets/index-abc.js?v=1', root)).toBe('/opt/storelens/renderer/assets/index-abc.js');
  });
  it('never leaves the renderer folder, however the path is encoded', () => {
    for (const url of [
      'storelens://app/../../etc/passwd',
      'storelens://app/%2e%2e/%2e%2e/etc/passwd',
      'storelens://app/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'storelens://app/assets/..%5C..%5C..%5Cetc%5Cpasswd',
    ]) {
      const file = resolveAppRequest(url, root);
      expect(file === null || file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
    expect(resolveAppRequest('storelens://app/assets/..%2F..%2F..%2Fetc%2Fpasswd', root)).toBeNull();
  });
  it('refuses other hosts, other schemes, NUL bytes and broken encodings', () => {
    for (const url of [
      'storelens://other/index.html',
      'file:///opt/storelens/renderer/index.html',
      'storelens://app/%00index.html',
      'storelens://app/%E0%A4%A',
    ]) {
      expect(resolveAppRequest(url, root), url).toBeNull();
    }
  });
});
