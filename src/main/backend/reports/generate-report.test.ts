import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { overview } from '../analytics/overview';
import { seedAnalyticsWarehouse } from '../api/testing/seed-star';
import type { StarFixture } from '../api/testing/star-fixture';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import { PALETTE, ALERT } from './charts/chart-style';
import { generateReport, type GeneratedReport } from './generate-report';

const CHROMIUM = '/usr/bin/chromium';
let temp: TempBackend;
let fixture: StarFixture;
let report: GeneratedReport;
let html: string;
let browser: Browser;

beforeAll(async () => {
  temp = createTempBackend('storelens-report-');
  fixture = seedAnalyticsWarehouse(temp.backend.db);
  report = generateReport(temp.backend.db, { outDir: path.join(temp.dir, 'reports'), appVersion: '1.2.3', generatedAt: '2024-04-02T08:00:00.000Z' });
  html = readFileSync(report.htmlFile, 'utf8');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
  await temp.dispose();
});

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('generateReport', () => {
  it('defaults to the last 30 days of data and writes one HTML file and a PNG per chart', () => {
    const lastCounted = fixture.orders.filter((o) => o.isCounted).map((o) => o.orderDate).sort().at(-1);
    expect(report.range.to).toBe(lastCounted);
    expect(Date.parse(report.range.to) - Date.parse(report.range.from)).toBe(29 * 86_400_000);
    expect(report.charts.map((c) => c.id)).toEqual(['net-revenue', 'aov', 'retention', 'inventory-alerts']);
    expect(report.charts.every((c) => c.isDrawn)).toBe(true);
    expect(report.pngFiles).toHaveLength(4);
    for (const file of report.pngFiles) {
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: 880, height: 440 });
    }
  });

  it('is self-contained: inline SVG charts, no script, nothing fetched', () => {
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|src=|url\((?!#)/i);
    expect(html).toContain("default-src 'none'");
    // Four SVGs in one document: their clip-path ids must not collide.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the Overview KPIs of the period, with their previous values', () => {
    const engine = overview(temp.backend.db, FiltersSchema.parse({ from: report.range.from, to: report.range.to }));
    const net = engine.kpis.find((k) => k.metricId === 'net_sales');
    // Independent: net = Σ counted order nets in the period − refunds booked in it.
    const inRange = (d: string) => d >= report.range.from && d <= report.range.to;
    const expectedCents =
      fixture.orders.filter((o) => o.isCounted && inRange(o.orderDate)).reduce((s, o) => s + o.lines.reduce((t, l) => t + l.quantity * l.unitPriceCents - l.discountCents, 0), 0) -
      fixture.returns.filter((r) => inRange(r.returnDate)).reduce((s, r) => s + r.refundCents, 0);
    expect(Math.round((net?.value ?? 0) * 100)).toBe(expectedCents);
    const euros = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(net?.value ?? 0);
    expect(html).toMatch(new RegExp(`data-metric="net_sales"><div class="label">Net sales</div>\\s*<div class="value">${euros.replace('.', '\\.')}</div>`));
  });

  it('lists 3 to 5 insights computed from the data, and a reproducibility stamp', () => {
    expect(report.insights.length).toBeGreaterThanOrEqual(3);
    expect(report.insights.length).toBeLessThanOrEqual(5);
    expect(html.match(/data-insight=/g)).toHaveLength(report.insights.length);
    expect(report.insights.find((i) => i.id === 'sku_at_risk')?.text).toMatch(/^SKU-C \(Ceramic mug\)/);
    expect(html).toContain(`Data fingerprint <code>${report.fingerprint}</code>`);
    expect(html).toContain('Storelens 1.2.3 · generated 2024-04-02T08:00:00.000Z');
    expect(html).toContain('No quality run yet');
  });

  it('gives the same fingerprint for the same data', () => {
    const again = generateReport(temp.backend.db, { outDir: path.join(temp.dir, 'again'), appVersion: '1.2.3' });
    expect(again.fingerprint).toBe(report.fingerprint);
    expect(again.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('renders every chart in Chromium with a real size and data marks', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const failedRequests: string[] = [];
    page.on('requestfailed', (r) => failedRequests.push(r.url()));
    await page.goto(pathToFileURL(report.htmlFile).href);
    const seriesColors: Record<string, string[]> = {
      'net-revenue': [PALETTE[0] ?? '', PALETTE[2] ?? ''],
      aov: [PALETTE[1] ?? ''],
      retention: [PALETTE[0] ?? ''],
      'inventory-alerts': [ALERT, PALETTE[6] ?? ''],
    };
    const charts = await page.$$eval(
      'figure[data-chart]',
      (figures, colors) =>
        figures.map((figure) => {
          const id = figure.getAttribute('data-chart') ?? '';
          const svg = figure.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          const wanted = (colors as Record<string, string[]>)[id] ?? [];
          const marks = Array.from(svg?.querySelectorAll('path, rect, circle') ?? []).filter((el) => {
            const paint = `${el.getAttribute('fill') ?? ''} ${el.getAttribute('stroke') ?? ''}`;
            const b = (el as SVGGraphicsElement).getBBox();
            return wanted.some((c) => paint.includes(c)) && (b.width > 0 || b.height > 0);
          });
          return { id, width: box?.width ?? 0, height: box?.height ?? 0, marks: marks.length, series: wanted.length };
        }),
      seriesColors,
    );
    expect(charts.map((c) => c.id)).toEqual(['net-revenue', 'aov', 'retention', 'inventory-alerts']);
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(400);
      expect(chart.height, chart.id).toBeGreaterThan(200);
      // More painted marks than legend swatches: the series drew data, not just a legend.
      expect(chart.marks, chart.id).toBeGreaterThan(chart.series);
    }
    const daysWithSales = new Set(
      fixture.orders.filter((o) => o.isCounted && o.orderDate >= report.range.from && o.orderDate <= report.range.to).map((o) => o.orderDate),
    ).size;
    expect(charts.find((c) => c.id === 'net-revenue')?.marks).toBeGreaterThanOrEqual(daysWithSales);
    expect(failedRequests).toEqual([]);
    await page.screenshot({ path: path.join(temp.dir, 'report.png'), fullPage: true });
    await page.close();
  });
});
