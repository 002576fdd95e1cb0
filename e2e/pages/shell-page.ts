import { expect, type Locator, type Page } from '@playwright/test';

/** The app frame: sidebar navigation and the main area. */
export class ShellPage {
  readonly nav: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Pages' });
    this.main = page.locator('main#main');
  }

  async goTo(label: string): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
    await expect(this.nav.getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  async navLabels(): Promise<string[]> {
    return this.nav.getByRole('link').allInnerTexts();
  }
}
