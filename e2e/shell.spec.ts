import path from 'node:path';
import { ARTIFACTS_DIR } from './support/constants';
import { expect, test } from './support/app-fixture';
import { ShellPage } from './pages/shell-page';

const NAV = ['Overview', 'Sales', 'Customers', 'Products', 'Recommendations', 'Inventory', 'Data', 'Settings'];

test.describe('app shell in browser mode', () => {
  test('walks every navigation entry with no console errors', async ({ openApp }) => {
    const page = await openApp();
    const shell = new ShellPage(page);
    expect((await shell.navLabels()).map((label) => label.replace(/^\W+\s*/, '').trim())).toEqual(NAV);
    for (const label of NAV) {
      await shell.goTo(label);
      await expect(shell.main.getByRole('heading').first()).toBeVisible();
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'shell', `${label.toLowerCase()}.png`) });
    }
  });

  test('an empty warehouse shows onboarding with its two actions', async ({ openApp }) => {
    const page = await openApp();
    await expect(page.getByRole('heading', { name: 'Welcome to Storelens' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Generate a demo store/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Import CSV files/ })).toBeVisible();
  });

  test('the theme setting switches to dark and back', async ({ openApp }) => {
    const page = await openApp('settings');
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'shell', 'settings-dark.png') });
    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('the API refuses a page without the session token', async ({ request }) => {
    const response = await request.post('/api/invoke', { data: { method: 'system.info', args: {} } });
    expect(response.status()).toBe(401);
  });
});
