import { test as base, expect, type Page } from '@playwright/test';
import { E2E_TOKEN } from './constants';

export interface AppFixtures {
  /** Console errors and page errors seen during the test; the fixture fails the test on any. */
  consoleErrors: string[];
  openApp: (route?: string) => Promise<Page>;
}

export const test = base.extend<AppFixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
  openApp: async ({ page, consoleErrors: _errors }, use) => {
    await use(async (route = 'overview') => {
      await page.goto(`/#token=${E2E_TOKEN}`);
      await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
      if (route !== 'overview') await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
      return page;
    });
  },
});

export { expect };
