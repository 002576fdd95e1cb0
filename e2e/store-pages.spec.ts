import path from 'node:path';
import { ARTIFACTS_DIR } from './support/constants';
import { expect, test } from './support/app-fixture';
import { ensureDemoStore } from './support/demo-store';
import { AppPage } from './pages/app-page';
import { invokeFromPage } from './support/engine';

/** Pages and the charts each must draw with a store loaded (charts whose engine is in the build). */
const PAGES = [
  { label: 'Overview', charts: ['overview-revenue-trend', 'overview-category', 'overview-channel'] },
  { label: 'Sales', charts: ['sales-revenue', 'sales-region-category', 'sales-seasonality', 'sales-category-margin'] },
  { label: 'Customers', charts: ['customers-rfm-scatter', 'customers-rfm-segments', 'customers-ltv-tiers', 'customers-survival', 'customers-cohort-retention', 'customers-cohort-ltv'] },
  { label: 'Products', charts: ['products-best-sellers', 'products-sales-vs-rating'] },
  { label: 'Recommendations', charts: [] },
  { label: 'Inventory', charts: ['inventory-risk'] },
  { label: 'Data', charts: [] },
  { label: 'Settings', charts: [] },
];

test.describe('every page with a store loaded', () => {
  test.beforeAll(async ({ request }) => {
    test.setTimeout(300_000);
    await ensureDemoStore(request);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`renders every page in the ${theme} theme with data in every chart`, async ({ openApp }) => {
      const page = await openApp();
      const app = new AppPage(page);
      await app.setTheme(theme);
      for (const { label, charts } of PAGES) {
        await app.goTo(label);
        await expect(app.main.getByRole('heading', { level: 1, name: label })).toBeVisible();
        const drawn = await app.waitForCharts();
        expect(drawn, `${label} charts`).toEqual(expect.arrayContaining(charts));
        for (const id of charts) {
          expect(await app.chartPointCount(id), `${id} has data`).toBeGreaterThan(0);
        }
        await expect(app.main.getByRole('alert')).toHaveCount(0);
        await app.screenshotWhole(path.join(ARTIFACTS_DIR, 'pages', `${label.toLowerCase()}-${theme}.png`));
      }
      await app.setTheme('light');
    });
  }

  test('reads well at 1920×1080 in both themes', async ({ openApp }) => {
    test.setTimeout(240_000);
    const page = await openApp();
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new AppPage(page);
    for (const theme of ['light', 'dark'] as const) {
      await app.setTheme(theme);
      for (const { label } of PAGES) {
        await app.goTo(label);
        await expect(app.main.getByRole('heading', { level: 1, name: label })).toBeVisible();
        await app.waitForCharts();
        await app.screenshotWhole(path.join(ARTIFACTS_DIR, 'pages', `${label.toLowerCase()}-${theme}-1920.png`));
      }
    }
    await app.setTheme('light');
  });

  test('the weekly grain starts its weeks on the day chosen in Settings', async ({ openApp }) => {
    const page = await openApp('sales');
    const app = new AppPage(page);
    const firstWeekday = async (): Promise<number> => {
      const weeks = await page.evaluate(() => {
        const option = window.__storelensCharts?.['sales-revenue']?.option as { xAxis: { data: string[] } } | undefined;
        return option?.xAxis.data ?? [];
      });
      expect(weeks.length).toBeGreaterThan(10);
      return new Date(`${weeks[1] ?? ''}T00:00:00Z`).getUTCDay();
    };
    await app.main.getByRole('radio', { name: 'Weekly' }).click();
    await expect(app.main.getByText('starting Monday')).toBeVisible();
    await app.waitForCharts();
    expect(await firstWeekday()).toBe(1);

    await invokeFromPage(page, 'settings.update', { weekStart: 'sunday' });
    await page.reload();
    await app.main.getByRole('radio', { name: 'Weekly' }).click();
    await expect(app.main.getByText('starting Sunday')).toBeVisible();
    await app.waitForCharts();
    expect(await firstWeekday()).toBe(0);
    await invokeFromPage(page, 'settings.update', { weekStart: 'monday' });
  });

  test('a KPI ⓘ opens the metric definition from the registry', async ({ openApp }) => {
    const page = await openApp();
    const app = new AppPage(page);
    await app.waitForCharts();
    await app.main.getByRole('button', { name: 'About Net sales' }).first().click();
    const popover = page.getByRole('dialog', { name: 'Net sales definition' });
    await expect(popover).toContainText('gross sales − discounts − returns');
    await page.keyboard.press('Escape');
    await expect(popover).toHaveCount(0);
  });

  test('a point on the RFM scatter opens its customer in the drawer', async ({ openApp }) => {
    const page = await openApp('customers');
    const app = new AppPage(page);
    await app.waitForCharts();
    // The biggest spender: the top-most point, which nothing else covers.
    const point = await page.evaluate(() => {
      const option = window.__storelensCharts?.['customers-rfm-scatter']?.option as { series: { data: [number, number, number][]; customerNames: string[] }[] };
      let best = { series: -1, value: [0, 0, 0] as [number, number, number], name: '' };
      option.series.forEach((s, si) =>
        s.data.forEach((value, i) => {
          if (value[1] > best.value[1]) best = { series: si, value, name: s.customerNames[i] ?? '' };
        }),
      );
      return best;
    });
    await app.clickChartValue('customers-rfm-scatter', point.series, point.value);
    const drawer = page.getByRole('dialog', { name: point.name });
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
  });

  test('a customer opens in the drawer from the top-customers table', async ({ openApp }) => {
    const page = await openApp('customers');
    const app = new AppPage(page);
    const table = app.main.getByRole('table', { name: 'Top customers' });
    const firstRow = table.getByRole('row').nth(1);
    const name = (await firstRow.getByRole('cell').nth(1).innerText()).split('\n')[0] ?? '';
    await firstRow.click();
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole('table', { name: new RegExp(`^Orders of`) })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);
  });
});
