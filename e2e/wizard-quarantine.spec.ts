import path from 'node:path';
import { expect, test } from './support/app-fixture';
import { DataPage } from './pages/data-page';

const FIXTURES = path.resolve('e2e/fixtures/quarantine');

test('a quarantined row shows its raw line and loads on retry once its parent is imported', async ({ openApp }) => {
  const page = await openApp('data');
  const data = new DataPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();

  // An order whose customer the warehouse has never seen goes to quarantine.
  await data.importFiles([path.join(FIXTURES, 'orders.csv')]);
  await data.tab('Quarantine');
  // The newest orders.csv batch is ours (batches are listed newest first).
  const batchOptions = data.quarantineFilter('Batch').locator('option');
  await expect.poll(async () => (await batchOptions.allInnerTexts()).some((t) => t.endsWith('orders.csv'))).toBe(true);
  const batchLabel = (await batchOptions.allInnerTexts()).find((t) => t.endsWith('orders.csv'));
  await data.quarantineFilter('Batch').selectOption({ label: batchLabel as string });
  await data.quarantineFilter('Reason').selectOption({ label: 'unknown_parent (1)' });
  const table = data.quarantine.getByRole('table', { name: 'Quarantined rows' });
  const row = table.getByRole('row').filter({ hasText: 'E2E-LATE-CUSTOMER' });
  await expect(row).toHaveCount(1);
  await row.click();
  const detail = page.getByRole('region', { name: 'Quarantined row' });
  await expect(detail.getByTestId('raw-row')).toContainText('E2E-ORPHAN-1');
  await expect(detail).toContainText('unknown_parent');

  // Import the missing customer, then retry: the row resolves and leaves the open list.
  await data.tab('Import');
  await data.importFiles([path.join(FIXTURES, 'customers.csv')]);
  await data.tab('Quarantine');
  await data.quarantine.getByRole('button', { name: /^Retry/ }).click();
  await expect(data.quarantine.locator('[data-job-status]')).toHaveAttribute('data-job-status', 'succeeded', { timeout: 60_000 });
  await expect(table.getByRole('row').filter({ hasText: 'E2E-LATE-CUSTOMER' })).toHaveCount(0);
  await data.quarantineFilter('Status').selectOption('resolved');
  await expect(data.quarantine.getByRole('table', { name: 'Quarantined rows' }).getByRole('row').filter({ hasText: 'E2E-LATE-CUSTOMER' })).toHaveCount(1);
});
