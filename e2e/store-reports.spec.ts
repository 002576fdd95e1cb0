import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './support/constants';
import { expect, test } from './support/app-fixture';
import { ensureDemoStore } from './support/demo-store';

test('exports the one-page report from the Data page, as the File menu does', async ({ openApp }) => {
  test.setTimeout(240_000);
  const page = await openApp();
  await ensureDemoStore(page.request);
  await page.evaluate(() => (window.location.hash = '#/data?report'));
  const panel = page.getByRole('region', { name: 'Reports and exports' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Export report' }).click();
  const status = panel.getByRole('status');
  await expect(status).toContainText('Report written to', { timeout: 180_000 });
  const htmlFile = ((await status.textContent()) ?? '').replace('Report written to ', '').trim();
  expect(existsSync(htmlFile)).toBe(true);
  const html = readFileSync(htmlFile, 'utf8');
  expect(html).toContain('<svg');
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'pages', 'data-reports.png') });
});
