import path from 'node:path';
import { expect, test } from './support/app-fixture';
import { DataPage } from './pages/data-page';

/** A Brazilian marketplace export (';', dd/mm dates, decimal commas, no currency column) through the mapping wizard. */
const MARKETPLACE = path.resolve('e2e/fixtures/marketplace-pt.csv');

test('the marketplace CSV imports through the mapping wizard', async ({ openApp }) => {
  const page = await openApp('data');
  const data = new DataPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  await data.chooseFiles([MARKETPLACE]);
  expect(await data.detectedFormats()).toEqual(['unknown']);
  await expect(data.wizard).toContainText('choose dmy or mdy');

  await data.wizard.getByRole('button', { name: 'Map columns' }).click();
  await expect(data.wizard.getByLabel('Column for order_id')).toHaveValue('Pedido');
  await data.wizard.getByLabel('Date format').selectOption('dmy');
  await data.wizard.getByLabel('Fixed value for currency').fill('BRL');
  // Times carry no offset: they default to the Settings zone (UTC) and are read in the one chosen.
  await expect(data.wizard.getByLabel('Time zone')).toHaveValue('UTC');
  await data.wizard.getByLabel('Time zone').selectOption('America/Sao_Paulo');
  await data.preview();
  await expect(data.wizard.getByRole('table', { name: 'Preview' })).toContainText('2024-03-05T14:22:00-03:00');
  // Decimal commas read as numbers: 1.234,56 is one thousand two hundred…
  await expect(data.wizard.getByRole('table', { name: 'Preview' })).toContainText('1234.56');
  const dryRun = await data.dryRun();
  await expect(dryRun).toContainText('orders');
  await data.importAndWait();
  await expect(data.wizard.getByTestId('import-outcome')).toBeVisible();

  await data.tab('History');
  await expect(page.getByRole('table', { name: 'Import runs' })).toContainText('marketplace-pt.csv');
});
