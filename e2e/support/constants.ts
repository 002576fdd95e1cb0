import path from 'node:path';

export const E2E_PORT = 5188;
/** A fixed token only for the throwaway e2e server, so specs can open the app by URL. */
export const E2E_TOKEN = 'e2e-session-token';
export const E2E_DATA_DIR = path.resolve('e2e/artifacts/data');
export const ARTIFACTS_DIR = path.resolve('e2e/artifacts');
