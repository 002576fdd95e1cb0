import type { ApiStatus } from '../../../shared/contract/api';
import { AppError } from '../../../shared/result';
import type { Backend } from '../backend';
import { generateApiToken } from './guards';
import { startApiServer, type RunningApiServer } from './server';

/**
 * The local API runs inside the backend's process, one server per backend, started and stopped
 * from Settings. Its state lives here rather than on Backend so the backend stays unaware of it.
 */
const servers = new WeakMap<Backend, RunningApiServer>();
const lastErrors = new WeakMap<Backend, string>();

export function apiStatus(backend: Backend): ApiStatus {
  const settings = backend.settings.get();
  const server = servers.get(backend);
  return {
    isEnabled: settings.apiEnabled,
    isRunning: server !== undefined,
    url: server?.url ?? null,
    port: server?.port ?? settings.apiPort,
    token: settings.apiToken,
    startedAt: server?.startedAt ?? null,
    lastError: lastErrors.get(backend) ?? null,
  };
}

/** The settings token, generated on first use. */
export function ensureApiToken(backend: Backend): string {
  const existing = backend.settings.get().apiToken;
  return existing ?? backend.settings.update({ apiToken: generateApiToken() }).apiToken ?? '';
}

/** Starts a server for this backend's warehouse and settings token; a taken port is a CONFLICT error. */
export async function startApiFor(backend: Backend, port: number): Promise<RunningApiServer> {
  try {
    return await startApiServer({
      warehousePath: backend.warehousePath,
      port,
      // Read per request: a regenerated token locks the old one out at once.
      getToken: () => backend.settings.get().apiToken ?? '',
      appVersion: backend.appVersion,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new AppError('CONFLICT', `Port ${port} on 127.0.0.1 is taken by another program; choose another port for the local API in Settings.`, { port });
    }
    throw error;
  }
}

/** Generates the token on first enable, starts (or moves) the server, and remembers "on" in settings. */
export async function enableApi(backend: Backend, port?: number): Promise<ApiStatus> {
  ensureApiToken(backend);
  const wantedPort = port ?? backend.settings.get().apiPort;
  const current = servers.get(backend);
  if (current && current.port !== wantedPort) await stopApi(backend);
  if (!servers.has(backend)) {
    try {
      servers.set(backend, await startApiFor(backend, wantedPort));
      lastErrors.delete(backend);
    } catch (error) {
      lastErrors.set(backend, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  backend.settings.update({ apiEnabled: true, apiPort: wantedPort });
  return apiStatus(backend);
}

export async function stopApi(backend: Backend): Promise<void> {
  const server = servers.get(backend);
  servers.delete(backend);
  await server?.close();
}

export async function disableApi(backend: Backend): Promise<ApiStatus> {
  await stopApi(backend);
  backend.settings.update({ apiEnabled: false });
  lastErrors.delete(backend);
  return apiStatus(backend);
}

export function regenerateApiToken(backend: Backend): ApiStatus {
  backend.settings.update({ apiToken: generateApiToken() });
  return apiStatus(backend);
}

/**
 * For app start: brings the API back when Settings left it on. A taken port must not stop the
 * app, so the failure is kept for Settings to show instead of thrown.
 */
export async function restoreApiFromSettings(backend: Backend): Promise<ApiStatus> {
  if (!backend.settings.get().apiEnabled) return apiStatus(backend);
  try {
    return await enableApi(backend);
  } catch {
    return apiStatus(backend);
  }
}
