import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { renderChartSvg, svgToPng } from './charts/render-chart';
import { computeInsights, type Insight } from './insights';
import { reportCharts } from './report-charts';
import { collectReportData, type ReportPeriod } from './report-data';
import { renderReportHtml, type RenderedChart } from './report-html';

export interface GenerateReportOptions extends ReportPeriod {
  outDir: string;
  appVersion: string;
  /** Fixed in tests so two runs can be compared; defaults to now. */
  generatedAt?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface GeneratedReport {
  htmlFile: string;
  pngFiles: string[];
  range: { from: string; to: string };
  insights: Insight[];
  fingerprint: string;
  charts: { id: string; isDrawn: boolean }[];
}

/**
 * Writes the one-page HTML memo (charts inline as SVG) and each chart as a PNG beside it.
 * Reads only, through the same engine functions as the dashboards.
 */
export function generateReport(db: Db, options: GenerateReportOptions): GeneratedReport {
  const outDir = path.resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const progress = options.onProgress ?? (() => undefined);
  progress(0, 3, 'computing figures');
  const data = collectReportData(db, { from: options.from, to: options.to });
  const insights = computeInsights(data);
  progress(1, 3, 'drawing charts');
  const stem = `storelens-report-${data.range.from}_${data.range.to}`;
  const rendered: RenderedChart[] = reportCharts(data).map((chart) => {
    if (!chart.option) return { id: chart.id, title: chart.title, svg: null, emptyNote: chart.emptyNote, pngFile: null };
    const svg = renderChartSvg(chart.option, chart.size);
    const pngFile = path.join(outDir, `${stem}-${chart.id}.png`);
    writeFileSync(pngFile, svgToPng(svg));
    return { id: chart.id, title: chart.title, svg, emptyNote: chart.emptyNote, pngFile };
  });
  progress(2, 3, 'writing the memo');
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const htmlFile = path.join(outDir, `${stem}.html`);
  writeFileSync(htmlFile, renderReportHtml(data, rendered, insights, { appVersion: options.appVersion, generatedAt }));
  progress(3, 3, 'done');
  return {
    htmlFile,
    pngFiles: rendered.flatMap((c) => (c.pngFile ? [c.pngFile] : [])),
    range: data.range,
    insights,
    fingerprint: data.fingerprint.hash,
    charts: rendered.map((c) => ({ id: c.id, isDrawn: c.svg !== null })),
  };
}
