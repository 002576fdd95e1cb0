/// <reference lib="dom" />
/**
 * What the specs read inside the page (page.evaluate runs in the browser). The renderer's
 * ECharts wrapper publishes each chart here; the timing report adds its click clock.
 */
declare global {
  interface Window {
    __storelensCharts?: Record<string, { option: unknown; isRendered: boolean; renderedAt?: number; toPixel?: (seriesIndex: number, value: (number | string)[]) => number[] | null }>;
    __clickAt?: number;
    /** The timing report's log of engine calls (method, sent, answered), in performance.now() ms. */
    __storelensRequests?: { method: string; start: number; end?: number }[];
  }
}

export {};
