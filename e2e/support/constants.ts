import path from 'node:path';

/**
 * `npm run bench:ui` points the e2e server at an existing store (e.g. the 1M-line warehouse)
 * instead of the throwaway demo store. That folder is measured, never wiped or seeded, and is
 * served on its own port so a bench and an e2e run never meet.
 */
export const BENCH_DATA_DIR = process.env.STORELENS_UI_BENCH_DATA_DIR ? path.resolve(process.env.STORELENS_UI_BENCH_DATA_DIR) : null;

export const E2E_PORT = BENCH_DATA_DIR ? 5189 : 5188;
/** A fixed token only for the throwaway e2e server, so specs can open the app by URL. */
export const E2E_TOKEN = 'e2e-session-token';
export const E2E_DATA_DIR = BENCH_DATA_DIR ?? path.resolve('e2e/artifacts/data');
export const ARTIFACTS_DIR = path.resolve('e2e/artifacts');
