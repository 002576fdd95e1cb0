import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './shell-page';

/** The Data page: import wizard, history, quality and quarantine tabs. */
export class DataPage extends ShellPage {
  readonly wizard: Locator;
  readonly quarantine: Locator;

  constructor(page: Page) {
    super(page);
    this.wizard = page.getByRole('region', { name: 'Import wizard' });
    this.quarantine = page.getByRole('region', { name: 'Quarantine' });
  }

  async open(): Promise<void> {
    await this.goTo('Data');
    await expect(this.main.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
  }

  async tab(name: 'Import' | 'History' | 'Data quality' | 'Quarantine'): Promise<void> {
    await this.main.getByRole('tab', { name }).click();
  }

  /** Picks files through the real file chooser (browser mode uploads them to the local server). */
  async chooseFiles(paths: string[]): Promise<void> {
    await this.tab('Import');
    const chooser = this.page.waitForEvent('filechooser');
    await this.main.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(paths);
    await expect(this.wizard).toBeVisible();
  }

  /** One of the quarantine browser's filters (Batch, File, Reason, Status). */
  quarantineFilter(name: 'Batch' | 'File' | 'Reason' | 'Status'): Locator {
    return this.quarantine.getByRole('group', { name: 'Quarantine filters' }).getByLabel(name, { exact: true });
  }

  async detectedFormats(): Promise<string[]> {
    await expect(this.wizard.getByTestId('detected-format').first()).toBeVisible();
    return this.wizard.getByTestId('detected-format').allInnerTexts();
  }

  async preview(): Promise<void> {
    await this.wizard.getByRole('button', { name: 'Preview' }).click();
    await expect(this.wizard.getByRole('table', { name: 'Preview' })).toBeVisible();
  }

  async dryRun(): Promise<Locator> {
    await this.wizard.getByRole('button', { name: 'Dry run' }).click();
    const table = this.wizard.getByRole('table', { name: 'Dry run' });
    await expect(table).toBeVisible();
    return table;
  }

  /** Starts the import and waits for the job's own finished state (from the event stream). */
  async importAndWait(): Promise<void> {
    await this.wizard.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.wizard.locator('[data-job-status]')).toHaveAttribute('data-job-status', /succeeded|failed|cancelled/, { timeout: 120_000 });
    await expect(this.wizard.locator('[data-job-status]')).toHaveAttribute('data-job-status', 'succeeded');
  }

  async importFiles(paths: string[]): Promise<void> {
    await this.chooseFiles(paths);
    await this.detectedFormats();
    await this.preview();
    await this.dryRun();
    await this.importAndWait();
    await this.wizard.getByRole('button', { name: 'Start over' }).click();
  }
}
