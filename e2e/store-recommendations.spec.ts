import { expect, test } from './support/app-fixture';
import { ensureDemoStore } from './support/demo-store';
import { invokeFromPage } from './support/engine';
import { AppPage } from './pages/app-page';

interface Neighbors {
  items: { sku: string; name: string | null }[];
}
interface TopCustomers {
  rows: { customerId: string; name: string | null }[];
}
interface BestSellers {
  series: { columns: string[]; rows: (string | number | null)[][] };
}

const ALL = { compare: 'none', region: [], category: [], channel: [], segment: [] };

test('looks up a customer and a product on Recommendations', async ({ openApp }) => {
  test.setTimeout(300_000);
  const page = await openApp();
  await ensureDemoStore(page.request);
  const app = new AppPage(page);
  await app.goTo('Recommendations');

  // Train through the page when the recommender has no run yet, and follow the job to its end.
  const train = app.main.getByRole('button', { name: 'Train the recommender' });
  const search = app.main.getByRole('combobox', { name: 'Customer or product' });
  await expect(train.or(search)).toBeVisible();
  if (await train.isVisible()) {
    // Checked every frame: the moment the job reads "Done", the trained view must already be there.
    const whenDone = page.waitForFunction(
      () => {
        const main = document.querySelector('main');
        if (!main?.textContent?.includes('Done')) return null;
        return { isTrainStillOffered: Array.from(main.querySelectorAll('button')).some((b) => b.textContent === 'Train the recommender') };
      },
      null,
      { polling: 'raf', timeout: 240_000 },
    );
    await train.click();
    expect(await (await whenDone).jsonValue()).toEqual({ isTrainStillOffered: false });
    await expect(search).toBeVisible();
  }
  await expect(app.main.getByRole('region', { name: 'Model evaluation' })).toContainText('Hit rate');

  // A customer, by name, from the suggestions.
  const top = await invokeFromPage<TopCustomers>(page, 'analytics.topCustomers', { filters: ALL, limit: 1 });
  const customer = top.rows[0];
  if (!customer?.name) throw new Error('the demo store has a named top customer');
  await search.fill(customer.name);
  await page.getByRole('option', { name: new RegExp(`customer\\s+${customer.name}`) }).first().click();
  const forCustomer = app.main.getByRole('region', { name: 'Recommendations for the customer' });
  const expected = await invokeFromPage<Neighbors>(page, 'models.recommendForCustomer', { customerId: customer.customerId, k: 10, excludeOutOfStock: true });
  await expect(forCustomer.getByRole('list', { name: 'Recommended products' }).getByRole('listitem')).toHaveCount(expected.items.length);
  if (expected.items[0]) await expect(forCustomer.getByRole('listitem').first()).toContainText(expected.items[0].name ?? expected.items[0].sku);

  // A product, by SKU.
  const best = await invokeFromPage<BestSellers>(page, 'analytics.bestSellers', { filters: ALL, limit: 1 });
  const sku = String(best.series.rows[0]?.[best.series.columns.indexOf('sku')]);
  await search.fill(sku);
  await page.getByRole('option', { name: new RegExp(sku) }).first().click();
  const similar = await invokeFromPage<Neighbors>(page, 'models.similarProducts', { sku, k: 10 });
  const similarPanel = app.main.getByRole('region', { name: 'Similar products' });
  await expect(similarPanel.getByRole('listitem')).toHaveCount(similar.items.length);
  await expect(app.main.getByRole('region', { name: 'Bought together' })).toBeVisible();
});
