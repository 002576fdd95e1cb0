import path from 'node:path';
import { Command } from 'commander';
import { restoreApiFromSettings, stopApi } from '../backend/api/api-service';
import { appVersion } from '../backend/app-version';
import { createBackend } from '../backend/backend';
import { DEFAULT_DATA_DIR, resourcesDir, warehousePathFor } from '../backend/paths';
import { JsonFileSettingsStore } from '../backend/settings/json-file-settings-store';
import { startBridgeServer, uploadsDirFor } from './bridge-server';

/** `npm run web`: the app in any browser, served from this machine only. */
const options = new Command('storelens-web')
  .option('--data-dir <dir>', 'the warehouse folder', DEFAULT_DATA_DIR)
  .option('--port <port>', 'port on 127.0.0.1 (0 = any free port)', '5177')
  .option('--token <token>', 'use this session token instead of a random one (tests)')
  .parse(process.argv)
  .opts<{ dataDir: string; port: string; token?: string }>();

const dataDir = path.resolve(options.dataDir);
const backend = createBackend({
  warehousePath: warehousePathFor(dataDir),
  settings: new JsonFileSettingsStore(path.join(dataDir, 'settings.json')),
  appVersion: appVersion(),
  warmUp: true,
});
const server = await startBridgeServer({
  backend,
  staticDir: path.join(resourcesDir(), 'dist', 'renderer'),
  uploadsDir: uploadsDirFor(dataDir),
  port: Number(options.port),
  ...(options.token ? { token: options.token } : {}),
});

await restoreApiFromSettings(backend);
process.stdout.write(`Storelens ${appVersion()} (browser mode)\nwarehouse: ${backend.warehousePath}\nopen: ${server.url}\n`);

async function shutdown(): Promise<void> {
  await server.close();
  await stopApi(backend);
  await backend.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
