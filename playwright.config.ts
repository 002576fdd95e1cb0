import { defineConfig } from '@playwright/test';
import { BENCH_DATA_DIR, E2E_PORT, E2E_TOKEN } from './e2e/support/constants';

/**
 * e2e runs the real renderer against the real backend in browser mode, in Debian's Chromium:
 * Playwright's own browser downloads are not reachable from this machine.
 */
export default defineConfig({
  testDir: 'e2e',
  // Against a bench store only the timing report runs: the other specs import and retry data.
  testMatch: BENCH_DATA_DIR ? '**/store-timing.spec.ts' : '**/*.spec.ts',
  outputDir: 'e2e/artifacts/test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.STORELENS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx e2e/support/serve.ts',
    url: `http://127.0.0.1:${E2E_PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { STORELENS_E2E_TOKEN: E2E_TOKEN, ...(BENCH_DATA_DIR ? { STORELENS_UI_BENCH_DATA_DIR: BENCH_DATA_DIR } : {}) },
  },
});
