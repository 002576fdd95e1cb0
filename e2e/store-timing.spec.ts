import './support/browser-globals';
import { test } from './support/app-fixture';
import { ensureDemoStore } from './support/demo-store';
import { AppPage } from './pages/app-page';

/**
 * A timing report, not a pass/fail test: how long a page switch takes to draw every chart, how
 * long a filter change takes to redraw, and how smoothly the top-customers table scrolls. The
 * figures are printed; the targets (≤ 500 ms, ≤ 300 ms, 100k rows) are for a 1M-line store.
 */

async function armClickClock(app: AppPage) {
  await app.page.evaluate(() => {
    window.__clickAt = undefined;
    document.addEventListener('click', () => (window.__clickAt ??= performance.now()), { capture: true, once: true });
  });
}

async function msSinceClickToLastChart(app: AppPage, ids: string[]): Promise<number> {
  return app.page.evaluate((chartIds) => {
    const last = Math.max(...chartIds.map((id) => window.__storelensCharts?.[id]?.renderedAt ?? Number.NaN));
    return last - (window.__clickAt ?? Number.NaN);
  }, ids);
}

test('timing report: page switches, filter redraws, table scrolling', async ({ openApp, request }) => {
  test.setTimeout(300_000);
  const source = await ensureDemoStore(request);
  const page = await openApp();
  const app = new AppPage(page);
  await app.waitForCharts();
  const lines: string[] = [`store: ${source}`];

  for (const label of ['Sales', 'Customers', 'Products', 'Overview']) {
    await armClickClock(app);
    await app.nav.getByRole('link', { name: label, exact: true }).click();
    const ids = await app.waitForCharts();
    lines.push(`page switch → ${label}: ${(await msSinceClickToLastChart(app, ids)).toFixed(0)} ms for ${ids.length} charts (target ≤ 500 ms)`);
  }

  await app.filterBar.getByRole('button', { name: /^Channel:/ }).click();
  const firstChannel = app.filterBar.getByRole('group', { name: 'Channel choices' }).getByRole('checkbox').first();
  await page.evaluate(() => Object.values(window.__storelensCharts ?? {}).forEach((c) => (c.renderedAt = undefined)));
  await armClickClock(app);
  await firstChannel.check();
  const ids = await app.waitForCharts();
  lines.push(`filter change (channel) on Overview: ${(await msSinceClickToLastChart(app, ids)).toFixed(0)} ms to redraw ${ids.length} charts (target ≤ 300 ms)`);
  await app.filterBar.getByRole('button', { name: 'Done' }).click();
  await app.filterBar.getByRole('button', { name: 'Reset' }).click();

  await app.goTo('Customers');
  await app.main.locator('[data-table="top-customers"] tbody tr').first().waitFor();
  const total = await app.main.getByTestId('customer-total').innerText();
  const scroll = await page.evaluate(async () => {
    const box = document.querySelector('[data-table="top-customers"] .table-scroll');
    if (!box) return null;
    const frames: number[] = [];
    let last = performance.now();
    const end = last + 1500;
    while (performance.now() < end) {
      box.scrollTop += 600;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    return { frames: frames.length, p50: frames[Math.floor(frames.length / 2)] ?? 0, p95: frames[Math.floor(frames.length * 0.95)] ?? 0, rowsInDom: box.querySelectorAll('tbody tr').length };
  });
  lines.push(
    scroll
      ? `top-customers scroll (${total}): ${scroll.frames} frames in 1.5 s, frame p50 ${scroll.p50.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms, ${scroll.rowsInDom} rows in the DOM (virtualised)`
      : 'top-customers table not found',
  );
  console.log(`\n── Storelens UI timing report ──\n${lines.join('\n')}\n`);
  test.info().annotations.push({ type: 'timing', description: lines.join(' | ') });
});
