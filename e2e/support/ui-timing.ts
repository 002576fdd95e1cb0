import './browser-globals';
import type { Page } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

/**
 * In-page clocks for the UI timing report: a click clock, a log of every engine call the page
 * makes (so the report can tell the engine's time from the renderer's), and the chart wrapper's
 * `renderedAt` (set when ECharts has finished drawing an option).
 */

/** Records every POST /api/invoke with its method and its send/answer times. Call before the page loads. */
export async function logEngineCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__storelensRequests = [];
    const originalFetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      if (!String(input).endsWith('/api/invoke')) return originalFetch(input, init);
      const entry: { method: string; start: number; end?: number } = { method: '?', start: performance.now() };
      try {
        entry.method = (JSON.parse(String(init?.body)) as { method: string }).method;
      } catch {
        // Not JSON: logged as "?".
      }
      window.__storelensRequests?.push(entry);
      const response = await originalFetch(input, init);
      // The answer counts as arrived once its body is read, as the app's bridge reads it.
      void response.clone().text().then(() => (entry.end = performance.now()));
      return response;
    };
  });
}

export interface Redraw {
  /** Click to the last chart drawn. */
  totalMs: number;
  charts: number;
  /** Engine calls sent since the click, and when the last one answered before the last chart was drawn. */
  calls: number;
  lastAnswerMs: number;
  /** Each call as "method sent→answered", then each chart's draw, in ms after the click: what was waited for. */
  timeline: string;
}

/** Starts the clock at the next click anywhere and forgets earlier engine calls. */
export async function armClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__clickAt = undefined;
    window.__storelensRequests = [];
    document.addEventListener('click', () => (window.__clickAt ??= performance.now()), { capture: true, once: true });
  });
}

/** Waits for every chart on the page, then reads the clocks. */
export async function readRedraw(app: AppPage): Promise<Redraw> {
  const ids = await app.waitForCharts();
  return app.page.evaluate((chartIds) => {
    const clickAt = window.__clickAt ?? Number.NaN;
    const drawnAt = Math.max(clickAt, ...chartIds.map((id) => window.__storelensCharts?.[id]?.renderedAt ?? Number.NaN));
    const calls = window.__storelensRequests ?? [];
    const answers = calls.map((c) => c.end ?? Number.POSITIVE_INFINITY).filter((end) => end <= drawnAt);
    const timeline = calls
      .map((c) => `${c.method.replace(/^[a-z]+\./, '')} ${(c.start - clickAt).toFixed(0)}→${c.end === undefined ? '…' : (c.end - clickAt).toFixed(0)}`)
      .join(', ');
    const charts = chartIds.map((id) => `${id} drawn ${((window.__storelensCharts?.[id]?.renderedAt ?? Number.NaN) - clickAt).toFixed(0)}`).join(', ');
    return { totalMs: drawnAt - clickAt, charts: chartIds.length, calls: calls.length, lastAnswerMs: Math.max(clickAt, ...answers) - clickAt, timeline: `${timeline}; ${charts}` };
  }, ids);
}

export function describeRedraw(r: Redraw): string {
  return `${r.totalMs.toFixed(0)} ms for ${r.charts} charts (${r.calls} engine calls, last answer used at ${r.lastAnswerMs.toFixed(0)} ms, renderer after it ${(r.totalMs - r.lastAnswerMs).toFixed(0)} ms)`;
}

export interface ScrollReport {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  rowsInDom: number;
  /** After jumping to the last row: that frame, and the wait until the rows there are loaded. */
  jumpFrameMs: number;
  jumpLoadedMs: number;
}

/** Scrolls a virtual table `step` px a frame for 1.5 s, then jumps to its end. */
export async function measureTableScroll(page: Page, selector: string, step: number): Promise<ScrollReport | null> {
  return page.evaluate(async ({ tableSelector, step }) => {
    const box = document.querySelector(`${tableSelector} .table-scroll`);
    if (!box) return null;
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const frames: number[] = [];
    let last = await nextFrame();
    const end = last + 1500;
    while (last < end) {
      box.scrollTop += step;
      const now = await nextFrame();
      frames.push(now - last);
      last = now;
    }
    const rowsInDom = box.querySelectorAll('tbody tr[data-index]').length;
    const jumpedAt = performance.now();
    box.scrollTop = box.scrollHeight;
    await nextFrame();
    const jumpFrameMs = performance.now() - jumpedAt;
    // A row not fetched yet shows "…" in its customer cell until its page arrives.
    const isLoaded = () => {
      const rows = Array.from(box.querySelectorAll('tbody tr[data-index]'));
      return rows.length > 0 && rows.every((row) => row.querySelector('td:nth-child(2)')?.textContent !== '…');
    };
    while (!isLoaded() && performance.now() - jumpedAt < 30_000) await nextFrame();
    frames.sort((a, b) => a - b);
    const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(frames.length * q))] ?? 0;
    return { frames: frames.length, p50: at(0.5), p95: at(0.95), max: frames.at(-1) ?? 0, rowsInDom, jumpFrameMs, jumpLoadedMs: performance.now() - jumpedAt };
  }, { tableSelector: selector, step });
}
