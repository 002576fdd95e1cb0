import { expect, test } from './support/app-fixture';
import { ensureDemoStore } from './support/demo-store';
import { invokeFromPage } from './support/engine';
import { AppPage } from './pages/app-page';

interface Overview {
  meta: { currency: string | null };
  kpis: { metricId: string; value: number | null }[];
}
interface FilterOptions {
  regions: string[];
  categories: string[];
}

const money = (value: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'symbol', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

const ALL = { compare: 'previous_period', region: [], category: [], channel: [], segment: [] };

test.describe('filters', () => {
  test.beforeAll(async ({ request }) => {
    test.setTimeout(300_000);
    await ensureDemoStore(request);
  });

  test('a region filter changes the KPIs to what the engine returns for that region', async ({ openApp }) => {
    const page = await openApp();
    const app = new AppPage(page);
    await app.waitForCharts();
    const options = await invokeFromPage<FilterOptions>(page, 'analytics.filterOptions', {});
    const whole = await invokeFromPage<Overview>(page, 'analytics.overview', { filters: ALL });
    const currency = whole.meta.currency ?? 'EUR';
    const net = (o: Overview) => o.kpis.find((k) => k.metricId === 'net_sales')?.value ?? Number.NaN;
    // A region whose orders are in the default currency (a Canadian region may sell only in CAD).
    let region = '';
    let filtered: Overview | null = null;
    for (const candidate of options.regions) {
      const result = await invokeFromPage<Overview>(page, 'analytics.overview', { filters: { ...ALL, region: [candidate] } });
      if (Number.isFinite(net(result))) {
        region = candidate;
        filtered = result;
        break;
      }
    }
    if (!filtered) throw new Error('no region has sales in the default currency');
    expect(net(filtered), 'the region is a strict part of the store').not.toBe(net(whole));

    await expect(app.kpi('net_sales')).toHaveAttribute('data-exact', money(net(whole), currency));
    await app.chooseFilter('Region', region);
    await expect(app.kpi('net_sales')).toHaveAttribute('data-exact', money(net(filtered), currency));
    const orders = filtered.kpis.find((k) => k.metricId === 'orders')?.value ?? Number.NaN;
    await expect(app.kpi('orders')).toHaveText(new Intl.NumberFormat('en-US').format(orders));

    // Filters persist for the session: a reload keeps the region.
    await page.reload();
    await expect(app.filterBar.getByRole('button', { name: `Region: ${region}` })).toBeVisible();
    await expect(app.kpi('net_sales')).toHaveAttribute('data-exact', money(net(filtered), currency));
    await app.filterBar.getByRole('button', { name: 'Reset' }).click();
    await expect(app.kpi('net_sales')).toHaveAttribute('data-exact', money(net(whole), currency));
  });

  test('a date preset narrows the range shown and the numbers', async ({ openApp }) => {
    const page = await openApp();
    const app = new AppPage(page);
    await app.waitForCharts();
    await app.filterBar.getByLabel('Date range').selectOption('last30');
    const rangeText = await app.filterBar.getByTestId('range-text').innerText();
    const [from, to] = rangeText.split(' – ');
    const engine = await invokeFromPage<Overview>(page, 'analytics.overview', { filters: { ...ALL, from, to } });
    const net = engine.kpis.find((k) => k.metricId === 'net_sales')?.value ?? 0;
    await expect(app.kpi('net_sales')).toHaveAttribute('data-exact', money(net, engine.meta.currency ?? 'EUR'));
    await expect(app.main.getByTestId('page-scope')).toContainText(`${from} – ${to}`);
    await app.filterBar.getByRole('button', { name: 'Reset' }).click();
  });

  test('clicking a category bar cross-filters the page, and the chip clears it', async ({ openApp }) => {
    const page = await openApp();
    const app = new AppPage(page);
    await app.waitForCharts();
    // The category chart's biggest bar (last on its category axis), clicked at half its length.
    const bar = await page.evaluate(() => {
      const option = window.__storelensCharts?.['overview-category']?.option as { series: { data: { value: number; key: string }[] }[] };
      const data = option.series[0]?.data ?? [];
      const index = data.length - 1;
      return { index, value: data[index]?.value ?? 0, key: data[index]?.key ?? '' };
    });
    await app.main.locator('[data-chart-id="overview-category"]').scrollIntoViewIfNeeded();
    await app.clickChartValue('overview-category', 0, [bar.value / 2, bar.index]);
    const chip = app.filterBar.getByTestId('cross-filter-chip');
    await expect(chip).toContainText(bar.key);

    const engine = await invokeFromPage<Overview>(page, 'analytics.overview', { filters: { ...ALL, category: [bar.key] } });
    const currency = engine.meta.currency ?? 'USD';
    const net = engine.kpis.find((k) => k.metricId === 'net_sales')?.value ?? Number.NaN;
    await expect(app.kpi('net_sales')).toHaveAttribute('data-exact', money(net, currency));
    // The channel chart follows the cross-filter; the category chart keeps every bar to pick another.
    await expect.poll(() => app.chartPointCount('overview-category')).toBeGreaterThan(1);

    await chip.getByRole('button', { name: /Clear category/ }).click();
    await expect(chip).toHaveCount(0);
  });

  test('a refetch that fails keeps the last answer greyed out under the error, and Retry restores it', async ({ openApp, consoleErrors }) => {
    const page = await openApp();
    const app = new AppPage(page);
    await app.waitForCharts();
    const card = app.main.locator('[data-card="overview-category"]');
    await page.route('**/api/invoke', (route) => route.abort());
    await app.filterBar.getByLabel('Date range').selectOption('last30');
    await expect(card.getByRole('alert')).toContainText('Could not load this.');
    await expect(card.getByRole('alert')).toContainText('the last answer');
    await expect(card.locator('.is-stale .echart')).toBeVisible();
    await page.unroute('**/api/invoke');
    await card.getByRole('button', { name: 'Retry' }).click();
    await expect(card.getByRole('alert')).toHaveCount(0);
    await expect(card.locator('.is-stale')).toHaveCount(0);
    await app.filterBar.getByRole('button', { name: 'Reset' }).click();
    // The requests this test aborted log their failure; anything else still fails the test.
    const aborted = 'Failed to load resource: net::ERR_FAILED';
    for (let i = consoleErrors.length - 1; i >= 0; i--) if (consoleErrors[i] === aborted) consoleErrors.splice(i, 1);
  });
});
