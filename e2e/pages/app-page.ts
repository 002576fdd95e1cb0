import '../support/browser-globals';
import { expect, type Locator, type Page } from '@playwright/test';
import { invokeFromPage } from '../support/engine';
import { ShellPage } from './shell-page';

export interface PublishedChart {
  option: { series?: { data?: unknown[] }[] | { data?: unknown[] } };
  isRendered: boolean;
  renderedAt?: number;
}

/** Any analytics page: the filter bar, KPI tiles and the charts the wrapper publishes. */
export class AppPage extends ShellPage {
  readonly filterBar: Locator;

  constructor(page: Page) {
    super(page);
    this.filterBar = page.getByRole('toolbar', { name: 'Filters' });
  }

  /** Chart ids drawn on the current page, from the ECharts wrapper's registry. */
  async chartIds(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(window.__storelensCharts ?? {}));
  }

  async chart(id: string): Promise<PublishedChart | undefined> {
    return this.page.evaluate((chartId) => window.__storelensCharts?.[chartId] as PublishedChart | undefined, id);
  }

  /** Number of data points across a chart's series: 0 means an empty canvas. */
  async chartPointCount(id: string): Promise<number> {
    return this.page.evaluate((chartId) => {
      const option = window.__storelensCharts?.[chartId]?.option as { series?: unknown } | undefined;
      const series = Array.isArray(option?.series) ? option.series : option?.series ? [option.series] : [];
      return (series as { data?: unknown[] }[]).reduce((n, s) => n + (Array.isArray(s.data) ? s.data.filter((d) => d !== null).length : 0), 0);
    }, id);
  }

  /** Waits until every chart card on the page has published a drawn chart, and returns their ids. */
  async waitForCharts(): Promise<string[]> {
    const cards = this.main.locator('[data-card]');
    await expect(this.main.locator('[aria-busy="true"]')).toHaveCount(0);
    const expected = await cards.evaluateAll((nodes) => nodes.filter((n) => n.querySelector('.echart')).map((n) => n.getAttribute('data-card') ?? ''));
    await expect.poll(async () => {
      const drawn = await this.page.evaluate((ids) => ids.filter((id: string) => window.__storelensCharts?.[id]?.renderedAt !== undefined), expected);
      return drawn.length;
    }).toBe(expected.length);
    return expected;
  }

  /** Clicks a real chart element: the data point's pixel, found through ECharts' own coordinate system. */
  async clickChartValue(id: string, seriesIndex: number, value: (number | string)[]): Promise<void> {
    const pixel = await this.page.evaluate(({ chartId, s, v }) => window.__storelensCharts?.[chartId]?.toPixel?.(s, v) ?? null, { chartId: id, s: seriesIndex, v: value });
    if (!pixel) throw new Error(`chart ${id} has no pixel for ${JSON.stringify(value)}`);
    const chart = this.page.locator(`[data-chart-id="${id}"]`);
    // The mouse clicks viewport pixels: a chart below the fold is brought into view first.
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) throw new Error(`chart ${id} is not on screen`);
    await this.page.mouse.click(box.x + (pixel[0] ?? 0), box.y + (pixel[1] ?? 0));
  }

  /**
   * A screenshot of the whole page: the app scrolls inside <main>, so the frame is unpinned for
   * the shot (otherwise a "full page" is only the viewport).
   */
  async screenshotWhole(path: string): Promise<void> {
    const style = await this.page.addStyleTag({ content: 'html, body, #root, .app { height: auto !important; } .content { overflow: visible !important; }' });
    await this.page.screenshot({ path, fullPage: true });
    await style.evaluate((node) => (node as Element).remove());
  }

  kpi(metricId: string): Locator {
    return this.main.getByTestId(`kpi-${metricId}`);
  }

  async chooseFilter(dimension: 'Region' | 'Category' | 'Channel' | 'Segment', value: string): Promise<void> {
    await this.filterBar.getByRole('button', { name: new RegExp(`^${dimension}:`) }).click();
    await this.filterBar.getByRole('group', { name: `${dimension} choices` }).getByLabel(value, { exact: true }).check();
    await this.filterBar.getByRole('button', { name: 'Done' }).click();
  }

  /** Saves the theme as Settings does and reloads, so ECharts re-initialises in that theme. */
  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    await invokeFromPage(this.page, 'settings.update', { theme });
    await this.page.reload();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }
}
