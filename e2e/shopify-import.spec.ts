import path from 'node:path';
import { expect, test } from './support/app-fixture';
import { invokeFromPage } from './support/engine';
import { AppPage } from './pages/app-page';
import { DataPage } from './pages/data-page';

/**
 * Runs right after the shell spec (files run in name order), on the still-empty warehouse:
 * onboarding → Import CSV files → the file chooser → wizard → Overview shows the sample's orders.
 */
const SHOPIFY_SAMPLE = path.resolve('../shared/data/shopify_orders_export_sample.csv');

interface Overview {
  meta: { currency: string | null; range: { from: string; to: string } | null };
  kpis: { metricId: string; value: number | null }[];
}

test('the Shopify sample imports through the file chooser and its orders show on Overview', async ({ openApp }) => {
  const page = await openApp();
  const data = new DataPage(page);
  await page.getByRole('button', { name: /Import CSV files/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();

  await data.chooseFiles([SHOPIFY_SAMPLE]);
  expect(await data.detectedFormats()).toEqual(['shopify-orders']);
  await data.preview();
  const dryRun = await data.dryRun();
  // 81 orders in 98 line rows (../shared/README.md describes the sample).
  await expect(dryRun).toContainText('81 orders');
  await expect(dryRun).toContainText('98 order_items');
  await data.importAndWait();
  await expect(data.wizard.getByTestId('import-outcome')).toBeVisible();

  const app = new AppPage(page);
  await app.goTo('Overview');
  await app.waitForCharts();
  const engine = await invokeFromPage<Overview>(page, 'analytics.overview', { filters: {} });
  const orders = engine.kpis.find((k) => k.metricId === 'orders')?.value ?? 0;
  // Counted orders are paid and not cancelled: some of the 81 are voided or pending.
  expect(orders).toBeGreaterThan(0);
  expect(orders).toBeLessThanOrEqual(81);
  await expect(app.kpi('orders')).toHaveText(String(orders));
  await expect(app.main.getByTestId('page-scope')).toContainText(engine.meta.range?.from ?? 'missing');
  expect(engine.meta.range?.from.startsWith('202')).toBe(true);
  expect(await app.chartPointCount('overview-revenue-trend')).toBeGreaterThan(0);
  // The sample's customers are in the top-customers table, and a row opens the drawer.
  const top = app.main.getByRole('table', { name: 'Top 10 customers' });
  await expect(top.getByRole('row')).toHaveCount(11);
  await expect(top).toContainText('Person ');
});
